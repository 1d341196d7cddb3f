package dev.nestor.ddns.config;

import java.util.Locale;

/** The TSIG algorithms Kea's D2 accepts, with their configuration names and the smallest truncation allowed. */
public enum TsigAlgorithm {
    HMAC_MD5("HMAC-MD5", 80),
    HMAC_SHA1("HMAC-SHA1", 80),
    HMAC_SHA224("HMAC-SHA224", 112),
    HMAC_SHA256("HMAC-SHA256", 128),
    HMAC_SHA384("HMAC-SHA384", 192),
    HMAC_SHA512("HMAC-SHA512", 256);

    private final String keaName;
    private final int minDigestBits;

    TsigAlgorithm(String keaName, int minDigestBits) {
        this.keaName = keaName;
        this.minDigestBits = minDigestBits;
    }

    /** As written in the configuration (upper case), e.g. {@code HMAC-SHA256}. */
    public String keaName() {
        return keaName;
    }

    /** Kea: a non-zero {@code digest-bits} must be at least 80 and at least half the hash length. */
    public int minDigestBits() {
        return minDigestBits;
    }

    /** Case-insensitive, as Kea. @throws IllegalArgumentException for an unknown name */
    public static TsigAlgorithm fromKeaName(String name) {
        String n = name.toUpperCase(Locale.ROOT);
        for (TsigAlgorithm a : values()) if (a.keaName.equals(n)) return a;
        throw new IllegalArgumentException("Unknown TSIG Key algorithm: " + name);
    }
}
