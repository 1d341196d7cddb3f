package dev.nestor.hooks.v6;

import dev.nestor.codec.v6.Dhcp6Packet;
import dev.nestor.common.Bytes;
import java.util.Objects;

/**
 * {@code pkt6_send}: the reply is about to be encoded. In/out: {@code response}. Out: {@code wire} (with SKIP).
 * Steps: SKIP = send {@code wire} as returned (nothing when null) instead of encoding; DROP = not sent.
 */
public record Pkt6Send(Dhcp6Packet query, Dhcp6Packet response, SubnetInfo6 subnet, Bytes wire) {
    public Pkt6Send {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(response, "response");
    }

    public Pkt6Send withResponse(Dhcp6Packet r) { return new Pkt6Send(query, r, subnet, wire); }

    public Pkt6Send withWire(Bytes w) { return new Pkt6Send(query, response, subnet, w); }
}
