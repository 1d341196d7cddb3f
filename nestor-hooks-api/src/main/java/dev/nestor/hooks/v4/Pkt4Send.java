package dev.nestor.hooks.v4;

import dev.nestor.codec.v4.Dhcp4Packet;
import dev.nestor.common.Bytes;
import java.util.Objects;

/**
 * {@code pkt4_send}: the response is about to be encoded. In: {@code query}, {@code subnet} (null when none).
 * In/out: {@code response} (add, change or remove options and fields here). Out: {@code wire}, read only with
 * SKIP.
 *
 * <p>Steps: SKIP = the server does not encode the response: it sends the {@link #withWire wire} bytes the callout
 * returned, or nothing when it returned none. DROP = the response is not sent.
 */
public record Pkt4Send(Dhcp4Packet query, Dhcp4Packet response, SubnetInfo4 subnet, Bytes wire) {
    public Pkt4Send {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(response, "response");
    }

    public Pkt4Send withResponse(Dhcp4Packet r) { return new Pkt4Send(query, r, subnet, wire); }

    public Pkt4Send withWire(Bytes w) { return new Pkt4Send(query, response, subnet, w); }
}
