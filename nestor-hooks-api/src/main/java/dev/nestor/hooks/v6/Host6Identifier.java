package dev.nestor.hooks.v6;

import dev.nestor.codec.v6.Dhcp6Packet;
import dev.nestor.common.Bytes;
import java.util.Objects;

/**
 * {@code host6_identifier}: an identifier of the query for host reservation lookup, computed by a library (Kea's
 * flex_id). Fired once per query where the server looks up reservations, when {@code host-reservation-identifiers}
 * lists {@code flex-id}. In: {@code query} (as received, see the package doc). In/out: {@code type} ({@link
 * IdentifierType#FLEX_ID} on entry, as in Kea), {@code identifier} (empty on entry). Steps: anything but CONTINUE,
 * or an empty identifier, means no identifier is added. With {@code FLEX_ID} the identifier is matched against
 * {@code "flex-id"} reservations; {@code DUID} or {@code HW_ADDRESS} replace the client's DUID or hardware address
 * in the reservation lookup only (leases still follow the client's DUID). Since API 1.2.
 */
public record Host6Identifier(Dhcp6Packet query, IdentifierType type, Bytes identifier) {
    /** Kea's host identifier types a DHCPv6 reservation can use. */
    public enum IdentifierType {
        HW_ADDRESS("hw-address"), DUID("duid"), FLEX_ID("flex-id");

        private final String keaName;

        IdentifierType(String keaName) { this.keaName = keaName; }

        /** {@return the name used in {@code host-reservation-identifiers}, e.g. "flex-id"} */
        public String keaName() { return keaName; }
    }

    public Host6Identifier {
        Objects.requireNonNull(query, "query");
        type = type == null ? IdentifierType.FLEX_ID : type;
        identifier = identifier == null ? Bytes.EMPTY : identifier;
    }

    /** The event as the server fires it: type flex-id, no identifier yet. */
    public Host6Identifier(Dhcp6Packet query) {
        this(query, IdentifierType.FLEX_ID, Bytes.EMPTY);
    }

    /** {@return this event answering a flex-id} */
    public Host6Identifier withIdentifier(Bytes id) { return new Host6Identifier(query, IdentifierType.FLEX_ID, id); }

    /** {@return this event answering an identifier of another type} */
    public Host6Identifier withIdentifier(IdentifierType t, Bytes id) { return new Host6Identifier(query, t, id); }
}
