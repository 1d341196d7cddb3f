package dev.nestor.dhcp4.command;

import dev.nestor.config.model.Dhcp4Config;
import dev.nestor.control.CommandRegistry;
import dev.nestor.control.server.ConfigSource;
import dev.nestor.control.server.RuntimeChanges;
import dev.nestor.control.server.ServerCommands;
import dev.nestor.dhcp.commands.ConfigApplier;
import dev.nestor.dhcp.commands.ConfigCommands;
import dev.nestor.dhcp.commands.ConfigEdit;
import dev.nestor.dhcp.commands.DhcpCommandSets;
import dev.nestor.dhcp.commands.StatCommands;
import dev.nestor.dhcp4.Dhcp4Server;
import dev.nestor.dhcp4.Version;
import dev.nestor.lease.SubnetLeaseCounts;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * The DHCPv4 server's commands, answering with Kea's result codes, texts and argument shapes: the set every Kea
 * DHCP daemon answers ({@link ServerCommands}), the configuration commands ({@link ConfigCommands}),
 * subnet4-select-test, and the hook-library command sets: lease4-* here, the protocol-free ones
 * ({@link DhcpCommandSets}) shared with the DHCPv6 server.
 */
public final class Dhcp4Commands {
    private static final List<String> STAT_COLUMNS = List.of("subnet-id", "total-addresses", "cumulative-assigned-addresses",
            "assigned-addresses", "declined-addresses");

    private Dhcp4Commands() {}

    /**
     * Registers every built-in command of the DHCPv4 server.
     *
     * @param changes  shared with every command set that changes the config at run time
     * @param shutdown stops the daemon with the given exit value
     */
    public static void registerAll(CommandRegistry r, Dhcp4Server server, ConfigSource<Dhcp4Config> source,
                                   RuntimeChanges changes, IntConsumer shutdown) {
        ServerCommands.registerAll(r, server, Version.info(), shutdown);
        ConfigEdit<Dhcp4Config> edit = edit(server, source::apply, changes);
        ConfigCommands.registerAll(r, edit, source, (running, proposed) -> ConfigDiff4.diff(running, proposed,
                server.runtime().store().getAll(), server.clock().epochSeconds()));
        r.register("subnet4-select-test", c -> Subnet4SelectTest.handle(c, server.runtime()));
        registerLibraries(r, server, edit, Clock.systemUTC());
    }

    /**
     * Kea's hook-library command sets (lease_cmds, host_cmds, subnet_cmds, class_cmds, stat_cmds), built in.
     *
     * @param applier swaps in configs the commands change
     * @param clock   stamps stat-lease4-get's result set
     */
    public static void registerLibraries(CommandRegistry r, Dhcp4Server server, ConfigApplier<Dhcp4Config> applier,
                                         RuntimeChanges changes, Clock clock) {
        registerLibraries(r, server, edit(server, applier, changes), clock);
    }

    private static void registerLibraries(CommandRegistry r, Dhcp4Server server, ConfigEdit<Dhcp4Config> edit, Clock clock) {
        LeaseCommands4.registerAll(r, server);
        DhcpCommandSets.register(r, edit, Hosts4.HOSTS, new StatCommands.Table(STAT_COLUMNS, ids -> statRows(server, ids)), clock);
    }

    private static ConfigEdit<Dhcp4Config> edit(Dhcp4Server server, ConfigApplier<Dhcp4Config> applier, RuntimeChanges changes) {
        return new ConfigEdit<>(Dhcp4Family.FAMILY, server, () -> server.runtime().config(), applier, changes, server.stats());
    }

    /** stat-lease4-get's rows: totals from the statistics, assigned and declined counted in the store. */
    private static List<long[]> statRows(Dhcp4Server server, List<Long> ids) {
        Map<Long, SubnetLeaseCounts> counts = server.runtime().store().countBySubnet();
        return ids.stream().map(id -> {
            SubnetLeaseCounts c = counts.getOrDefault(id, new SubnetLeaseCounts(0, 0));
            return new long[] {id, StatCommands.stat(server.stats(), id, "total-addresses"),
                    StatCommands.stat(server.stats(), id, "cumulative-assigned-addresses"), c.assigned() + c.declined(), c.declined()};
        }).toList();
    }
}
