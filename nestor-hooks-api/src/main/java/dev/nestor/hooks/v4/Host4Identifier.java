package dev.nestor.hooks.v4;

import dev.nestor.codec.v4.Dhcp4Packet;
import dev.nestor.common.Bytes;
import java.util.Objects;

/**
 * {@code host4_identifier}: the flexible identifier ({@code flex-id} in {@code host-reservation-identifiers}) of
 * the query. In: {@code query}. Out: {@code identifier}, empty when none. Steps: anything but CONTINUE means the
 * identifier is not used.
 */
public record Host4Identifier(Dhcp4Packet query, Bytes identifier) {
    public Host4Identifier {
        Objects.requireNonNull(query, "query");
        identifier = identifier == null ? Bytes.EMPTY : identifier;
    }

    public Host4Identifier withIdentifier(Bytes id) { return new Host4Identifier(query, id); }
}
