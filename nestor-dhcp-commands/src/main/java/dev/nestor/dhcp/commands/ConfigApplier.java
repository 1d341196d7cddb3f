package dev.nestor.dhcp.commands;

/**
 * Swaps a new, already parsed config into the running server (and whatever goes with it in the daemon, such as
 * loggers). Command sets that change the config at run time get one of these instead of the daemon itself, so
 * they can move into hook libraries unchanged.
 */
@FunctionalInterface
public interface ConfigApplier<C> {
    void apply(C config) throws Exception;
}
