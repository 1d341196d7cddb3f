package dev.nestor.ddns.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nestor.config.ConfigException;
import dev.nestor.control.Answer;
import dev.nestor.control.Command;
import dev.nestor.control.CommandRegistry;
import dev.nestor.control.StatisticCommands;
import dev.nestor.control.server.VersionInfo;
import dev.nestor.ddns.D2Server;
import dev.nestor.ddns.config.D2Config;
import dev.nestor.ddns.config.D2ConfigParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;

/**
 * The commands kea-dhcp-ddns answers (Kea's {@code DControllerBase}), with its argument checks and texts:
 * version-get, build-report, status-get, config-get, config-hash-get, config-test, config-set, config-reload,
 * config-write, shutdown, and the statistic-* family.
 */
public final class D2Commands {
    private static final Logger log = LoggerFactory.getLogger("dev.nestor.dhcpddns");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    static final String ROOT = "DhcpDdns";

    private D2Commands() {}

    public static void registerAll(CommandRegistry r, D2Server server, ConfigSource source, VersionInfo version,
                                   Runnable shutdown) {
        StatisticCommands.registerAll(r, server.stats().registry());
        r.register("version-get", c -> Answer.success(version.number(), F.objectNode().put("extended", version.extended())));
        r.register("build-report", c -> Answer.success(version.buildReport()));
        r.register("status-get", c -> {
            ObjectNode s = F.objectNode();
            s.put("pid", ProcessHandle.current().pid());
            s.put("uptime", server.uptimeSeconds());
            s.put("reload", server.secondsSinceReload());
            // Nestor additions: NCRs waiting, and transactions finished (lets scripts wait for the work to be done)
            s.put("queue-size", server.queueSize());
            s.put("transactions-completed", server.transactionsCompleted());
            return Answer.success(s);
        });
        r.register("config-get", c -> {
            D2Config cfg = server.config();
            ObjectNode args = F.objectNode();
            args.set(ROOT, JSON.readTree(cfg.json()));
            args.put("hash", hash(cfg));
            return Answer.success(args);
        });
        r.register("config-hash-get", c -> Answer.success(F.objectNode().put("hash", hash(server.config()))));
        r.register("config-test", c -> configTest(c, source));
        r.register("config-set", c -> configSet(c, source));
        r.register("config-reload", c -> configReload(source));
        r.register("config-write", c -> configWrite(c, server, source));
        r.register("shutdown", c -> {
            // answer first, then stop: the caller gets its answer before the channel closes
            Thread.ofPlatform().name("shutdown").start(() -> {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                shutdown.run();
            });
            return Answer.success("Shutting down.");
        });
    }

    /** SHA-256 of the configuration text, upper-case hex (Kea's BaseCommandMgr::getHash). */
    public static String hash(D2Config config) throws NoSuchAlgorithmException {
        byte[] d = MessageDigest.getInstance("SHA-256").digest(config.json().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().withUpperCase().formatHex(d);
    }

    private static Answer configTest(Command c, ConfigSource source) {
        Answer bad = checkArguments(c);
        if (bad != null) return bad;
        try {
            source.check(D2ConfigParser.parse(c.arguments()));
            return Answer.success("Configuration check successful");
        } catch (Exception e) {
            return Answer.error(message(e));
        }
    }

    private static Answer configSet(Command c, ConfigSource source) throws NoSuchAlgorithmException {
        Answer bad = checkArguments(c);
        if (bad != null) return bad;
        D2Config next;
        try {
            next = D2ConfigParser.parse(c.arguments());
            source.apply(next);
        } catch (Exception e) {
            log.error("DHCP_DDNS_CONFIG_FAIL config-set refused, the running configuration stays:\n{}", message(e));
            return Answer.error(message(e));
        }
        return Answer.success("Configuration applied successfully.", F.objectNode().put("hash", hash(next)));
    }

    private static Answer configReload(ConfigSource source) throws NoSuchAlgorithmException {
        if (source.file() == null) return Answer.error("Config reload failed: JSON configuration file not specified.");
        D2Config next;
        try {
            next = source.read();
            source.apply(next);
        } catch (Exception e) {
            log.error("DHCP_DDNS_CONFIG_FAIL reloading {} failed, the running configuration stays:\n{}", source.file(), message(e));
            return Answer.error("Config reload failed: " + message(e));
        }
        return Answer.success("Configuration applied successfully.", F.objectNode().put("hash", hash(next)));
    }

    private static Answer configWrite(Command c, D2Server server, ConfigSource source) {
        JsonNode args = c.arguments();
        String filename = "";
        if (args != null) {
            if (!args.isObject()) return Answer.error("Argument must be a map");
            JsonNode f = args.get("filename");
            if (f != null) {
                if (!f.isTextual()) return Answer.error("passed parameter 'filename' is not a string");
                filename = f.textValue();
            }
        }
        Path target;
        if (filename.isEmpty()) {
            if (source.file() == null) return Answer.error("Unable to determine filename.Please specify filename explicitly.");
            target = source.file();
        } else {
            target = Path.of(filename);
            Path dir = source.file() == null ? null : source.file().toAbsolutePath().normalize().getParent();
            if (target.getParent() == null && dir != null) target = dir.resolve(target);
            else if (dir != null && !dir.equals(target.toAbsolutePath().normalize().getParent())) {
                return Answer.error("not allowed to write config into " + filename + ": file " + filename
                        + " must be in the same directory as the config file (" + source.file() + ")");
            }
        }
        try {
            ObjectNode doc = F.objectNode();
            doc.set(ROOT, JSON.readTree(server.config().json()));
            byte[] text = (JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc) + "\n").getBytes(StandardCharsets.UTF_8);
            Files.write(target, text);
            return Answer.success("Configuration written to " + target + " successful",
                    F.objectNode().put("filename", target.toString()).put("size", text.length));
        } catch (IOException e) {
            return Answer.error("Error during config-write: " + e.getMessage());
        }
    }

    /** Kea's checks of {@code {"DhcpDdns": {...}}}; null when acceptable. */
    private static Answer checkArguments(Command c) {
        JsonNode args = c.arguments();
        if (args == null) return Answer.error("Missing mandatory 'arguments' parameter.");
        JsonNode d2 = args.isObject() ? args.get(ROOT) : null;
        if (d2 == null) return Answer.error("Missing mandatory '" + ROOT + "' parameter.");
        if (!d2.isObject()) return Answer.error("'" + ROOT + "' parameter expected to be a map.");
        StringBuilder msg = new StringBuilder();
        for (Iterator<String> it = args.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (k.equals(ROOT)) continue;
            if (msg.isEmpty()) msg.append("'arguments' parameter contains unsupported '").append(k).append("' parameter");
            else msg.append(" (and '").append(k).append("')");
        }
        return msg.isEmpty() ? null : Answer.error(msg.toString());
    }

    private static String message(Exception e) {
        if (e instanceof ConfigException ce) return ce.getMessage();
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
