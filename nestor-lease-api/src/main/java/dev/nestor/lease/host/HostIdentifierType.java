package dev.nestor.lease.host;

/**
 * Kea's host identifier types, with the code Kea stores in {@code hosts.dhcp_identifier_type} (table
 * {@code host_identifier_type}) and the keyword of a reservation map.
 */
public enum HostIdentifierType {
    HW_ADDRESS(0, "hw-address"), DUID(1, "duid"), CIRCUIT_ID(2, "circuit-id"), CLIENT_ID(3, "client-id"),
    FLEX_ID(4, "flex-id");

    private final int code;
    private final String keaName;

    HostIdentifierType(int code, String keaName) {
        this.code = code;
        this.keaName = keaName;
    }

    /** The value of {@code hosts.dhcp_identifier_type}. */
    public int code() { return code; }

    /** The reservation keyword, e.g. {@code "hw-address"}. */
    public String keaName() { return keaName; }

    /** @throws IllegalArgumentException for a code Kea does not define */
    public static HostIdentifierType ofCode(int code) {
        for (HostIdentifierType t : values()) if (t.code == code) return t;
        throw new IllegalArgumentException("unknown host identifier type " + code);
    }

    /** Null when {@code name} is not an identifier keyword. */
    public static HostIdentifierType ofKeaName(String name) {
        for (HostIdentifierType t : values()) if (t.keaName.equals(name)) return t;
        return null;
    }
}
