package dev.nestor.dhcp4.command;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nestor.config.model.Dhcp4Config;
import dev.nestor.config.model.Subnet4;
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
import dev.nestor.dhcp4.Dhcp4Server;
import dev.nestor.dhcp4.Version;
import dev.nestor.lease.SubnetLeaseCounts;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * The DHCPv4 server's commands, answering with Kea's result codes, texts and argument shapes: the set every Kea
 * DHCP daemon answers ({@link ServerCommands}), the configuration commands ({@link ConfigCommands}),
 * subnet4-select-test, and the hook-library command sets (lease, host, subnet, class and lease statistics
 * commands), the protocol-free ones shared with the DHCPv6 server.
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
        ConfigCommands.registerAll(r, Dhcp4Family.FAMILY, server, () -> server.runtime().config(), source, changes,
                (running, proposed) -> diff(server, running, proposed));
        r.register("subnet4-select-test", c -> Subnet4SelectTest.handle(c, server.runtime()));
        registerLibraries(r, server, source::apply, changes, Clock.systemUTC());
    }

    /**
     * Kea's hook-library command sets (lease_cmds, host_cmds, subnet_cmds, class_cmds, stat_cmds), built in.
     *
     * @param applier swaps in configs the commands change
     * @param clock   stamps stat-lease4-get's result set
     */
    public static void registerLibraries(CommandRegistry r, Dhcp4Server server, ConfigApplier<Dhcp4Config> applier,
                                         RuntimeChanges changes, Clock clock) {
        LeaseCommands4.registerAll(r, server);
        ConfigEdit<Dhcp4Config> edit = new ConfigEdit<>(Dhcp4Family.FAMILY, server, () -> server.runtime().config(),
                applier, changes, server.stats());
        HostCommands.registerAll(r, edit, Hosts4.HOSTS);
        SubnetCommands.registerAll(r, edit);
        ClassCommands.registerAll(r, edit);
        StatCommands.register(r, "stat-lease4-get", () -> server.runtime().config().subnets().stream().map(Subnet4::id).toList(),
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

    private static ObjectNode diff(Dhcp4Server server, Dhcp4Config running, Dhcp4Config proposed) {
        return ConfigDiff4.diff(running, proposed, server.runtime().store().getAll(), server.clock().epochSeconds());
    }

    private static List<long[]> statRows(Dhcp4Server server, List<Long> ids) {
        Map<Long, SubnetLeaseCounts> counts = server.runtime().store().countBySubnet();
        List<long[]> rows = new ArrayList<>();
        for (long id : ids) {
            SubnetLeaseCounts c = counts.getOrDefault(id, new SubnetLeaseCounts(0, 0));
            rows.add(new long[] {id, StatCommands.stat(server.stats(), id, "total-addresses"),
                    StatCommands.stat(server.stats(), id, "cumulative-assigned-addresses"), c.assigned() + c.declined(),
                    c.declined()});
        }
        return rows;
    }
}
