package dev.nestor.lease;

/**
 * Lease state codes, numerically identical to Kea's {@code Lease::STATE_*} constants (lease.h), because they are
 * stored as-is in lease files and SQL tables.
 */
public enum LeaseState {
    /** Assigned (or offered and committed) to a client; may be past its expiry and awaiting reclamation. */
    DEFAULT(0),
    /** Declined by a client (DHCPDECLINE: address in use); held for the probation period. */
    DECLINED(1),
    /** Expired and reclaimed: no longer assigned, kept so the client may get the same address back. */
    EXPIRED_RECLAIMED(2),
    /** Released by the client (DHCPRELEASE) but kept in the database for lease affinity (Kea 2.7.x+). */
    RELEASED(3),
    /**
     * DHCPv6 only (Kea 3.0+, RFC 9686): an address the client configured itself and registered with the server.
     * {@link #of(int)} refuses it and {@link Lease4} cannot hold it.
     */
    REGISTERED(4);

    private final int code;

    LeaseState(int code) { this.code = code; }

    /** The numeric code stored in lease files and databases. */
    public int code() { return code; }

    /**
     * The state for a stored DHCPv4 code.
     *
     * @throws IllegalArgumentException for codes that have no DHCPv4 meaning (Kea's 4, REGISTERED, is DHCPv6-only)
     */
    public static LeaseState of(int code) {
        return switch (code) {
            case 0 -> DEFAULT;
            case 1 -> DECLINED;
            case 2 -> EXPIRED_RECLAIMED;
            case 3 -> RELEASED;
            default -> throw new IllegalArgumentException("unknown DHCPv4 lease state: " + code);
        };
    }

    /**
     * The state for a stored DHCPv6 code: those of {@link #of(int)} plus 4, {@link #REGISTERED}.
     *
     * @throws IllegalArgumentException for codes Kea does not define
     */
    public static LeaseState of6(int code) {
        return switch (code) {
            case 0, 1, 2, 3 -> of(code);
            case 4 -> REGISTERED;
            default -> throw new IllegalArgumentException("unknown DHCPv6 lease state: " + code);
        };
    }
}
