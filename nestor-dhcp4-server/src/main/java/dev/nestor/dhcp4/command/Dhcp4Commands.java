package dev.nestor.dhcp4.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nestor.common.Bytes;
import dev.nestor.common.net.HwAddress;
import dev.nestor.common.net.Ipv4;
import dev.nestor.config.ConfigException;
import dev.nestor.control.Answer;
import dev.nestor.control.Command;
import dev.nestor.control.CommandRegistry;
import dev.nestor.dhcp4.Dhcp4Server;
import dev.nestor.dhcp4.Version;
import dev.nestor.lease.Lease4;
import dev.nestor.lease.LeaseStore4;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The DHCPv4 server's own commands, answering with Kea's result codes, texts and argument shapes:
 * status-get, version-get, build-report, config-get, config-hash-get, config-reload, config-test, shutdown,
 * leases-reclaim, lease4-get, lease4-get-all.
 */
public final class Dhcp4Commands {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private Dhcp4Commands() {}

    public static void registerAll(CommandRegistry r, Dhcp4Server server, ConfigSource source, Runnable shutdown) {
        r.register("version-get", c -> {
            ObjectNode args = F.objectNode().put("extended", Version.extended());
            return new Answer(0, Version.NUMBER, args);
        });
        r.register("build-report", c -> new Answer(0, Version.buildReport(), null));
        r.register("status-get", c -> new Answer(0, null, status(server)));
        r.register("config-get", c -> {
            ObjectNode args = F.objectNode();
            JsonNode dhcp4 = JSON.readTree(server.runtime().config().json());
            args.set("Dhcp4", dhcp4);
            args.put("hash", hash(server));
            return new Answer(0, null, args);
        });
        r.register("config-hash-get", c -> new Answer(0, null, F.objectNode().put("hash", hash(server))));
        r.register("config-reload", c -> {
            try {
                source.apply(source.read());
                return new Answer(0, "Configuration successful.", null);
            } catch (ConfigException e) {
                return new Answer(1, "Config reload failed: " + e.getMessage(), null);
            }
        });
        r.register("config-test", c -> {
            JsonNode args = c.arguments();
            if (args == null || !args.has("Dhcp4")) return new Answer(1, "Missing mandatory 'Dhcp4' parameter.", null);
            try {
                Dhcp4Server.test(dev.nestor.config.Dhcp4ConfigParser.parse(args));
                return new Answer(0, "Configuration seems sane. Control-socket, hook-libraries, and D2 configuration were sanity checked, but not applied.", null);
            } catch (ConfigException e) {
                return new Answer(1, e.getMessage(), null);
            }
        });
        r.register("shutdown", c -> {
            Thread.ofPlatform().name("shutdown").start(() -> {
                try { Thread.sleep(100); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
                shutdown.run();
            });
            return new Answer(0, "Shutting down.", null);
        });
        r.register("leases-reclaim", c -> {
            JsonNode args = c.arguments();
            if (args == null || !args.has("remove") || !args.get("remove").isBoolean()) {
                return new Answer(1, "'remove' parameter is missing or is not a boolean.", null);
            }
            int n = server.reclaimer().reclaim(server.runtime().config().expiredLeasesProcessing(), args.get("remove").asBoolean());
            return new Answer(0, "Reclamation of expired leases is complete.", F.objectNode().put("reclaimed", n));
        });
        r.register("lease4-get", c -> lease4Get(server.runtime().store(), c));
        r.register("lease4-get-all", c -> lease4GetAll(server.runtime().store(), c));
    }

    private static ObjectNode status(Dhcp4Server server) {
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

    private static String hash(Dhcp4Server server) throws NoSuchAlgorithmException {
        byte[] d = MessageDigest.getInstance("SHA-256").digest(server.runtime().config().json().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().withUpperCase().formatHex(d);
    }

    private static Answer lease4Get(LeaseStore4 store, Command c) throws Exception {
        JsonNode a = c.arguments();
        if (a == null) return new Answer(1, "no parameters specified for the command", null);
        Optional<Lease4> found;
        if (a.has("ip-address")) {
            String ip = a.get("ip-address").asText();
            if (!Ipv4.isValid(ip)) return new Answer(1, "Invalid IPv4 address specified: " + ip, null);
            found = store.get(Ipv4.parse(ip));
        } else if (a.has("identifier-type") && a.has("identifier") && a.has("subnet-id")) {
            String type = a.get("identifier-type").asText();
            String id = a.get("identifier").asText();
            long subnet = a.get("subnet-id").asLong();
            List<Lease4> leases = switch (type) {
                case "hw-address" -> store.getByHwAddress(HwAddress.parse(id), subnet);
                case "client-id" -> store.getByClientId(Bytes.fromHex(id), subnet);
                default -> null;
            };
            if (leases == null) return new Answer(1, "Identifier type " + type + " is not supported.", null);
            found = leases.stream().findFirst();
        } else {
            return new Answer(1, "Mandatory 'ip-address' or 'identifier-type', 'identifier' and 'subnet-id' parameters missing.", null);
        }
        if (found.isEmpty()) return new Answer(3, "Lease not found.", null);
        return new Answer(0, "IPv4 lease found.", LeaseJson.toJson(found.get()));
    }

    private static Answer lease4GetAll(LeaseStore4 store, Command c) throws Exception {
        JsonNode a = c.arguments();
        List<Lease4> leases;
        if (a != null && a.has("subnets")) {
            leases = new java.util.ArrayList<>();
            for (JsonNode id : a.get("subnets")) leases.addAll(store.getBySubnet(id.asLong()));
        } else {
            leases = store.getAll();
        }
        ArrayNode arr = F.arrayNode();
        for (Lease4 l : leases) arr.add(LeaseJson.toJson(l));
        ObjectNode args = F.objectNode();
        args.set("leases", arr);
        if (leases.isEmpty()) return new Answer(3, "0 IPv4 lease(s) found.", args);
        return new Answer(0, leases.size() + " IPv4 lease(s) found.", args);
    }
}
