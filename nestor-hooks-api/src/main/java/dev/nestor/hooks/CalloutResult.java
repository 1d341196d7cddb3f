package dev.nestor.hooks;

import java.util.Objects;

/**
 * A callout's answer: the next step and, where the point lets callouts change data (its event's documentation
 * says which fields are read back), the changed event. {@code event} null means "unchanged".
 */
public record CalloutResult<E>(NextStep step, E event) {
    public CalloutResult {
        Objects.requireNonNull(step, "step");
    }

    /** CONTINUE, event unchanged. */
    public static <E> CalloutResult<E> proceed() { return new CalloutResult<>(NextStep.CONTINUE, null); }

    /** CONTINUE with a changed event. */
    public static <E> CalloutResult<E> proceed(E changed) { return new CalloutResult<>(NextStep.CONTINUE, Objects.requireNonNull(changed)); }

    /** SKIP, event unchanged. */
    public static <E> CalloutResult<E> skip() { return new CalloutResult<>(NextStep.SKIP, null); }

    /** SKIP with a changed event (e.g. buffer4_receive: the packet the callout parsed itself). */
    public static <E> CalloutResult<E> skip(E changed) { return new CalloutResult<>(NextStep.SKIP, Objects.requireNonNull(changed)); }

    /** DROP. */
    public static <E> CalloutResult<E> drop() { return new CalloutResult<>(NextStep.DROP, null); }

    /** PARK: the library will call {@link ParkingLot#unpark(boolean)} on the event's handle later. */
    public static <E> CalloutResult<E> park() { return new CalloutResult<>(NextStep.PARK, null); }
}
