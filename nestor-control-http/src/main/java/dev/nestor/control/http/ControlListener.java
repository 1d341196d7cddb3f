package dev.nestor.control.http;

import java.io.IOException;

/**
 * A control channel endpoint that accepts commands until closed (an HTTP(S) listener; the daemon adapts its unix
 * socket to the same shape). Implementations are single-use: start once, close once (close is idempotent).
 */
public interface ControlListener extends AutoCloseable {
    /** Binds and starts accepting. @throws IOException when the address cannot be bound or TLS material is unusable */
    void start() throws IOException;

    /** {@return where it listens, e.g. {@code http://127.0.0.1:8000/} or a socket path} */
    String describe();

    /** Stops accepting; requests being answered get a short grace period to finish. */
    @Override
    void close();
}
