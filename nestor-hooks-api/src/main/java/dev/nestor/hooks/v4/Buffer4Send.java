package dev.nestor.hooks.v4;

import dev.nestor.codec.v4.Dhcp4Packet;
import dev.nestor.common.Bytes;
import java.util.Objects;

/**
 * {@code buffer4_send}: the response is encoded and about to go out. In: {@code response} (changing it has no
 * effect any more). In/out: {@code wire}, the bytes sent. Steps: SKIP or DROP = nothing is sent (the lease
 * changes already happened; only the client is not told).
 */
public record Buffer4Send(Dhcp4Packet response, Bytes wire) {
    public Buffer4Send {
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(wire, "wire");
    }

    public Buffer4Send withWire(Bytes w) { return new Buffer4Send(response, w); }
}
