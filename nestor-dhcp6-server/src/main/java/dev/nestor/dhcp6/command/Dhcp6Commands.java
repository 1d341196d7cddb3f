package dev.nestor.dhcp6.command;

import dev.nestor.config.model.Dhcp6Config;
import dev.nestor.control.CommandRegistry;
import dev.nestor.control.server.ConfigSource;
import dev.nestor.control.server.RuntimeChanges;
import dev.nestor.control.server.ServerCommands;
import dev.nestor.dhcp.commands.ConfigApplier;
import dev.nestor.dhcp.commands.ConfigCommands;
import dev.nestor.dhcp.commands.ConfigEdit;
import dev.nestor.dhcp.commands.DhcpCommandSets;
import dev.nestor.dhcp.commands.StatCommands;
import dev.nestor.dhcp6.Dhcp6Server;
import dev.nestor.dhcp6.Version;
import dev.nestor.lease.SubnetLeaseCounts6;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * The DHCPv6 server's commands, with Kea's names, texts and argument shapes: the set every Kea DHCP daemon answers
 * ({@link ServerCommands}: status-get, dhcp-disable, server-tag-get, ...), the configuration commands
 * ({@link ConfigCommands}: config-set, -test, -diff, -write, -reload), subnet6-select-test, lease6-* and the
 * protocol-free hook-library sets ({@link DhcpCommandSets}: reservation-*, subnet6-* / network6-*, class-*,
 * stat-lease6-get) shared with the DHCPv4 server.
 */
public final class Dhcp6Commands {
    private static final List<String> STAT_COLUMNS = List.of("subnet-id", "total-nas", "cumulative-assigned-nas",
            "assigned-nas", "declined-addresses", "total-pds", "cumulative-assigned-pds", "assigned-pds");

    private Dhcp6Commands() {}

    /**
     * @param changes  shared with every command set that changes the config at run time
     * @param shutdown stops the daemon with the given exit value
     */
    public static void registerAll(CommandRegistry r, Dhcp6Server server, ConfigSource<Dhcp6Config> source,
                                   RuntimeChanges changes, IntConsumer shutdown) {
        ServerCommands.registerAll(r, server, Version.info(), shutdown);
        ConfigEdit<Dhcp6Config> edit = edit(server, source::apply, changes);
        ConfigCommands.registerAll(r, edit, source, (running, proposed) -> ConfigDiff6.diff(running, proposed,
                server.runtime().store().getAll(), server.clock().epochSeconds()));
        r.register("subnet6-select-test", c -> Subnet6SelectTest.handle(c, server.runtime()));
        LeaseCommands6.registerAll(r, server);
        DhcpCommandSets.register(r, edit, Hosts6.HOSTS, statTable(server), Clock.systemUTC());
    }

    /**
     * The hook-library command sets alone (lease6-*, reservation-*, subnet6-*, network6-*, class-*,
     * stat-lease6-get), for tools and tests.
     *
     * @param applier swaps in configs the commands change
     * @param clock   stamps stat-lease6-get's result set
     */
    public static void registerLibraries(CommandRegistry r, Dhcp6Server server, ConfigApplier<Dhcp6Config> applier,
                                         RuntimeChanges changes, Clock clock) {
        LeaseCommands6.registerAll(r, server);
        DhcpCommandSets.register(r, edit(server, applier, changes), Hosts6.HOSTS, statTable(server), clock);
    }

    private static ConfigEdit<Dhcp6Config> edit(Dhcp6Server server, ConfigApplier<Dhcp6Config> applier, RuntimeChanges changes) {
        return new ConfigEdit<>(Dhcp6Family.FAMILY, server, () -> server.runtime().config(), applier, changes, server.stats());
    }

    /** stat-lease6-get's table: totals from the statistics, assigned and declined counted in the store. */
    private static StatCommands.Table statTable(Dhcp6Server server) {
        return new StatCommands.Table(STAT_COLUMNS, ids -> {
            Map<Long, SubnetLeaseCounts6> counts = server.runtime().store().countBySubnet();
            var stats = server.stats();
            return ids.stream().map(id -> {
                SubnetLeaseCounts6 c = counts.getOrDefault(id, SubnetLeaseCounts6.ZERO);
                return new long[] {id, StatCommands.stat(stats, id, "total-nas"), StatCommands.stat(stats, id, "cumulative-assigned-nas"),
                        c.assignedNa() + c.declinedNa(), c.declinedNa(), StatCommands.stat(stats, id, "total-pds"),
                        StatCommands.stat(stats, id, "cumulative-assigned-pds"), c.assignedPd()};
            }).toList();
        });
    }
}
