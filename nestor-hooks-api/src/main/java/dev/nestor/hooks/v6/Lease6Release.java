package dev.nestor.hooks.v6;

import dev.nestor.codec.v6.Dhcp6Packet;
import dev.nestor.lease.Lease6;
import java.util.Objects;

/** {@code lease6_release}: a RELEASE is about to act on the client's lease. In: everything. Steps: SKIP or DROP = the lease is left as it is. */
public record Lease6Release(Dhcp6Packet query, Lease6 lease) {
    public Lease6Release {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(lease, "lease");
    }
}
