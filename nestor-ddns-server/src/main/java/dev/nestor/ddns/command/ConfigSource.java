package dev.nestor.ddns.command;

import dev.nestor.ddns.config.D2Config;
import dev.nestor.config.ConfigException;

import java.nio.file.Path;

/**
 * The daemon's single way to put a configuration into service (config-set, config-reload, SIGHUP), and to check
 * one without applying it (config-test). Implemented by the daemon, which also owns loggers and control channels.
 */
public interface ConfigSource {
    /** The configuration file, or null when running without one. */
    Path file();

    /** Reads and parses the configuration file. */
    D2Config read() throws ConfigException;

    /** Everything {@link #apply} would check, nothing applied. */
    void check(D2Config config) throws Exception;

    /** Prepares and swaps in the configuration; on any failure the running one stays. */
    void apply(D2Config config) throws Exception;
}
