package dev.nestor.dhcp.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nestor.config.ConfigException;
import dev.nestor.control.Answer;
import dev.nestor.control.Command;
import dev.nestor.control.CommandRegistry;
import dev.nestor.control.server.ConfigSource;
import dev.nestor.control.server.RuntimeChanges;
import dev.nestor.control.server.ServerCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Kea's configuration commands for the DHCPv4 and DHCPv6 servers, with Kea's argument checks, texts and result
 * shapes: config-set, config-test, config-write, config-reload, plus Nestor's config-diff (config-get and
 * config-hash-get are {@link ServerCommands}).
 *
 * <p>config-set, config-reload and SIGHUP share one path ({@link ConfigSource#apply}): the new config is parsed and
 * validated here, on the command's thread, prepared by the server and daemon, then swapped in atomically; on any
 * error the running config stays and the answer names the JSON path. config-test runs the same preparation
 * ({@link ConfigSource#check}) and stops before the swap. Reconfigurations are serialised on the server.
 *
 * @param <C> the parsed config type
 */
public final class ConfigCommands<C> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    static final String TEST_OK = "Configuration seems sane. Control-sockets, hook-libraries, and D2 configuration"
            + " were sanity checked, but not applied.";

    /** Nestor's semantic difference between the running and a proposed config (see {@link ConfigDiff}). */
    @FunctionalInterface
    public interface Differ<C> {
        ObjectNode diff(C running, C proposed) throws Exception;
    }

    private final DhcpFamily<C> family;
    private final Object lock;
    private final Supplier<C> running;
    private final ConfigSource<C> source;
    private final RuntimeChanges changes;
    private final Differ<C> differ;
    private final Logger log;
    /** Kea's message ids: DHCP4_... / DHCP6_... */
    private final String ids;

    private ConfigCommands(DhcpFamily<C> family, Object lock, Supplier<C> running, ConfigSource<C> source,
                           RuntimeChanges changes, Differ<C> differ) {
        this.family = Objects.requireNonNull(family);
        this.lock = Objects.requireNonNull(lock);
        this.running = Objects.requireNonNull(running);
        this.source = Objects.requireNonNull(source);
        this.changes = Objects.requireNonNull(changes);
        this.differ = Objects.requireNonNull(differ);
        this.log = LoggerFactory.getLogger("dev.nestor.dhcp" + family.version());
        this.ids = "DHCP" + family.version();
    }

    /**
     * @param server the running server's config, as the run-time changes see it (its lock, running config and
     *               runtime-changes mark)
     */
    public static <C> void registerAll(CommandRegistry r, ConfigEdit<C> server, ConfigSource<C> source, Differ<C> differ) {
        ConfigCommands<C> cc = new ConfigCommands<>(server.family(), server.lock(), server::config, source, server.changes(), differ);
        r.register("config-set", cc::configSet);
        r.register("config-test", cc::configTest);
        r.register("config-diff", cc::configDiff);
        r.register("config-write", cc::configWrite);
        r.register("config-reload", c -> cc.configReload());
    }

    private Answer configSet(Command c) throws Exception {
        Answer bad = checkArguments(c);
        if (bad != null) return bad;
        C next;
        try {
            next = family.parse(c.arguments());
        } catch (ConfigException e) {
            log.error("{}_CONFIG_LOAD_FAIL config-set refused, the running configuration stays:\n{}", ids, e.getMessage());
            return Answer.error(e.getMessage());
        }
        synchronized (lock) {
            try {
                source.apply(next);
            } catch (ConfigException e) {
                log.error("{}_CONFIG_LOAD_FAIL config-set refused, the running configuration stays:\n{}", ids, e.getMessage());
                return Answer.error(e.getMessage());
            } catch (Exception e) {
                log.error("{}_CONFIG_LOAD_FAIL config-set failed, the running configuration stays: {}", ids, e.toString());
                return Answer.error(message(e));
            }
            // the running config now differs from the file until config-write
            changes.markDirty();
        }
        return Answer.success("Configuration successful.", F.objectNode().put("hash", ServerCommands.hash(family.json(next))));
    }

    private Answer configTest(Command c) {
        Answer bad = checkArguments(c);
        if (bad != null) return bad;
        try {
            C proposed = family.parse(c.arguments());
            source.check(proposed);
            ObjectNode args = F.objectNode();
            args.set("diff", differ.diff(running.get(), proposed));
            return Answer.success(TEST_OK, args);
        } catch (Exception e) {
            return Answer.error(message(e));
        }
    }

    private Answer configDiff(Command c) {
        Answer bad = checkArguments(c);
        if (bad != null) return bad;
        try {
            ObjectNode d = differ.diff(running.get(), family.parse(c.arguments()));
            return Answer.success(ConfigDiff.summary(d), d);
        } catch (Exception e) {
            return Answer.error(message(e));
        }
    }

    /** Kea's checks of {@code {"Dhcp4": {...}}}; null when the arguments are acceptable. */
    private Answer checkArguments(Command c) {
        String root = family.root();
        JsonNode args = c.arguments();
        if (args == null) return Answer.error("Missing mandatory 'arguments' parameter.");
        if (!args.isObject()) return Answer.error("Missing mandatory '" + root + "' parameter.");
        JsonNode doc = args.get(root);
        if (doc == null) return Answer.error("Missing mandatory '" + root + "' parameter.");
        if (!doc.isObject()) return Answer.error("'" + root + "' parameter expected to be a map.");
        StringBuilder msg = new StringBuilder();
        for (Iterator<String> it = args.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (k.equals(root)) continue;
            if (msg.isEmpty()) msg.append("Unsupported '").append(k).append("' parameter");
            else msg.append(" (and '").append(k).append("')");
        }
        return msg.isEmpty() ? null : Answer.error(msg.append('.').toString());
    }

    private Answer configWrite(Command c) {
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
        long size;
        synchronized (lock) {
            try {
                ObjectNode doc = F.objectNode();
                doc.set(family.root(), JSON.readTree(family.json(running.get())));
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
    public static Path checkWriteFile(String filename, Path configFile) {
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

    private Answer configReload() {
        Path file = source.file();
        if (file == null) return Answer.error("Config reload failed: JSON configuration file not specified.");
        C next;
        boolean discarded;
        try {
            log.info("{}_DYNAMIC_RECONFIGURATION initiate server reconfiguration using file: {}", ids, file);
            next = source.read();
            synchronized (lock) {
                discarded = changes.isDirty();
                source.apply(next);
                changes.clear();
            }
        } catch (Exception e) {
            log.error("{}_DYNAMIC_RECONFIGURATION_FAIL dynamic server reconfiguration failed with file: {}", ids, file);
            return Answer.error("Config reload failed: " + message(e));
        }
        log.info("{}_DYNAMIC_RECONFIGURATION_SUCCESS dynamic server reconfiguration succeeded with file: {}", ids, file);
        String text = "Configuration successful.";
        if (discarded) {
            text += " Warning: run-time configuration changes that were not written to " + file
                    + " (config-set, subnet, reservation or class commands) were discarded; use config-write to keep them.";
        }
        try {
            return Answer.success(text, F.objectNode().put("hash", ServerCommands.hash(family.json(next))));
        } catch (java.security.NoSuchAlgorithmException e) {
            return Answer.success(text);
        }
    }

    private static String message(Exception e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
