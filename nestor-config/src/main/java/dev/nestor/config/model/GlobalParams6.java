package dev.nestor.config.model;

import java.util.List;
import java.util.Objects;

/**
 * Global-only DHCPv6 server parameters. Parameters that subnets inherit are in {@link #scope()}: the global scope's
 * own effective values (what a subnet gets when it sets nothing, and what applies to global reservations).
 *
 * @param hostReservationIdentifiers order in which identifiers are tried when looking up reservations
 * @param serverTag                  "" when none
 * @param parkedPacketLimit          0 = unlimited
 * @param dhcp4o6Port                0 = DHCPv4-over-DHCPv6 disabled (only 0 is supported)
 * @param macSources                 where to look for a client's hardware address, in order
 * @param relaySuppliedOptions       option codes a relay may supply for the client (RFC 6422); Kea always
 *                                   includes 65 (erp-local-domain-name)
 * @param dataDirectory              deprecated {@code data-directory}, "" when not set
 */
public record GlobalParams6(List<Reservation6.IdentifierType> hostReservationIdentifiers,
                            long declineProbationPeriod, String serverTag, boolean earlyGlobalReservationsLookup,
                            boolean ipReservationsUnique, boolean reservationsLookupFirst, int parkedPacketLimit,
                            int dhcp4o6Port, int statisticDefaultSampleCount, long statisticDefaultSampleAge,
                            List<MacSource> macSources, List<Integer> relaySuppliedOptions, ServerIdSpec serverId,
                            String dataDirectory, MultiThreadingParams multiThreading,
                            CompatibilityParams compatibility, SanityChecks sanityChecks, SubnetParams6 scope) {
    public GlobalParams6 {
        hostReservationIdentifiers = List.copyOf(hostReservationIdentifiers);
        serverTag = serverTag == null ? "" : serverTag;
        macSources = List.copyOf(macSources);
        relaySuppliedOptions = List.copyOf(relaySuppliedOptions);
        Objects.requireNonNull(serverId, "serverId");
        dataDirectory = dataDirectory == null ? "" : dataDirectory;
        Objects.requireNonNull(multiThreading, "multiThreading");
        Objects.requireNonNull(compatibility, "compatibility");
        Objects.requireNonNull(sanityChecks, "sanityChecks");
        Objects.requireNonNull(scope, "scope");
    }

    /** Kea's default identifier order for DHCPv6. */
    public static final List<Reservation6.IdentifierType> DEFAULT_IDENTIFIERS = List.of(
            Reservation6.IdentifierType.HW_ADDRESS, Reservation6.IdentifierType.DUID);

    /** Option 65 (erp-local-domain-name), which Kea always lets relays supply. */
    public static final int ERP_LOCAL_DOMAIN_NAME = 65;

    public static GlobalParams6 defaults() {
        return new GlobalParams6(DEFAULT_IDENTIFIERS, 86400, "", false, true, false, 256, 0, 20, 0,
                MacSource.DEFAULT, List.of(ERP_LOCAL_DOMAIN_NAME), ServerIdSpec.defaults(), "",
                MultiThreadingParams.defaults(), CompatibilityParams.defaults(), SanityChecks.defaults(),
                SubnetParams6.defaults());
    }
}
