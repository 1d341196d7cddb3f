package dev.nestor.hooks.v4;

import dev.nestor.codec.v4.Dhcp4Packet;
import dev.nestor.lease.Lease4;
import java.util.Objects;

/**
 * {@code lease4_decline}: a DECLINE is about to quarantine the client's lease (already checked: the lease is
 * valid and the client's). In: {@code query}, {@code lease} (still with the client's identity). Steps: SKIP or
 * DROP = the lease is not declined and stays as it is.
 */
public record Lease4Decline(Dhcp4Packet query, Lease4 lease) {
    public Lease4Decline {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(lease, "lease");
    }
}
