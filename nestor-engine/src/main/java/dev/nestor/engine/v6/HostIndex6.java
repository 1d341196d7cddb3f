package dev.nestor.engine.v6;

import dev.nestor.codec.net.Ipv6Prefix;
import dev.nestor.common.Bytes;
import dev.nestor.config.model.Dhcp6Config;
import dev.nestor.config.model.Reservation6;
import dev.nestor.config.model.Reservation6.IdentifierType;
import dev.nestor.config.model.Subnet6;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * DHCPv6 host reservations from the config, indexed by (subnet, identifier), (subnet, address) and (subnet,
 * prefix). Global reservations live under subnet id 0, as in Kea. Immutable; built once per config.
 */
public final class HostIndex6 {
    private record IdKey(long subnetId, IdentifierType type, Bytes id) {}
    private record AddrKey(long subnetId, Bytes address) {}
    private record PrefixKey(long subnetId, Ipv6Prefix prefix) {}

    private final Map<IdKey, Reservation6> byIdentifier = new HashMap<>();
    private final Map<AddrKey, Reservation6> byAddress = new HashMap<>();
    private final Map<PrefixKey, Reservation6> byPrefix = new HashMap<>();

    public HostIndex6(Dhcp6Config config) {
        for (Reservation6 r : config.globalReservations()) put(0, r);
        for (Subnet6 s : config.subnets()) {
            for (Reservation6 r : s.reservations()) put(s.id(), r);
        }
    }

    private void put(long subnetId, Reservation6 r) {
        byIdentifier.putIfAbsent(new IdKey(subnetId, r.identifierType(), r.identifier()), r);
        for (Bytes a : r.ipAddresses()) byAddress.putIfAbsent(new AddrKey(subnetId, a), r);
        for (Reservation6.PrefixReservation p : r.prefixes()) byPrefix.putIfAbsent(new PrefixKey(subnetId, p.prefix()), r);
    }

    /** The client's reservation in a subnet (0 = global), trying identifiers in the configured order. */
    public Optional<Reservation6> find(long subnetId, List<IdentifierType> order, ClientIds ids) {
        for (IdentifierType type : order) {
            Bytes id = ids.get(type);
            if (id == null) continue;
            Reservation6 r = byIdentifier.get(new IdKey(subnetId, type, id));
            if (r != null) return Optional.of(r);
        }
        return Optional.empty();
    }

    public Optional<Reservation6> byAddress(long subnetId, Bytes address) {
        return Optional.ofNullable(byAddress.get(new AddrKey(subnetId, address)));
    }

    public Optional<Reservation6> byPrefix(long subnetId, Ipv6Prefix prefix) {
        return Optional.ofNullable(byPrefix.get(new PrefixKey(subnetId, prefix)));
    }

    /** The identifiers a query offers; null where it has none. */
    public record ClientIds(Bytes duid, Bytes hwAddress, Bytes flexId) {
        public Bytes get(IdentifierType type) {
            return switch (type) {
                case DUID -> duid;
                case HW_ADDRESS -> hwAddress;
                case FLEX_ID -> flexId;
            };
        }
    }
}
