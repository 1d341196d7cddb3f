package dev.nestor.dhcp4.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nestor.control.Answer;
import dev.nestor.control.Command;
import dev.nestor.control.CommandRegistry;
import dev.nestor.dhcp4.Dhcp4Server;
import dev.nestor.dhcp4.NetworkState;
import dev.nestor.dhcp4.Version;

import java.util.function.IntConsumer;

/**
 * The DHCPv4 server's service commands with Kea's texts and shapes: version-get, build-report, status-get,
 * server-tag-get, dhcp-disable, dhcp-enable and shutdown.
 */
public final class ServiceCommands4 {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private ServiceCommands4() {}

    /** @param shutdown stops the daemon with the given exit value (called after the answer is on its way) */
    public static void registerAll(CommandRegistry r, Dhcp4Server server, IntConsumer shutdown) {
        r.register("version-get", c -> Answer.success(Version.NUMBER, F.objectNode().put("extended", Version.extended())));
        r.register("build-report", c -> Answer.success(Version.buildReport()));
        r.register("status-get", c -> Answer.success(status(server)));
        r.register("server-tag-get", c -> Answer.success(F.objectNode().put("server-tag", server.runtime().config().globals().serverTag())));
        r.register("dhcp-disable", c -> dhcpDisable(c, server.networkState()));
        r.register("dhcp-enable", c -> dhcpEnable(c, server.networkState()));
        r.register("shutdown", c -> shutdown(c, shutdown));
    }

    /** Kea 2.x/3.0 status-get fields. */
    static ObjectNode status(Dhcp4Server server) {
        ObjectNode s = F.objectNode();
        s.put("pid", ProcessHandle.current().pid());
        s.put("uptime", server.uptimeSeconds());
        s.put("reload", server.secondsSinceReload());
        s.put("multi-threading-enabled", true);
        s.put("thread-pool-size", server.workerThreads());
        s.put("packet-queue-size", server.queueSize());
        s.set("packet-queue-statistics", F.arrayNode().add(0.0).add(0.0).add(0.0));
        s.set("sockets", F.objectNode().put("status", "ready"));
        s.set("dhcp-state", server.networkState().toJson());
        return s;
    }

    private static Answer dhcpDisable(Command c, NetworkState state) {
        JsonNode args = c.arguments();
        StringBuilder err = new StringBuilder();
        long maxPeriod = 0;
        int origin = NetworkState.USER_COMMAND;
        if (args != null) {
            if (!args.isObject()) {
                err.append("arguments for the 'dhcp-disable' command must be a map");
            } else {
                JsonNode mp = args.get("max-period");
                if (mp != null) {
                    if (!mp.isIntegralNumber()) {
                        err.append("'max-period' argument must be a number");
                    } else {
                        maxPeriod = mp.asLong();
                        if (maxPeriod <= 0) err.append("'max-period' must be positive integer");
                    }
                }
                origin = origin(args, err);
            }
        }
        if (!err.isEmpty()) return Answer.error(err.toString());
        String text = "DHCPv4 service disabled";
        if (maxPeriod > 0) {
            text += " for " + maxPeriod + " seconds";
            state.delayedEnableService(maxPeriod, origin);
        }
        state.disableService(origin);
        return Answer.success(text);
    }

    private static Answer dhcpEnable(Command c, NetworkState state) {
        JsonNode args = c.arguments();
        StringBuilder err = new StringBuilder();
        int origin = NetworkState.USER_COMMAND;
        if (args != null) {
            if (!args.isObject()) err.append("arguments for the 'dhcp-enable' command must be a map");
            else origin = origin(args, err);
        }
        if (!err.isEmpty()) return Answer.error(err.toString());
        state.enableService(origin);
        return Answer.success("DHCP service successfully enabled");
    }

    /** Kea: 'origin-id' (a number) wins over the older 'origin' ("user", "ha-partner" or a number). */
    private static int origin(JsonNode args, StringBuilder err) {
        JsonNode id = args.get("origin-id");
        JsonNode origin = args.get("origin");
        if (id != null) {
            if (id.isIntegralNumber()) return id.asInt();
            err.append("'origin-id' argument must be a number");
        } else if (origin != null) {
            if (origin.isTextual()) {
                String o = origin.textValue();
                if (o.equals("ha-partner")) return NetworkState.HA_REMOTE_COMMAND;
                if (!o.equals("user")) err.append("invalid value used for 'origin' parameter: ").append(o.isEmpty() ? "(empty string)" : o);
            } else if (origin.isIntegralNumber()) {
                return origin.asInt();
            } else {
                err.append("'origin' argument must be a string or a number");
            }
        }
        return NetworkState.USER_COMMAND;
    }

    private static Answer shutdown(Command c, IntConsumer shutdown) {
        JsonNode args = c.arguments();
        int exitValue = 0;
        if (args != null) {
            if (!args.isObject()) return Answer.error("Argument must be a map");
            JsonNode v = args.get("exit-value");
            if (v != null) {
                if (!v.isIntegralNumber()) return Answer.error("parameter 'exit-value' is not an integer");
                exitValue = v.asInt();
            }
        }
        int code = exitValue;
        // answer first, then stop: the caller gets its answer before the channel closes
        Thread.ofPlatform().name("shutdown").start(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            shutdown.accept(code);
        });
        return Answer.success("Shutting down.");
    }
}
