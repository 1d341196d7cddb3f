package dev.nestor.hooks.v4;

import dev.nestor.codec.v4.Dhcp4Packet;
import dev.nestor.lease.Lease4;
import java.util.Objects;

/**
 * {@code lease4_server_decline}: the server itself declined an address it was about to offer, because something
 * else on the link uses it (a ping check got an answer). In: {@code query} (the DISCOVER), {@code lease} (the
 * declined lease, already stored: state declined, no client identity, valid for {@code decline-probation-period}).
 * Steps: none (the decline has happened). Since API 1.1.
 */
public record Lease4ServerDecline(Dhcp4Packet query, Lease4 lease) {
    public Lease4ServerDecline {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(lease, "lease");
    }
}
