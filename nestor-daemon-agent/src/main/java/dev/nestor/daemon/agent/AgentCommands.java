package dev.nestor.daemon.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nestor.control.Answer;
import dev.nestor.control.Command;
import dev.nestor.control.CommandRegistry;
import dev.nestor.control.KeaJson;
import dev.nestor.control.http.ControlConfigException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.IntConsumer;

/**
 * The Control Agent's own commands, with Kea's (DControllerBase / CtrlAgentProcess) texts: build-report,
 * config-get, config-hash-get, config-reload, config-set, config-test, config-write, shutdown, status-get and
 * version-get (list-commands is built into the registry).
 */
final class AgentCommands {
    /** Loads and parses the config file (config-reload). */
    interface Source {
        Path file();

        AgentConfig read() throws ControlConfigException;

        /** Applies loggers and swaps the config in. */
        void apply(AgentConfig cfg) throws ControlConfigException;
    }

    private AgentCommands() {}

    static void registerAll(CommandRegistry r, Agent agent, Source source, IntConsumer shutdown) {
        r.register("version-get", c -> Answer.success(AgentVersion.NUMBER, KeaJson.object().put("extended", AgentVersion.extended())));
        r.register("build-report", c -> Answer.success(AgentVersion.buildReport()));
        r.register("status-get", c -> Answer.success(KeaJson.object().put("pid", ProcessHandle.current().pid())
                .put("uptime", agent.uptimeSeconds()).put("reload", agent.secondsSinceCommit())));
        r.register("config-get", c -> {
            ObjectNode args = KeaJson.object();
            args.set(AgentConfig.ROOT, KeaJson.parse(agent.config().json()));
            args.put("hash", hash(agent.config()));
            return Answer.success(args);
        });
        r.register("config-hash-get", c -> Answer.success(KeaJson.object().put("hash", hash(agent.config()))));
        r.register("config-test", c -> {
            Answer bad = checkArguments(c);
            if (bad != null) return bad;
            try {
                Agent.check(AgentConfig.parse(c.arguments()));
                return Answer.success("Configuration check successful");
            } catch (ControlConfigException e) {
                return Answer.error(e.toString());
            }
        });
        r.register("config-set", c -> {
            Answer bad = checkArguments(c);
            if (bad != null) return bad;
            try {
                source.apply(AgentConfig.parse(c.arguments()));
                return Answer.success("Configuration applied successfully.");
            } catch (ControlConfigException e) {
                return Answer.error(e.toString());
            }
        });
        r.register("config-reload", c -> {
            try {
                source.apply(source.read());
                return Answer.success("Configuration applied successfully.");
            } catch (ControlConfigException e) {
                return Answer.error("Config reload failed: " + e);
            }
        });
        r.register("config-write", c -> configWrite(c, agent, source));
        r.register("shutdown", c -> {
            JsonNode args = c.arguments();
            int exit = 0;
            if (args != null) {
                if (!args.isObject()) return Answer.error("Argument must be a map");
                JsonNode v = args.get("exit-value");
                if (v != null) {
                    if (!v.isIntegralNumber()) return Answer.error("parameter 'exit-value' is not an integer");
                    exit = v.asInt();
                }
            }
            int code = exit;
            Thread.ofPlatform().name("shutdown").start(() -> {
                try {
                    Thread.sleep(100); // the answer leaves first
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                shutdown.accept(code);
            });
            return Answer.success("Control Agent is shutting down");
        });
    }

    static String hash(AgentConfig cfg) throws NoSuchAlgorithmException {
        byte[] d = MessageDigest.getInstance("SHA-256").digest(cfg.json().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().withUpperCase().formatHex(d);
    }

    /** DControllerBase's argument checks for {@code {"Control-agent": {...}}}. */
    private static Answer checkArguments(Command c) {
        JsonNode args = c.arguments();
        if (args == null) return Answer.error("Missing mandatory 'arguments' parameter.");
        JsonNode ca = args.get(AgentConfig.ROOT);
        if (ca == null) return Answer.error("Missing mandatory '" + AgentConfig.ROOT + "' parameter.");
        if (!ca.isObject()) return Answer.error("'" + AgentConfig.ROOT + "' parameter expected to be a map.");
        StringBuilder err = new StringBuilder();
        for (String k : (Iterable<String>) args::fieldNames) {
            if (k.equals(AgentConfig.ROOT)) continue;
            if (err.isEmpty()) err.append(" contains unsupported '").append(k).append("' parameter");
            else err.append(" (and '").append(k).append("')");
        }
        return err.isEmpty() ? null : Answer.error("'arguments' parameter" + err);
    }

    private static Answer configWrite(Command c, Agent agent, Source source) {
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
            Path p = Path.of(filename);
            Path dir = source.file() == null ? null : source.file().toAbsolutePath().normalize().getParent();
            if (p.getParent() == null && source.file() != null && source.file().getParent() != null) {
                target = source.file().getParent().resolve(p);
            } else if (dir == null || p.getParent() == null || p.toAbsolutePath().normalize().getParent().equals(dir)) {
                target = p;
            } else {
                return Answer.error("not allowed to write config into " + filename + ": file " + filename
                        + " must be in the same directory as the config file (" + source.file() + ")");
            }
        }
        try {
            ObjectNode doc = KeaJson.object();
            doc.set(AgentConfig.ROOT, KeaJson.parse(agent.config().json()));
            byte[] text = (KeaJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(doc) + "\n")
                    .getBytes(StandardCharsets.UTF_8);
            Files.write(target, text);
            return Answer.success("Configuration written to " + target + " successful",
                    KeaJson.object().put("filename", target.toString()).put("size", text.length));
        } catch (IOException e) {
            return Answer.error("Error during config-write: " + e.getMessage());
        }
    }
}
