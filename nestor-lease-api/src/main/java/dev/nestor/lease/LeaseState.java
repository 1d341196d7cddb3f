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
    RELEASED(3);

    private final int code;

    LeaseState(int code) { this.code = code; }

    /** The numeric code stored in lease files and databases. */
    public int code() { return code; }

    /**
     * The state for a stored code.
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
}
