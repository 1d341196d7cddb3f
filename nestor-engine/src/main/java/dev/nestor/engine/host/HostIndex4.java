package dev.nestor.engine.host;

import dev.nestor.codec.option.OptionDefinitions;
import dev.nestor.common.Bytes;
import dev.nestor.common.net.Ipv4;
import dev.nestor.config.model.Dhcp4Config;
import dev.nestor.config.model.Reservation4;
import dev.nestor.config.model.Reservation4.IdentifierType;
import dev.nestor.config.model.Subnet4;
import dev.nestor.lease.host.Host;
import dev.nestor.lease.host.HostIdentifierType;
import dev.nestor.lease.host.HostStore;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Host reservations: those of the config, indexed by (subnet, identifier) and by (subnet, address), then those of
 * the host databases ({@code hosts-databases}) in their configured order, as Kea's HostMgr consults its sources.
 * Global reservations live under subnet id 0, as in Kea. The config part is immutable and built once per config;
 * a database is asked only on a miss, one indexed lookup per identifier the query offers (or per address).
 */
public final class HostIndex4 {
    private record IdKey(long subnetId, IdentifierType type, Bytes id) {}
    private record AddrKey(long subnetId, int address) {}

    private final Map<IdKey, Reservation4> byIdentifier = new HashMap<>();
    private final Map<AddrKey, Reservation4> byAddress = new HashMap<>();
    private final List<HostStore> databases;
    private final OptionDefinitions definitions;

    /** The config's reservations only. */
    public HostIndex4(Dhcp4Config config) {
        this(config, List.of());
    }

    /** The config's reservations, then {@code databases} in order (the server owns and closes them). */
    public HostIndex4(Dhcp4Config config, List<HostStore> databases) {
        this.databases = List.copyOf(databases);
        this.definitions = config.optionDefinitions();
        for (Reservation4 r : config.globalReservations()) put(0, r);
        for (Subnet4 s : config.subnets()) {
            for (Reservation4 r : s.reservations()) put(s.id(), r);
        }
    }

    private void put(long subnetId, Reservation4 r) {
        byIdentifier.putIfAbsent(new IdKey(subnetId, r.identifierType(), r.identifier()), r);
        if (r.ipAddress() != null) byAddress.putIfAbsent(new AddrKey(subnetId, r.ipAddress()), r);
    }

    /**
     * Finds the reservation of a client in a subnet (0 = global), trying the identifiers in the configured
     * order ({@code host-reservation-identifiers}), in the config first and then in each host database.
     */
    public Optional<Reservation4> find(long subnetId, List<IdentifierType> order, ClientIdentifiers ids) {
        for (IdentifierType type : order) {
            Bytes id = ids.get(type);
            if (id == null) continue;
            Reservation4 r = byIdentifier.get(new IdKey(subnetId, type, id));
            if (r != null) return Optional.of(r);
        }
        for (HostStore db : databases) {
            for (IdentifierType type : order) {
                Bytes id = ids.get(type);
                if (id == null || id.isEmpty() || id.length() > Host.MAX_IDENTIFIER_LENGTH) continue;
                Optional<Host> h = db.get(HostStore.Family.V4, subnetId, storeType(type), id);
                if (h.isPresent()) return Optional.of(HostRecords.toReservation4(h.get(), definitions));
            }
        }
        return Optional.empty();
    }

    /** The reservation of an address in a subnet (0 = global): the config's, else the first database's. */
    public Optional<Reservation4> byAddress(long subnetId, int address) {
        Reservation4 r = byAddress.get(new AddrKey(subnetId, address));
        if (r != null) return Optional.of(r);
        for (HostStore db : databases) {
            List<Host> hosts = db.getByAddress(HostStore.Family.V4, subnetId, Bytes.of(Ipv4.toBytes(address)));
            if (!hosts.isEmpty()) return Optional.of(HostRecords.toReservation4(hosts.getFirst(), definitions));
        }
        return Optional.empty();
    }

    /** Whether there are no reservations at all: none in the config and no host database. */
    public boolean isEmpty() {
        return byIdentifier.isEmpty() && databases.isEmpty();
    }

    /** The host databases consulted after the config, in order. */
    public List<HostStore> databases() {
        return databases;
    }

    static HostIdentifierType storeType(IdentifierType type) {
        return switch (type) {
            case HW_ADDRESS -> HostIdentifierType.HW_ADDRESS;
            case DUID -> HostIdentifierType.DUID;
            case CIRCUIT_ID -> HostIdentifierType.CIRCUIT_ID;
            case CLIENT_ID -> HostIdentifierType.CLIENT_ID;
            case FLEX_ID -> HostIdentifierType.FLEX_ID;
        };
    }

    /** The identifiers a query offers, by type; null where the query has none. */
    public record ClientIdentifiers(Bytes hwAddress, Bytes clientId, Bytes circuitId, Bytes duid, Bytes flexId) {
        public Bytes get(IdentifierType type) {
            return switch (type) {
                case HW_ADDRESS -> hwAddress;
                case CLIENT_ID -> clientId;
                case CIRCUIT_ID -> circuitId;
                case DUID -> duid;
                case FLEX_ID -> flexId;
            };
        }
    }
}
