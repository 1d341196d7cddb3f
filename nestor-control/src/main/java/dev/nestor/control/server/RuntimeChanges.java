package dev.nestor.control.server;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether the running config was changed by commands ({@code subnet4-add}, {@code reservation-add}, ...) since it
 * was last read from or written to the config file, so {@code config-reload} can warn that those changes will be
 * discarded and {@code config-write} can clear the mark. One instance per server, shared by every command set
 * that changes the config and by the config commands; thread-safe.
 */
public final class RuntimeChanges {
    private final AtomicBoolean dirty = new AtomicBoolean();

    /** A command changed the running config. */
    public void markDirty() {
        dirty.set(true);
    }

    /** {@return true if the running config has changes the config file does not have} */
    public boolean isDirty() {
        return dirty.get();
    }

    /** The running config and the file agree again (after config-reload, config-set or config-write). */
    public void clear() {
        dirty.set(false);
    }
}
