package dev.nestor.hooks.v6;

import dev.nestor.codec.v6.Dhcp6Packet;
import dev.nestor.lease.Lease6;
import java.util.Objects;

/**
 * {@code lease6_rebind}: a REBIND extends a lease the client holds. In: {@code query}, {@code subnet}. In/out:
 * {@code lease}, the extended lease about to be written. Steps: SKIP = the lease is not updated (old values kept).
 */
public record Lease6Rebind(Dhcp6Packet query, SubnetInfo6 subnet, Lease6 lease) {
    public Lease6Rebind {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(lease, "lease");
    }

    public Lease6Rebind withLease(Lease6 l) { return new Lease6Rebind(query, subnet, l); }
}
