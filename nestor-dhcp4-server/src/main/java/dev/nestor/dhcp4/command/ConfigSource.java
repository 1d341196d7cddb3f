package dev.nestor.dhcp4.command;

import dev.nestor.config.ConfigException;
import dev.nestor.config.model.Dhcp4Config;

import java.nio.file.Path;

/** Where the running config came from, so config-reload / config-write can go back to it. */
public interface ConfigSource {
    Path file();

    /** Reads and validates the file again. */
    Dhcp4Config read() throws ConfigException;

    /** Swaps the config into the running server (and applies its loggers). */
    void apply(Dhcp4Config config) throws Exception;
}
