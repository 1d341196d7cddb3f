package dev.nestor.ddns.client;

/** Kea's {@code ddns-replace-client-name}: when the server replaces the name the client sent with a generated one. */
public enum ReplaceClientName {
    /** Use the client's name; generate one only when the client sent an empty name. */
    NEVER("never"),
    /** Always generate, whether or not the client sent a name. */
    ALWAYS("always"),
    /** Generate when the client sent a name (and send nothing when it did not). */
    WHEN_PRESENT("when-present"),
    /** Generate when the client sent no name; keep the one it sent. */
    WHEN_NOT_PRESENT("when-not-present");

    private final String keaName;

    ReplaceClientName(String keaName) {
        this.keaName = keaName;
    }

    public String keaName() {
        return keaName;
    }

    /** Kea's names; Kea 1.x's booleans {@code true}/{@code false} read as always/never. */
    public static ReplaceClientName fromKeaName(String name) {
        return switch (name) {
            case "never", "false" -> NEVER;
            case "always", "true" -> ALWAYS;
            case "when-present" -> WHEN_PRESENT;
            case "when-not-present" -> WHEN_NOT_PRESENT;
            default -> throw new IllegalArgumentException("invalid ddns-replace-client-name: " + name);
        };
    }

    /** The server replaces a name the client sent. */
    boolean replacesPresent() {
        return this == ALWAYS || this == WHEN_PRESENT;
    }

    /** The server supplies a name when the client sent none. */
    boolean suppliesMissing() {
        return this == ALWAYS || this == WHEN_NOT_PRESENT;
    }
}
