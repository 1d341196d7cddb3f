package dev.nestor.hooks.v4;

import dev.nestor.codec.v4.Dhcp4Packet;
import dev.nestor.hooks.Parkable;
import dev.nestor.hooks.ParkingLot;
import dev.nestor.lease.Lease4;
import java.util.List;
import java.util.Objects;

/**
 * {@code lease4_offer}: a DISCOVER's OFFER is built but not sent. In: {@code query}, {@code response},
 * {@code leases} (the offered lease), {@code oldLease} (the client's previous lease, or null).
 *
 * <p>Steps: DROP = the offer is discarded. PARK = the offer is held until the library calls
 * {@link ParkingLot#unpark(boolean)} on {@link #parkingLot()} (a ping check parks here; unpark(true) discards).
 */
public record Lease4Offer(Dhcp4Packet query, Dhcp4Packet response, List<Lease4> leases, Lease4 oldLease,
                          ParkingLot parkingLot) implements Parkable {
    public Lease4Offer {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(response, "response");
        leases = List.copyOf(leases);
        Objects.requireNonNull(parkingLot, "parkingLot");
    }
}
