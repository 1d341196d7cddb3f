package dev.nestor.control.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nestor.control.Answer;
import dev.nestor.control.Command;
import dev.nestor.control.CommandRegistry;
import dev.nestor.control.KeaJson;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.IntConsumer;

/**
 * The commands every Kea DHCP daemon answers the same way, whatever its protocol, with Kea's result codes, texts
 * and argument shapes: version-get, build-report, status-get, server-tag-get, dhcp-disable, dhcp-enable, shutdown,
 * leases-reclaim, config-get and config-hash-get. The commands that change the config (config-set, config-test,
 * config-reload, ...) and the protocol-specific ones (lease4-get, subnet6-select-test, ...) are registered by the
 * server modules beside these.
 */
public final class ServerCommands {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private ServerCommands() {}

    /** @param shutdown stops the daemon with the given exit value (called after the answer is on its way) */
    public static void registerAll(CommandRegistry r, ManagedServer server, VersionInfo version, IntConsumer shutdown) {
        r.register("version-get", c -> Answer.success(version.number(), F.objectNode().put("extended", version.extended())));
        r.register("build-report", c -> Answer.success(version.buildReport()));
        r.register("status-get", c -> Answer.success(status(server)));
        r.register("server-tag-get", c -> Answer.success(F.objectNode().put("server-tag", server.serverTag())));
        r.register("dhcp-disable", c -> dhcpDisable(c, server));
        r.register("dhcp-enable", c -> dhcpEnable(c, server.networkState()));
        r.register("shutdown", c -> shutdown(c, shutdown));
        r.register("leases-reclaim", c -> {
            JsonNode args = c.arguments();
            if (args == null || !args.has("remove") || !args.get("remove").isBoolean()) {
                return Answer.error("'remove' parameter is missing or is not a boolean.");
            }
            int n = server.reclaimNow(args.get("remove").asBoolean());
            return Answer.success("Reclamation of expired leases is complete.", F.objectNode().put("reclaimed", n));
        });
        r.register("config-get", c -> {
            ObjectNode args = F.objectNode();
            String json = server.configJson();
            args.set(server.configRoot(), KeaJson.parse(json));
            args.put("hash", hash(json));
            return Answer.success(args);
        });
        r.register("config-hash-get", c -> Answer.success(F.objectNode().put("hash", hash(server.configJson()))));
    }

    /** Kea 2.x/3.0 status-get fields. */
    static ObjectNode status(ManagedServer server) {
        ObjectNode s = F.objectNode();
        s.put("pid", ProcessHandle.current().pid());
        s.put("uptime", server.uptimeSeconds());
        s.put("reload", server.secondsSinceReload());
        s.put("multi-threading-enabled", server.multiThreaded());
        s.put("thread-pool-size", server.workerThreads());
        s.put("packet-queue-size", server.queueSize());
        s.set("packet-queue-statistics", F.arrayNode().add(0.0).add(0.0).add(0.0));
        s.set("sockets", F.objectNode().put("status", "ready"));
        s.set("dhcp-state", server.networkState().toJson());
        return s;
    }

    /** SHA-256 of a config's JSON text, upper-case hex (Kea's BaseCommandMgr::getHash). */
    public static String hash(String configJson) throws NoSuchAlgorithmException {
        byte[] d = MessageDigest.getInstance("SHA-256").digest(configJson.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().withUpperCase().formatHex(d);
    }

    private static Answer dhcpDisable(Command c, ManagedServer server) {
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
        // "Dhcp4" -> "DHCPv4 service disabled"
        String text = "DHCPv" + server.configRoot().substring("Dhcp".length()) + " service disabled";
        NetworkState state = server.networkState();
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
