package dev.nestor.hooks.v4;

import dev.nestor.codec.v4.Dhcp4Packet;
import dev.nestor.hooks.Parkable;
import dev.nestor.hooks.ParkingLot;
import dev.nestor.lease.Lease4;
import java.util.List;
import java.util.Objects;

/**
 * {@code leases4_committed}: the lease changes of a REQUEST, RELEASE or DECLINE are in the store, and the response
 * (ACK or NAK; null for RELEASE and DECLINE) is built but not sent. In: everything. {@code leases} holds the lease
 * written (empty for a NAK or a lease reused unchanged), {@code deletedLeases} the ones removed (the released
 * lease, or the client's previous lease when it moved to another address).
 *
 * <p>Steps: DROP = the response is not sent. PARK = the response is held until the library calls
 * {@link ParkingLot#unpark(boolean)} on {@link #parkingLot()} (then pkt4_send and buffer4_send run).
 */
public record Leases4Committed(Dhcp4Packet query, Dhcp4Packet response, List<Lease4> leases, List<Lease4> deletedLeases,
                               ParkingLot parkingLot) implements Parkable {
    public Leases4Committed {
        Objects.requireNonNull(query, "query");
        leases = List.copyOf(leases);
        deletedLeases = List.copyOf(deletedLeases);
        Objects.requireNonNull(parkingLot, "parkingLot");
    }
}
