package dev.nestor.daemon.agent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nestor.control.KeaJson;
import dev.nestor.control.http.ControlConfigException;
import dev.nestor.control.http.HttpControlConfig;
import dev.nestor.logging.LoggerSpec;
import dev.nestor.logging.OutputSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Kea's {@code Control-agent} configuration: the HTTP(S) listener ({@code http-host}, {@code http-port},
 * {@code authentication}, TLS), the unix control socket of each service it forwards to ({@code dhcp4},
 * {@code dhcp6}, {@code d2}) and its loggers. Immutable.
 *
 * @param sockets service name → the daemon's unix control socket
 * @param json    the {@code Control-agent} map as given (config-get, config-write)
 */
public record AgentConfig(HttpControlConfig http, Map<String, Path> sockets, List<LoggerSpec> loggers, String json) {
    public static final String ROOT = "Control-agent";
    private static final Set<String> KEYWORDS = Set.of("http-host", "http-port", "trust-anchor", "cert-file", "key-file",
            "cert-required", "authentication", "control-sockets", "hooks-libraries", "loggers", "user-context", "comment",
            "http-headers");
    private static final Set<String> SERVICES = Set.of("dhcp4", "dhcp6", "d2");

    public AgentConfig {
        Objects.requireNonNull(http, "http");
        sockets = Map.copyOf(sockets);
        loggers = List.copyOf(loggers);
        Objects.requireNonNull(json, "json");
    }

    /** Parses {@code {"Control-agent": {...}}} (other daemons' objects in the same file are ignored). */
    public static AgentConfig parse(JsonNode root) throws ControlConfigException {
        if (root == null || !root.isObject()) throw new ControlConfigException("", "configuration must be a JSON map");
        JsonNode ca = root.get(ROOT);
        if (ca == null) throw new ControlConfigException("", "no Control-agent configuration found (expected a top-level \"Control-agent\" map)");
        if (!ca.isObject()) throw new ControlConfigException(ROOT, "'Control-agent' parameter expected to be a map.");
        for (String k : (Iterable<String>) ca::fieldNames) {
            if (!KEYWORDS.contains(k)) throw new ControlConfigException(ROOT + "." + k, "unsupported parameter '" + k + "'");
        }
        JsonNode hooks = ca.get("hooks-libraries");
        if (hooks != null && hooks.isArray() && !hooks.isEmpty()) {
            throw new ControlConfigException(ROOT + ".hooks-libraries", "hook libraries are not supported yet by nestor-agent");
        }
        HttpControlConfig http = HttpControlConfig.parseAgent(ca, ROOT);
        return new AgentConfig(http, sockets(ca.get("control-sockets")), loggers(ca.get("loggers")), KeaJson.write(ca));
    }

    private static Map<String, Path> sockets(JsonNode cs) throws ControlConfigException {
        String path = ROOT + ".control-sockets";
        Map<String, Path> out = new LinkedHashMap<>();
        if (cs == null || cs.isNull()) return out;
        if (!cs.isObject()) throw new ControlConfigException(path, "control-sockets must be a map");
        for (var e : cs.properties()) {
            String service = e.getKey();
            String sp = path + "." + service;
            if (!SERVICES.contains(service)) throw new ControlConfigException(sp, "unsupported server type '" + service + "' (dhcp4, dhcp6 or d2)");
            JsonNode s = e.getValue();
            if (!s.isObject()) throw new ControlConfigException(sp, "expected map type");
            for (String k : (Iterable<String>) s::fieldNames) {
                if (!Set.of("socket-type", "socket-name", "user-context", "comment").contains(k)) {
                    throw new ControlConfigException(sp + "." + k, "unsupported parameter '" + k + "'");
                }
            }
            String type = s.path("socket-type").asText("unix");
            if (!type.equals("unix")) throw new ControlConfigException(sp + ".socket-type", "unsupported 'socket-type' '" + type + "' not 'unix'");
            JsonNode name = s.get("socket-name");
            if (name == null || !name.isTextual() || name.textValue().isEmpty()) {
                throw new ControlConfigException(sp, "'socket-name' is required for a unix control socket");
            }
            out.put(service, Path.of(name.textValue()));
        }
        return out;
    }

    private static List<LoggerSpec> loggers(JsonNode list) throws ControlConfigException {
        List<LoggerSpec> out = new ArrayList<>();
        if (list == null || list.isNull()) return out;
        if (!list.isArray()) throw new ControlConfigException(ROOT + ".loggers", "loggers must be a list");
        int i = 0;
        for (JsonNode l : list) {
            String lp = ROOT + ".loggers[" + i++ + "]";
            String name = l.path("name").asText("");
            if (name.isEmpty()) throw new ControlConfigException(lp, "loggers entry does not have a mandatory 'name' element");
            JsonNode outputs = l.has("output-options") ? l.get("output-options") : l.get("output_options");
            List<OutputSpec> outs = new ArrayList<>();
            if (outputs != null) {
                for (JsonNode o : outputs) {
                    outs.add(new OutputSpec(o.path("output").asText("stdout"), o.path("flush").asBoolean(true),
                            o.path("maxsize").asLong(10240000), o.path("maxver").asInt(1), o.path("pattern").asText("")));
                }
            }
            try {
                out.add(new LoggerSpec(name, l.path("severity").asText("INFO"), l.path("debuglevel").asInt(0), outs));
            } catch (IllegalArgumentException e) {
                throw new ControlConfigException(lp, e.getMessage());
            }
        }
        return out;
    }
}
