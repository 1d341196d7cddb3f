package dev.nestor.config.model;

/**
 * Kea's {@code sanity-checks}: what to do with a lease (loaded from storage) that does not fit the config.
 *
 * @param leaseChecks        "none", "warn" (default), "fix", "fix-del" or "del"
 * @param extendedInfoChecks "none", "fix" (default), "strict" or "pedantic"
 */
public record SanityChecks(String leaseChecks, String extendedInfoChecks) {
    public static SanityChecks defaults() { return new SanityChecks("warn", "fix"); }
}
