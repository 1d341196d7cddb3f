package dev.nestor.dhcp4.command;

import dev.nestor.config.ConfigException;
import dev.nestor.config.model.Dhcp4Config;
import dev.nestor.dhcp4.Dhcp4Server;

import java.nio.file.Path;

/**
 * Where the running config came from and how a new one goes live, so config-reload / config-write can go back to
 * the file and config-set / config-test run the daemon's whole preparation (server runtime, control channels,
 * loggers), not only the server's.
 */
public interface ConfigSource {
    /** The config file given on the command line; null when there is none. */
    Path file();

    /** Reads and validates the file again. */
    Dhcp4Config read() throws ConfigException;

    /**
     * Prepares everything {@code config} needs and swaps it into the running server (and applies its loggers and
     * control channels). On any failure the running config stays in service.
     */
    void apply(Dhcp4Config config) throws Exception;

    /**
     * Runs {@link #apply}'s preparation and stops before the swap (config-test). The default checks what the
     * server itself prepares; the daemon adds its control channels.
     */
    default void check(Dhcp4Config config) throws Exception {
        Dhcp4Server.test(config);
    }
}
