package dev.nestor.dhcp4.command;

import dev.nestor.config.model.Dhcp4Config;

/**
 * Swaps a new, already parsed config into the running server (and whatever goes with it in the daemon, such as
 * loggers). Command sets that change the config at run time get one of these instead of the daemon itself, so
 * they can move into hook libraries unchanged.
 */
@FunctionalInterface
public interface ConfigApplier {
    void apply(Dhcp4Config config) throws Exception;
}
