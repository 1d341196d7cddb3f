package dev.nestor.dhcp6.command;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nestor.config.model.Dhcp6Config;
import dev.nestor.config.model.Subnet6;
import dev.nestor.control.CommandRegistry;
import dev.nestor.control.server.ConfigSource;
import dev.nestor.control.server.RuntimeChanges;
import dev.nestor.control.server.ServerCommands;
import dev.nestor.dhcp.commands.ClassCommands;
import dev.nestor.dhcp.commands.ConfigApplier;
import dev.nestor.dhcp.commands.ConfigCommands;
import dev.nestor.dhcp.commands.ConfigEdit;
import dev.nestor.dhcp.commands.HostCommands;
import dev.nestor.dhcp.commands.StatCommands;
import dev.nestor.dhcp.commands.SubnetCommands;
import dev.nestor.dhcp6.Dhcp6Server;
import dev.nestor.dhcp6.Version;
import dev.nestor.lease.SubnetLeaseCounts6;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * The DHCPv6 server's commands, answering with Kea's result codes, texts and argument shapes: the set every Kea
 * DHCP daemon answers ({@link ServerCommands}), the configuration commands ({@link ConfigCommands}),
 * subnet6-select-test, and the hook-library command sets (lease6-*, reservation-*, subnet6-* / network6-*,
 * class-*, stat-lease6-get), the protocol-free ones shared with the DHCPv4 server.
 */
public final class Dhcp6Commands {
    private static final List<String> STAT_COLUMNS = List.of("subnet-id", "total-nas", "cumulative-assigned-nas",
            "assigned-nas", "declined-addresses", "total-pds", "cumulative-assigned-pds", "assigned-pds");

    private Dhcp6Commands() {}

    /**
     * Registers every built-in command of the DHCPv6 server.
     *
     * @param changes  shared with every command set that changes the config at run time
     * @param shutdown stops the daemon with the given exit value
     */
    public static void registerAll(CommandRegistry r, Dhcp6Server server, ConfigSource<Dhcp6Config> source,
                                   RuntimeChanges changes, IntConsumer shutdown) {
        ServerCommands.registerAll(r, server, Version.info(), shutdown);
        ConfigCommands.registerAll(r, Dhcp6Family.FAMILY, server, () -> server.runtime().config(), source, changes,
                (running, proposed) -> diff(server, running, proposed));
        r.register("subnet6-select-test", c -> Subnet6SelectTest.handle(c, server.runtime()));
        registerLibraries(r, server, source::apply, changes, Clock.systemUTC());
    }

    /**
     * Kea's hook-library command sets (lease_cmds, host_cmds, subnet_cmds, class_cmds, stat_cmds), built in.
     *
     * @param applier swaps in configs the commands change
     * @param clock   stamps stat-lease6-get's result set
     */
    public static void registerLibraries(CommandRegistry r, Dhcp6Server server, ConfigApplier<Dhcp6Config> applier,
                                         RuntimeChanges changes, Clock clock) {
        LeaseCommands6.registerAll(r, server);
        ConfigEdit<Dhcp6Config> edit = new ConfigEdit<>(Dhcp6Family.FAMILY, server, () -> server.runtime().config(),
                applier, changes, server.stats());
        HostCommands.registerAll(r, edit, Hosts6.HOSTS);
        SubnetCommands.registerAll(r, edit);
        ClassCommands.registerAll(r, edit);
        StatCommands.register(r, "stat-lease6-get", () -> server.runtime().config().subnets().stream().map(Subnet6::id).toList(),
                new StatCommands.Table() {
                    @Override
                    public List<String> columns() {
                        return STAT_COLUMNS;
                    }

                    @Override
                    public List<long[]> rows(List<Long> ids) {
                        return statRows(server, ids);
                    }
                }, clock);
    }

    private static ObjectNode diff(Dhcp6Server server, Dhcp6Config running, Dhcp6Config proposed) {
        return ConfigDiff6.diff(running, proposed, server.runtime().store().getAll(), server.clock().epochSeconds());
    }

    private static List<long[]> statRows(Dhcp6Server server, List<Long> ids) {
        Map<Long, SubnetLeaseCounts6> counts = server.runtime().store().countBySubnet();
        var stats = server.stats();
        List<long[]> rows = new ArrayList<>();
        for (long id : ids) {
            SubnetLeaseCounts6 c = counts.getOrDefault(id, SubnetLeaseCounts6.ZERO);
            rows.add(new long[] {id, StatCommands.stat(stats, id, "total-nas"), StatCommands.stat(stats, id, "cumulative-assigned-nas"),
                    c.assignedNa() + c.declinedNa(), c.declinedNa(), StatCommands.stat(stats, id, "total-pds"),
                    StatCommands.stat(stats, id, "cumulative-assigned-pds"), c.assignedPd()});
        }
        return rows;
    }
}
