package dev.nestor.hooks.v4;

import dev.nestor.codec.v4.Dhcp4Packet;
import dev.nestor.common.Bytes;
import java.util.Objects;

/**
 * {@code buffer4_receive}: a datagram arrived and is not parsed yet. In: {@code envelope}. In/out: {@code data}
 * (the server parses what the callouts leave). Out: {@code parsed}, read only with SKIP.
 *
 * <p>Steps: SKIP = the server does not parse; the callout must return the event {@link #withParsed parsed}
 * itself, else the packet is dropped. DROP = drop the packet (not counted: Kea leaves that to the callout).
 */
public record Buffer4Receive(Envelope4 envelope, Bytes data, Dhcp4Packet parsed) {
    public Buffer4Receive {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(data, "data");
    }

    public Buffer4Receive withData(Bytes d) { return new Buffer4Receive(envelope, d, parsed); }

    public Buffer4Receive withParsed(Dhcp4Packet p) { return new Buffer4Receive(envelope, data, p); }
}
