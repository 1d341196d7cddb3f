package dev.nestor.lease;

/**
 * What a DHCPv6 lease holds, with Kea's {@code Lease::Type} codes, because they are stored as-is in the
 * {@code lease_type} column of lease files and SQL tables.
 */
public enum LeaseType6 {
    /** A non-temporary address (IA_NA). */
    NA(0),
    /** A temporary address (IA_TA); deprecated by RFC 8415 but still a valid code. */
    TA(1),
    /** A delegated prefix (IA_PD). */
    PD(2);

    private final int code;

    LeaseType6(int code) { this.code = code; }

    /** The numeric code stored in lease files and databases. */
    public int code() { return code; }

    /**
     * The type for a stored code.
     *
     * @throws IllegalArgumentException for any other code (Kea's 3, TYPE_V4, is not a DHCPv6 lease)
     */
    public static LeaseType6 of(int code) {
        return switch (code) {
            case 0 -> NA;
            case 1 -> TA;
            case 2 -> PD;
            default -> throw new IllegalArgumentException("unknown DHCPv6 lease type: " + code);
        };
    }
}
