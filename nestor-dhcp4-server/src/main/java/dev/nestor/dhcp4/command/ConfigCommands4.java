package dev.nestor.dhcp4.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nestor.config.ConfigException;
import dev.nestor.config.Dhcp4ConfigParser;
import dev.nestor.config.model.Dhcp4Config;
import dev.nestor.control.Answer;
import dev.nestor.control.Command;
import dev.nestor.control.CommandRegistry;
import dev.nestor.dhcp4.Dhcp4Server;
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
 * Kea's configuration commands for the DHCPv4 server, with Kea's argument checks, texts and result shapes:
 * config-get, config-hash-get, config-set, config-test, config-write, config-reload, plus Nestor's config-diff.
 *
 * <p>config-set, config-reload and SIGHUP share one path ({@link ConfigSource#apply}): the new config is parsed and
 * validated here, on the command's thread, prepared by the server and daemon, then swapped in atomically; on any
 * error the running config stays and the answer names the JSON path. config-test runs the same preparation
 * ({@link ConfigSource#check}) and stops before the swap. Reconfigurations are serialised on the server.
 */
public final class ConfigCommands4 {
    private static final Logger log = LoggerFactory.getLogger("dev.nestor.dhcp4");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    static final String TEST_OK = "Configuration seems sane. Control-sockets, hook-libraries, and D2 configuration"
            + " were sanity checked, but not applied.";

    private ConfigCommands4() {}

    public static void registerAll(CommandRegistry r, Dhcp4Server server, ConfigSource source, RuntimeChanges changes) {
        r.register("config-get", c -> {
            Dhcp4Config cfg = server.runtime().config();
            ObjectNode args = F.objectNode();
            args.set("Dhcp4", JSON.readTree(cfg.json()));
            args.put("hash", hash(cfg));
            return Answer.success(args);
        });
        r.register("config-hash-get", c -> Answer.success(F.objectNode().put("hash", hash(server.runtime().config()))));
        r.register("config-set", c -> configSet(c, server, source, changes));
        r.register("config-test", c -> configTest(c, server, source));
        r.register("config-diff", c -> configDiff(c, server));
        r.register("config-write", c -> configWrite(c, server, source, changes));
        r.register("config-reload", c -> configReload(server, source, changes));
    }

    /** SHA-256 of the config text, upper-case hex (Kea's BaseCommandMgr::getHash). */
    public static String hash(Dhcp4Config config) throws NoSuchAlgorithmException {
        byte[] d = MessageDigest.getInstance("SHA-256").digest(config.json().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().withUpperCase().formatHex(d);
    }

    private static Answer configSet(Command c, Dhcp4Server server, ConfigSource source, RuntimeChanges changes) throws Exception {
        Answer bad = checkArguments(c);
        if (bad != null) return bad;
        Dhcp4Config next;
        try {
            next = Dhcp4ConfigParser.parse(c.arguments());
        } catch (ConfigException e) {
            log.error("DHCP4_CONFIG_LOAD_FAIL config-set refused, the running configuration stays:\n{}", e.getMessage());
            return Answer.error(e.getMessage());
        }
        synchronized (server) {
            try {
                source.apply(next);
            } catch (ConfigException e) {
                log.error("DHCP4_CONFIG_LOAD_FAIL config-set refused, the running configuration stays:\n{}", e.getMessage());
                return Answer.error(e.getMessage());
            } catch (Exception e) {
                log.error("DHCP4_CONFIG_LOAD_FAIL config-set failed, the running configuration stays: {}", e.toString());
                return Answer.error(message(e));
            }
            // the running config now differs from the file until config-write
            changes.markDirty();
        }
        return Answer.success("Configuration successful.", F.objectNode().put("hash", hash(next)));
    }

    private static Answer configTest(Command c, Dhcp4Server server, ConfigSource source) {
        Answer bad = checkArguments(c);
        if (bad != null) return bad;
        try {
            Dhcp4Config proposed = Dhcp4ConfigParser.parse(c.arguments());
            source.check(proposed);
            ObjectNode args = F.objectNode();
            args.set("diff", diff(server, proposed));
            return Answer.success(TEST_OK, args);
        } catch (Exception e) {
            return Answer.error(message(e));
        }
    }

    private static Answer configDiff(Command c, Dhcp4Server server) {
        Answer bad = checkArguments(c);
        if (bad != null) return bad;
        try {
            ObjectNode d = diff(server, Dhcp4ConfigParser.parse(c.arguments()));
            return Answer.success(ConfigDiff4.summary(d), d);
        } catch (Exception e) {
            return Answer.error(message(e));
        }
    }

    private static ObjectNode diff(Dhcp4Server server, Dhcp4Config proposed) throws Exception {
        var rt = server.runtime();
        return ConfigDiff4.diff(rt.config(), proposed, rt.store().getAll(), server.clock().epochSeconds());
    }

    /** Kea's checks of {@code {"Dhcp4": {...}}}; null when the arguments are acceptable. */
    private static Answer checkArguments(Command c) {
        JsonNode args = c.arguments();
        if (args == null) return Answer.error("Missing mandatory 'arguments' parameter.");
        if (!args.isObject()) return Answer.error("Missing mandatory 'Dhcp4' parameter.");
        JsonNode dhcp4 = args.get("Dhcp4");
        if (dhcp4 == null) return Answer.error("Missing mandatory 'Dhcp4' parameter.");
        if (!dhcp4.isObject()) return Answer.error("'Dhcp4' parameter expected to be a map.");
        StringBuilder msg = new StringBuilder();
        for (Iterator<String> it = args.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (k.equals("Dhcp4")) continue;
            if (msg.isEmpty()) msg.append("Unsupported '").append(k).append("' parameter");
            else msg.append(" (and '").append(k).append("')");
        }
        return msg.isEmpty() ? null : Answer.error(msg.append('.').toString());
    }

    private static Answer configWrite(Command c, Dhcp4Server server, ConfigSource source, RuntimeChanges changes) {
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
        Path configFile = source.file();
        Path target;
        if (filename.isEmpty()) {
            if (configFile == null) return Answer.error("Unable to determine filename.Please specify filename explicitly.");
            target = configFile;
        } else {
            try {
                target = checkWriteFile(filename, configFile);
            } catch (IllegalArgumentException e) {
                return Answer.error("not allowed to write config into " + filename + ": " + e.getMessage());
            }
        }
        Dhcp4Config running;
        long size;
        synchronized (server) {
            running = server.runtime().config();
            try {
                ObjectNode doc = F.objectNode();
                doc.set("Dhcp4", JSON.readTree(running.json()));
                byte[] text = (JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc) + "\n").getBytes(StandardCharsets.UTF_8);
                Files.write(target, text);
                size = text.length;
            } catch (IOException e) {
                return Answer.error("Error during config-write: " + e.getMessage());
            }
            if (configFile != null && target.toAbsolutePath().normalize().equals(configFile.toAbsolutePath().normalize())) {
                changes.clear(); // the file has the runtime changes now
            }
        }
        if (size == 0) return Answer.error("Error writing configuration to " + target);
        ObjectNode out = F.objectNode().put("filename", target.toString()).put("size", size);
        return Answer.success("Configuration written to " + target + " successful", out);
    }

    /** Kea's Daemon::checkWriteConfigFile: the file must be in the config file's directory (a bare name goes there). */
    static Path checkWriteFile(String filename, Path configFile) {
        Path p = Path.of(filename);
        if (p.getFileName() == null || p.getFileName().toString().isEmpty() || filename.endsWith("/")) {
            throw new IllegalArgumentException("config file:" + filename + " is missing file name");
        }
        if (configFile == null) return p;
        Path dir = configFile.toAbsolutePath().normalize().getParent();
        if (p.getParent() == null) return configFile.getParent() == null ? p : configFile.getParent().resolve(p);
        if (p.toAbsolutePath().normalize().getParent().equals(dir)) return p;
        throw new IllegalArgumentException("file " + filename + " must be in the same directory as the config file (" + configFile + ")");
    }

    private static Answer configReload(Dhcp4Server server, ConfigSource source, RuntimeChanges changes) {
        Path file = source.file();
        if (file == null) return Answer.error("Config reload failed: JSON configuration file not specified.");
        Dhcp4Config next;
        boolean discarded;
        try {
            log.info("DHCP4_DYNAMIC_RECONFIGURATION initiate server reconfiguration using file: {}", file);
            next = source.read();
            synchronized (server) {
                discarded = changes.isDirty();
                source.apply(next);
                changes.clear();
            }
        } catch (Exception e) {
            log.error("DHCP4_DYNAMIC_RECONFIGURATION_FAIL dynamic server reconfiguration failed with file: {}", file);
            return Answer.error("Config reload failed: " + message(e));
        }
        log.info("DHCP4_DYNAMIC_RECONFIGURATION_SUCCESS dynamic server reconfiguration succeeded with file: {}", file);
        String text = "Configuration successful.";
        if (discarded) {
            text += " Warning: run-time configuration changes that were not written to " + file
                    + " (config-set, subnet, reservation or class commands) were discarded; use config-write to keep them.";
        }
        try {
            return Answer.success(text, F.objectNode().put("hash", hash(next)));
        } catch (NoSuchAlgorithmException e) {
            return Answer.success(text);
        }
    }

    private static String message(Exception e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
