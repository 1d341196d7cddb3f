package dev.nestor.hooks.runtime;

import dev.nestor.hooks.NextStep;
import java.util.Objects;

/**
 * The combined answer of a hook point's callouts: the step the server must take and the event as the last callout
 * left it. {@code failedLibrary} names the library whose callout threw (the step is then DROP).
 */
public record Outcome<E>(NextStep step, E event, String failedLibrary) {
    public Outcome {
        Objects.requireNonNull(step, "step");
    }

    public boolean is(NextStep s) { return step == s; }

    /** {@return whether a callout threw} The server drops the packet and counts it. */
    public boolean failed() { return failedLibrary != null; }
}
