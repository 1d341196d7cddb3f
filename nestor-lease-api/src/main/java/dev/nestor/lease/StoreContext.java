package dev.nestor.lease;

import dev.nestor.common.time.Clock;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What a store gets from the server besides its own parameters.
 *
 * @param clock         the server clock (expiry, LFC scheduling)
 * @param dataDirectory where relative or default file names resolve (Kea's data directory)
 */
public record StoreContext(Clock clock, Path dataDirectory) {
    public StoreContext {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(dataDirectory, "dataDirectory");
    }
}
