package dev.nestor.control.http;

/**
 * A control channel configuration that cannot be used (bad value, unreadable credential file, unusable TLS
 * material). {@link #path()} is the JSON path of the offending element, e.g.
 * {@code Dhcp4.control-sockets[1].authentication.clients[0].password-file}.
 */
public final class ControlConfigException extends Exception {
    private final String path;

    public ControlConfigException(String path, String message) {
        super(message);
        this.path = path == null ? "" : path;
    }

    public ControlConfigException(String path, String message, Throwable cause) {
        super(message, cause);
        this.path = path == null ? "" : path;
    }

    public String path() {
        return path;
    }

    @Override
    public String toString() {
        return path.isEmpty() ? getMessage() : path + ": " + getMessage();
    }
}
