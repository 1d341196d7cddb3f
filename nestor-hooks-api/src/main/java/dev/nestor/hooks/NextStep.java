package dev.nestor.hooks;

/**
 * What a callout asks the server to do next (Kea's {@code CalloutHandle::CalloutNextStep}). Each
 * {@link HookPoint} documents which steps it honours and what they mean there; a step a point does not honour is
 * ignored (treated as {@link #CONTINUE}), as Kea does.
 */
public enum NextStep {
    /** Go on normally. */
    CONTINUE,
    /** Skip the server's next action at this point (e.g. do not parse, do not allocate, do not delete). */
    SKIP,
    /** Drop the packet: no answer, processing ends. */
    DROP,
    /**
     * Hold the query and its response until the library calls {@link ParkingLot#unpark(boolean)} on the event's
     * parking lot handle; only at points whose events implement {@link Parkable}.
     */
    PARK
}
