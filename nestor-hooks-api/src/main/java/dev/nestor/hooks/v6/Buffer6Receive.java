package dev.nestor.hooks.v6;

import dev.nestor.codec.v6.Dhcp6Packet;
import dev.nestor.common.Bytes;
import java.util.Objects;

/**
 * {@code buffer6_receive}: a datagram arrived, not parsed yet. In/out: {@code data}. Out: {@code parsed} (with
 * SKIP). Steps: SKIP = do not parse (the callout returns the parsed packet, else it is dropped); DROP = drop.
 */
public record Buffer6Receive(Envelope6 envelope, Bytes data, Dhcp6Packet parsed) {
    public Buffer6Receive {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(data, "data");
    }

    public Buffer6Receive withData(Bytes d) { return new Buffer6Receive(envelope, d, parsed); }

    public Buffer6Receive withParsed(Dhcp6Packet p) { return new Buffer6Receive(envelope, data, p); }
}
