package dev.nestor.control.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nestor.control.Answer;
import dev.nestor.control.CommandRegistry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The commands every Kea DHCP daemon answers the same way, whatever its protocol: version-get, build-report,
 * status-get, config-get, config-hash-get, config-reload, config-test, shutdown and leases-reclaim, with Kea's
 * result codes, texts and argument shapes. Protocol-specific commands (lease4-get, lease6-get, ...) are registered
 * by the server module beside these.
 */
public final class ServerCommands {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** Re-reads the config file and applies it (config-reload, SIGHUP). */
    @FunctionalInterface
    public interface Reload {
        /** @throws Exception whose message says why the file was refused; the running config stays */
        void reload() throws Exception;
    }

    private ServerCommands() {}

    public static void registerAll(CommandRegistry r, ManagedServer server, VersionInfo version, Reload reload,
                                   Runnable shutdown) {
        r.register("version-get", c -> new Answer(0, version.number(), F.objectNode().put("extended", version.extended())));
        r.register("build-report", c -> new Answer(0, version.buildReport(), null));
        r.register("status-get", c -> new Answer(0, null, status(server)));
        r.register("config-get", c -> {
            ObjectNode args = F.objectNode();
            args.set(server.configRoot(), JSON.readTree(server.configJson()));
            args.put("hash", hash(server));
            return new Answer(0, null, args);
        });
        r.register("config-hash-get", c -> new Answer(0, null, F.objectNode().put("hash", hash(server))));
        r.register("config-reload", c -> {
            try {
                reload.reload();
                return new Answer(0, "Configuration successful.", null);
            } catch (Exception e) {
                return new Answer(1, "Config reload failed: " + message(e), null);
            }
        });
        r.register("config-test", c -> {
            JsonNode args = c.arguments();
            if (args == null || !args.has(server.configRoot())) {
                return new Answer(1, "Missing mandatory '" + server.configRoot() + "' parameter.", null);
            }
            try {
                server.testConfig(args);
                return new Answer(0, "Configuration seems sane. Control-socket, hook-libraries, and D2 configuration"
                        + " were sanity checked, but not applied.", null);
            } catch (Exception e) {
                return new Answer(1, message(e), null);
            }
        });
        r.register("shutdown", c -> {
            // answer first, then stop: the caller gets its answer before the socket closes
            Thread.ofPlatform().name("shutdown").start(() -> {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                shutdown.run();
            });
            return new Answer(0, "Shutting down.", null);
        });
        r.register("leases-reclaim", c -> {
            JsonNode args = c.arguments();
            if (args == null || !args.has("remove") || !args.get("remove").isBoolean()) {
                return new Answer(1, "'remove' parameter is missing or is not a boolean.", null);
            }
            int n = server.reclaimNow(args.get("remove").asBoolean());
            return new Answer(0, "Reclamation of expired leases is complete.", F.objectNode().put("reclaimed", n));
        });
    }

    static ObjectNode status(ManagedServer server) {
        ObjectNode s = F.objectNode();
        s.put("pid", ProcessHandle.current().pid());
        s.put("uptime", server.uptimeSeconds());
        s.put("reload", server.secondsSinceReload());
        s.put("multi-threading-enabled", true);
        s.put("thread-pool-size", server.workerThreads());
        s.put("packet-queue-size", server.queueSize());
        s.set("packet-queue-statistics", F.arrayNode().add(0.0).add(0.0).add(0.0));
        s.set("sockets", F.objectNode().put("status", "ready"));
        return s;
    }

    /** SHA-256 of the running config text, upper-case hex, as Kea's config-hash-get. */
    static String hash(ManagedServer server) throws NoSuchAlgorithmException {
        byte[] d = MessageDigest.getInstance("SHA-256").digest(server.configJson().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().withUpperCase().formatHex(d);
    }

    private static String message(Exception e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
