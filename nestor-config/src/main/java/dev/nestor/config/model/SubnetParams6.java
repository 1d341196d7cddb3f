package dev.nestor.config.model;

import java.util.Objects;

/**
 * The EFFECTIVE lease and reply parameters of a DHCPv6 scope after inheritance global → shared network → subnet,
 * with Kea's defaults filled in. The same record describes the global scope itself ({@link GlobalParams6#scope()}).
 *
 * @param preferredLifetime null when no scope configures one: Kea then uses 5/8 of the valid lifetime granted
 *                          (see {@link #preferredFor(long)})
 * @param renewTimer        T1 in seconds, null when not configured (the engine applies {@code calculateTeeTimes})
 * @param rebindTimer       T2 in seconds, null when not configured
 * @param rapidCommit       set on shared networks and subnets only (a subnet inherits its network's value)
 * @param cacheMaxAge       lease cache max age in seconds, null when not configured
 * @param allocator         address allocator: "iterative" or "random" (Kea has no flq for addresses)
 * @param pdAllocator       prefix allocator: "iterative", "random" or "flq"
 */
public record SubnetParams6(Lifetime validLifetime, Lifetime preferredLifetime, Long renewTimer, Long rebindTimer,
                            boolean calculateTeeTimes, double t1Percent, double t2Percent, boolean rapidCommit,
                            double cacheThreshold, Long cacheMaxAge, boolean reservationsGlobal,
                            boolean reservationsInSubnet, boolean reservationsOutOfPool, String allocator,
                            String pdAllocator, boolean storeExtendedInfo, DdnsParams ddns, String hostnameCharSet,
                            String hostnameCharReplacement) {
    public SubnetParams6 {
        Objects.requireNonNull(validLifetime, "validLifetime");
        Objects.requireNonNull(allocator, "allocator");
        Objects.requireNonNull(pdAllocator, "pdAllocator");
        Objects.requireNonNull(ddns, "ddns");
        Objects.requireNonNull(hostnameCharSet, "hostnameCharSet");
        Objects.requireNonNull(hostnameCharReplacement, "hostnameCharReplacement");
    }

    /** Kea 3.0's DHCPv6 defaults (valid-lifetime 7200, calculated T1/T2 at 0.5/0.8, no rapid commit...). */
    public static SubnetParams6 defaults() {
        return new SubnetParams6(Lifetime.fixed(7200), null, null, null, true, 0.5, 0.8, false, 0.0, null, false,
                true, false, "iterative", "iterative", false, DdnsParams.defaults(), "[^A-Za-z0-9.-]", "");
    }

    /**
     * The preferred lifetime to grant with a valid lifetime of {@code valid} seconds when the client asked for
     * none: the configured default, or 5/8 of {@code valid} when none is configured or it exceeds {@code valid}
     * (Kea's AllocEngine rule).
     */
    public long preferredFor(long valid) {
        if (preferredLifetime == null || preferredLifetime.defaultValue() == 0 || preferredLifetime.defaultValue() > valid)
            return valid * 5 / 8;
        return preferredLifetime.defaultValue();
    }
}
