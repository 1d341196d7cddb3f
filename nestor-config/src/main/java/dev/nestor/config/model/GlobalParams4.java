package dev.nestor.config.model;

import java.util.List;
import java.util.Objects;

/**
 * Global-only DHCPv4 server parameters. Parameters that subnets inherit are in {@link #scope()}: the global
 * scope's own effective values (what a subnet gets when it sets nothing, and what applies to clients without a
 * subnet, e.g. global reservations).
 *
 * @param hostReservationIdentifiers order in which identifiers are tried when looking up reservations
 * @param serverTag                  "" when none
 * @param parkedPacketLimit          0 = unlimited
 * @param dhcp4o6Port                0 = DHCPv4-over-DHCPv6 disabled (only 0 is supported)
 */
public record GlobalParams4(boolean echoClientId, List<Reservation4.IdentifierType> hostReservationIdentifiers,
                            long declineProbationPeriod, String serverTag, boolean earlyGlobalReservationsLookup,
                            boolean ipReservationsUnique, boolean reservationsLookupFirst, boolean stashAgentOptions,
                            int parkedPacketLimit, int dhcp4o6Port, int statisticDefaultSampleCount,
                            long statisticDefaultSampleAge, MultiThreadingParams multiThreading,
                            CompatibilityParams compatibility, SanityChecks sanityChecks, SubnetParams4 scope) {
    public GlobalParams4 {
        hostReservationIdentifiers = List.copyOf(hostReservationIdentifiers);
        serverTag = serverTag == null ? "" : serverTag;
        Objects.requireNonNull(multiThreading, "multiThreading");
        Objects.requireNonNull(compatibility, "compatibility");
        Objects.requireNonNull(sanityChecks, "sanityChecks");
        Objects.requireNonNull(scope, "scope");
    }

    /** Kea's default identifier order for DHCPv4. */
    public static final List<Reservation4.IdentifierType> DEFAULT_IDENTIFIERS = List.of(
            Reservation4.IdentifierType.HW_ADDRESS, Reservation4.IdentifierType.DUID,
            Reservation4.IdentifierType.CIRCUIT_ID, Reservation4.IdentifierType.CLIENT_ID);

    public static GlobalParams4 defaults() {
        return new GlobalParams4(true, DEFAULT_IDENTIFIERS, 86400, "", false, true, false, false, 256, 0, 20, 0,
                MultiThreadingParams.defaults(), CompatibilityParams.defaults(), SanityChecks.defaults(),
                SubnetParams4.defaults());
    }
}
