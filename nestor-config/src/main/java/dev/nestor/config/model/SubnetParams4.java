package dev.nestor.config.model;

import java.util.Objects;

/**
 * The EFFECTIVE lease and reply parameters of a scope after inheritance global → shared network → subnet, with
 * Kea's defaults filled in. The same record describes the global scope itself ({@link GlobalParams4#scope()}).
 *
 * @param renewTimer    T1 in seconds, null when neither configured nor calculated here (the engine applies
 *                      {@code calculateTeeTimes})
 * @param rebindTimer   T2 in seconds, null when not configured
 * @param cacheMaxAge   lease cache max age in seconds, null when not configured (caching by age disabled)
 * @param offerLifetime seconds an offered address stays reserved, null when not configured (Kea: no offer lease)
 * @param nextServer    siaddr as an int, 0 = 0.0.0.0
 */
public record SubnetParams4(Lifetime validLifetime, Long renewTimer, Long rebindTimer, boolean calculateTeeTimes,
                            double t1Percent, double t2Percent, boolean authoritative, boolean matchClientId,
                            double cacheThreshold, Long cacheMaxAge, Long offerLifetime, int nextServer,
                            String serverHostname, String bootFileName, boolean reservationsGlobal,
                            boolean reservationsInSubnet, boolean reservationsOutOfPool, String allocator,
                            boolean storeExtendedInfo, DdnsParams ddns, String hostnameCharSet,
                            String hostnameCharReplacement) {
    public SubnetParams4 {
        Objects.requireNonNull(validLifetime, "validLifetime");
        Objects.requireNonNull(serverHostname, "serverHostname");
        Objects.requireNonNull(bootFileName, "bootFileName");
        Objects.requireNonNull(allocator, "allocator");
        Objects.requireNonNull(ddns, "ddns");
        Objects.requireNonNull(hostnameCharSet, "hostnameCharSet");
        Objects.requireNonNull(hostnameCharReplacement, "hostnameCharReplacement");
    }

    /** Kea 3.0's global defaults (valid-lifetime 7200, no timers, iterative allocator...). */
    public static SubnetParams4 defaults() {
        return new SubnetParams4(Lifetime.fixed(7200), null, null, false, 0.5, 0.875, false, true, 0.0, null, null,
                0, "", "", false, true, false, "iterative", false, DdnsParams.defaults(), "[^A-Za-z0-9.-]", "");
    }
}
