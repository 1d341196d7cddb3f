package dev.nestor.hooks.v6;

import dev.nestor.codec.v6.Dhcp6Packet;
import dev.nestor.common.Bytes;
import java.util.Objects;

/** {@code buffer6_send}: the reply is encoded. In/out: {@code wire}. Steps: SKIP or DROP = not sent. */
public record Buffer6Send(Dhcp6Packet response, Bytes wire) {
    public Buffer6Send {
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(wire, "wire");
    }

    public Buffer6Send withWire(Bytes w) { return new Buffer6Send(response, w); }
}
