package dev.nestor.hooks;

/** An event at a point where callouts may {@link NextStep#PARK} the query. */
public interface Parkable {
    /** {@return the handle to resume or drop this query once parked} */
    ParkingLot parkingLot();
}
