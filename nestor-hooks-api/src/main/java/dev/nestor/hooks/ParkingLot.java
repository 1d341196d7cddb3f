package dev.nestor.hooks;

/**
 * This query's place in the server's parking lot (Kea's {@code ParkingLotHandle}). A callout answering
 * {@link NextStep#PARK} keeps the handle and calls {@link #unpark(boolean)} later, from any thread, when its
 * asynchronous work is done (High Availability waits for the partner this way). Until then the server holds the
 * response; the query's client gets nothing.
 *
 * <p>Each callout that answered PARK holds one reference: the query resumes when every one of them has called
 * {@code unpark(false)}; one {@code unpark(true)} drops it at once. The lot is bounded by the config's
 * {@code parked-packet-limit} (per hook point, 0 = no limit): a query arriving at a full lot is dropped before the
 * callouts run, and counted in {@code pkt4-queue-full}. A reconfiguration drops every parked query, as Kea does.
 */
public interface ParkingLot {
    /**
     * Releases this callout's hold.
     *
     * @param drop true to discard the query and its response; false to let it resume
     * @return false when the query is no longer parked (already resumed or dropped)
     */
    boolean unpark(boolean drop);

    /** Resumes: {@code unpark(false)}. */
    default boolean unpark() { return unpark(false); }

    /** {@return whether the query is held in the lot now} */
    boolean isParked();

    /** A handle for events built where parking is impossible (tests, points without callouts). */
    static ParkingLot none() {
        return new ParkingLot() {
            @Override public boolean unpark(boolean drop) { return false; }
            @Override public boolean isParked() { return false; }
        };
    }
}
