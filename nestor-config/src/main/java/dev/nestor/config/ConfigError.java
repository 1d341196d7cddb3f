package dev.nestor.config;

import java.util.Objects;

/**
 * One configuration problem.
 *
 * @param path JSON path of the offending element, e.g. {@code Dhcp4.subnet4[2].pools[0].pool}, or
 *             {@code file:line:column} for syntax errors
 */
public record ConfigError(String path, String message) {
    public ConfigError {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() { return path.isEmpty() ? message : path + ": " + message; }
}
