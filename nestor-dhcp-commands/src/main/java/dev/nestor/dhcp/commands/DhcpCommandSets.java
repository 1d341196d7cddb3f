package dev.nestor.dhcp.commands;

import dev.nestor.control.CommandRegistry;

import java.time.Clock;

/**
 * Registers the hook-library command sets that work on the config alone, for either protocol: host_cmds
 * (reservation-*), subnet_cmds (subnet4-* / subnet6-*, network4-* / network6-*), class_cmds (class-*) and
 * stat_cmds (stat-lease4-get / stat-lease6-get). lease_cmds, which work on the protocol's lease store, are
 * registered by the server module beside these.
 */
public final class DhcpCommandSets {
    private DhcpCommandSets() {}

    /**
     * @param edit  the running server's config and how changes go live
     * @param hosts the protocol's reservations
     * @param stats the protocol's stat-lease table
     * @param clock stamps stat-lease results
     */
    public static <C> void register(CommandRegistry r, ConfigEdit<C> edit, HostFamily<C> hosts, StatCommands.Table stats, Clock clock) {
        HostCommands.registerAll(r, edit, hosts);
        SubnetCommands.registerAll(r, edit);
        ClassCommands.registerAll(r, edit);
        StatCommands.register(r, edit, stats, clock);
    }
}
