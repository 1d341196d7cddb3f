package dev.nestor.engine.host;

import dev.nestor.common.Bytes;
import dev.nestor.config.model.Dhcp4Config;
import dev.nestor.config.model.Reservation4;
import dev.nestor.config.model.Reservation4.IdentifierType;
import dev.nestor.config.model.Subnet4;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Host reservations from the config, indexed by (subnet, identifier) and by (subnet, address). Global
 * reservations live under subnet id 0, as in Kea. Immutable; built once per config.
 */
public final class HostIndex4 {
    private record IdKey(long subnetId, IdentifierType type, Bytes id) {}
    private record AddrKey(long subnetId, int address) {}

    private final Map<IdKey, Reservation4> byIdentifier = new HashMap<>();
    private final Map<AddrKey, Reservation4> byAddress = new HashMap<>();

    public HostIndex4(Dhcp4Config config) {
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
     * order ({@code host-reservation-identifiers}).
     */
    public Optional<Reservation4> find(long subnetId, List<IdentifierType> order, ClientIdentifiers ids) {
        for (IdentifierType type : order) {
            Bytes id = ids.get(type);
            if (id == null) continue;
            Reservation4 r = byIdentifier.get(new IdKey(subnetId, type, id));
            if (r != null) return Optional.of(r);
        }
        return Optional.empty();
    }

    public Optional<Reservation4> byAddress(long subnetId, int address) {
        return Optional.ofNullable(byAddress.get(new AddrKey(subnetId, address)));
    }

    public boolean isEmpty() {
        return byIdentifier.isEmpty();
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
