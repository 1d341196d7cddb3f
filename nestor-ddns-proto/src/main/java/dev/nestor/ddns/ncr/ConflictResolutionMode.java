package dev.nestor.ddns.ncr;

/**
 * How the DDNS daemon protects names owned by other clients (Kea's {@code ddns-conflict-resolution-mode}, RFC 4703).
 */
public enum ConflictResolutionMode {
    /** RFC 4703: add only if the name is unused, replace only if its DHCID is ours. Kea's default. */
    CHECK_WITH_DHCID("check-with-dhcid"),
    /** Overwrite whatever is there, but still write a DHCID record. */
    NO_CHECK_WITH_DHCID("no-check-with-dhcid"),
    /** Replace when a DHCID record exists, whatever its value (a name managed by some DHCP server). */
    CHECK_EXISTS_WITH_DHCID("check-exists-with-dhcid"),
    /** Overwrite whatever is there and write no DHCID record. */
    NO_CHECK_WITHOUT_DHCID("no-check-without-dhcid");

    private final String keaName;

    ConflictResolutionMode(String keaName) {
        this.keaName = keaName;
    }

    /** The name in Kea's configuration and NCR JSON, e.g. {@code check-with-dhcid}. */
    public String keaName() {
        return keaName;
    }

    /**
     * The value of Kea 2.2's boolean {@code use-conflict-resolution}, which older receivers read instead: the
     * checking modes map to true, the others to false.
     */
    public boolean usesConflictResolution() {
        return this == CHECK_WITH_DHCID || this == CHECK_EXISTS_WITH_DHCID;
    }

    /** @throws IllegalArgumentException for an unknown name */
    public static ConflictResolutionMode fromKeaName(String name) {
        for (ConflictResolutionMode m : values()) if (m.keaName.equals(name)) return m;
        throw new IllegalArgumentException("Invalid ConflictResolutionMode: " + name);
    }
}
