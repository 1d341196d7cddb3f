package dev.nestor.engine.v6;

import dev.nestor.codec.net.Ipv6Prefix;
import dev.nestor.codec.option.OptionDefinitions;
import dev.nestor.common.Bytes;
import dev.nestor.config.model.Dhcp6Config;
import dev.nestor.config.model.Reservation6;
import dev.nestor.config.model.Reservation6.IdentifierType;
import dev.nestor.config.model.Subnet6;
import dev.nestor.engine.host.HostRecords;
import dev.nestor.lease.host.Host;
import dev.nestor.lease.host.HostIdentifierType;
import dev.nestor.lease.host.HostStore;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * DHCPv6 host reservations from the config, indexed by (subnet, identifier), (subnet, address) and (subnet,
 * prefix), then the host databases ({@code hosts-databases}) in their configured order, asked only on a miss.
 * Global reservations live under subnet id 0, as in Kea. The config part is immutable; built once per config.
 */
public final class HostIndex6 {
    private record IdKey(long subnetId, IdentifierType type, Bytes id) {}
    private record AddrKey(long subnetId, Bytes address) {}
    private record PrefixKey(long subnetId, Ipv6Prefix prefix) {}

    private final Map<IdKey, Reservation6> byIdentifier = new HashMap<>();
    private final Map<AddrKey, Reservation6> byAddress = new HashMap<>();
    private final Map<PrefixKey, Reservation6> byPrefix = new HashMap<>();

    private final List<HostStore> databases;
    private final OptionDefinitions definitions;

    public HostIndex6(Dhcp6Config config) {
        this(config, List.of());
    }

    /** The config's reservations, then {@code databases} in order (the server owns and closes them). */
    public HostIndex6(Dhcp6Config config, List<HostStore> databases) {
        this.databases = List.copyOf(databases);
        this.definitions = config.optionDefinitions();
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
        for (HostStore db : databases) {
            for (IdentifierType type : order) {
                Bytes id = ids.get(type);
                if (id == null || id.isEmpty() || id.length() > Host.MAX_IDENTIFIER_LENGTH) continue;
                Optional<Reservation6> r = db.get(HostStore.Family.V6, subnetId, storeType(type), id)
                        .flatMap(h -> HostRecords.toReservation6(h, definitions));
                if (r.isPresent()) return r;
            }
        }
        return Optional.empty();
    }

    public Optional<Reservation6> byAddress(long subnetId, Bytes address) {
        Reservation6 r = byAddress.get(new AddrKey(subnetId, address));
        if (r != null) return Optional.of(r);
        return fromDatabases(subnetId, address, h -> h.ipAddresses().contains(address));
    }

    public Optional<Reservation6> byPrefix(long subnetId, Ipv6Prefix prefix) {
        Reservation6 r = byPrefix.get(new PrefixKey(subnetId, prefix));
        if (r != null) return Optional.of(r);
        return fromDatabases(subnetId, prefix.network(),
                h -> h.prefixes().stream().anyMatch(p -> p.prefix().equals(prefix)));
    }

    private Optional<Reservation6> fromDatabases(long subnetId, Bytes address, java.util.function.Predicate<Reservation6> match) {
        for (HostStore db : databases) {
            for (Host h : db.getByAddress(HostStore.Family.V6, subnetId, address)) {
                Optional<Reservation6> r = HostRecords.toReservation6(h, definitions).filter(match);
                if (r.isPresent()) return r;
            }
        }
        return Optional.empty();
    }

    /** The host databases consulted after the config, in order. */
    public List<HostStore> databases() {
        return databases;
    }

    private static HostIdentifierType storeType(IdentifierType type) {
        return switch (type) {
            case HW_ADDRESS -> HostIdentifierType.HW_ADDRESS;
            case DUID -> HostIdentifierType.DUID;
            case FLEX_ID -> HostIdentifierType.FLEX_ID;
        };
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
