package dev.nestor.config.model;

/** Kea's {@code compatibility} map: switches that relax RFC strictness for broken clients or relays. */
public record CompatibilityParams(boolean lenientOptionParsing, boolean ignoreDhcpServerIdentifier,
                                  boolean ignoreRaiLinkSelection, boolean excludeFirstLast24) {
    public static CompatibilityParams defaults() { return new CompatibilityParams(false, false, false, false); }
}
