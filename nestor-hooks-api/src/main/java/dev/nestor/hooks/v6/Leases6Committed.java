package dev.nestor.hooks.v6;

import dev.nestor.codec.v6.Dhcp6Packet;
import dev.nestor.hooks.Parkable;
import dev.nestor.hooks.ParkingLot;
import dev.nestor.lease.Lease6;
import java.util.List;
import java.util.Objects;

/**
 * {@code leases6_committed}: lease changes of a REQUEST, RENEW, REBIND, RELEASE or DECLINE are stored; the reply is
 * built, not sent (null when there is none). Steps: DROP = the reply is not sent; PARK = held until
 * {@link ParkingLot#unpark(boolean)}.
 */
public record Leases6Committed(Dhcp6Packet query, Dhcp6Packet response, List<Lease6> leases, List<Lease6> deletedLeases,
                               ParkingLot parkingLot) implements Parkable {
    public Leases6Committed {
        Objects.requireNonNull(query, "query");
        leases = List.copyOf(leases);
        deletedLeases = List.copyOf(deletedLeases);
        Objects.requireNonNull(parkingLot, "parkingLot");
    }
}
