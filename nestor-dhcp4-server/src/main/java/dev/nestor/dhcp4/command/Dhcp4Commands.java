package dev.nestor.dhcp4.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.nestor.control.Answer;
import dev.nestor.control.CommandRegistry;
import dev.nestor.dhcp4.Dhcp4Server;

import java.util.function.IntConsumer;

/**
 * The DHCPv4 server's own commands, answering with Kea's result codes, texts and argument shapes. The service
 * commands live in {@link ServiceCommands4}, the configuration commands in {@link ConfigCommands4}; this class
 * registers them with subnet4-select-test, leases-reclaim and the hook-library command sets (lease, host, subnet,
 * class and lease statistics commands).
 */
public final class Dhcp4Commands {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private Dhcp4Commands() {}

    /**
     * Registers the DHCPv4 server's built-in commands: the service and configuration commands, subnet4-select-test,
     * leases-reclaim and the lease lookups.
     *
     * @param changes  shared with every command set that changes the config at run time
     * @param shutdown stops the daemon with the given exit value
     */
    public static void registerAll(CommandRegistry r, Dhcp4Server server, ConfigSource source, RuntimeChanges changes,
                                   IntConsumer shutdown) {
        ServiceCommands4.registerAll(r, server, shutdown);
        ConfigCommands4.registerAll(r, server, source, changes);
        r.register("subnet4-select-test", c -> Subnet4SelectTest.handle(c, server.runtime()));
        r.register("leases-reclaim", c -> {
            JsonNode args = c.arguments();
            if (args == null || !args.has("remove") || !args.get("remove").isBoolean()) {
                return new Answer(1, "'remove' parameter is missing or is not a boolean.", null);
            }
            int n = server.reclaimer().reclaim(server.runtime().config().expiredLeasesProcessing(), args.get("remove").asBoolean());
            return new Answer(0, "Reclamation of expired leases is complete.", F.objectNode().put("reclaimed", n));
        });
        // Kea's hook-library command sets (lease_cmds, host_cmds, subnet_cmds, class_cmds, stat_cmds), built in
        LeaseCommands4.registerAll(r, server);
        HostCommands4.registerAll(r, server, source::apply, changes);
        SubnetCommands4.registerAll(r, server, source::apply, changes);
        ClassCommands4.registerAll(r, server, source::apply, changes);
        StatCommands4.registerAll(r, server, java.time.Clock.systemUTC());
    }
}
