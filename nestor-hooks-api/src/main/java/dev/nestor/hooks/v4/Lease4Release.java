package dev.nestor.hooks.v4;

import dev.nestor.codec.v4.Dhcp4Packet;
import dev.nestor.lease.Lease4;
import java.util.Objects;

/**
 * {@code lease4_release}: a RELEASE is about to delete the client's lease. In: {@code query}, {@code lease}.
 * Steps: SKIP or DROP = the lease is kept (it expires normally).
 */
public record Lease4Release(Dhcp4Packet query, Lease4 lease) {
    public Lease4Release {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(lease, "lease");
    }
}
