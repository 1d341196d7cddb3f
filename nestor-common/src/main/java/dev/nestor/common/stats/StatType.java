package dev.nestor.common.stats;

/**
 * The value type of an observation, fixed when the observation is created (Kea's {@code Observation::Type}).
 * Kea's 128-bit "big integer" type is not carried over: DHCPv4 counters fit a {@code long}.
 */
public enum StatType {
    INTEGER("integer"),
    FLOAT("float"),
    DURATION("duration"),
    STRING("string");

    private final String keaName;

    StatType(String keaName) {
        this.keaName = keaName;
    }

    /** {@return the name Kea uses for this type in error texts} */
    public String keaName() {
        return keaName;
    }
}
