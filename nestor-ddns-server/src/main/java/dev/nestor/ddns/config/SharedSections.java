package dev.nestor.ddns.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nestor.config.ConfigError;
import dev.nestor.config.ConfigException;
import dev.nestor.config.Dhcp4ConfigParser;
import dev.nestor.config.model.ControlSocketSpec;
import dev.nestor.config.model.Dhcp4Config;
import dev.nestor.config.model.LoggerConfig;
import dev.nestor.config.parse.Problems;

import java.util.List;

/**
 * The maps every Kea daemon shares ({@code control-socket(s)}, {@code loggers}) parsed by nestor-config's own
 * parsers, so nestor-ddns accepts and refuses exactly what the DHCP daemons do, with the same messages. Those
 * parsers are internal to nestor-config; the public way in is a {@code Dhcp4} document holding only these maps.
 * Error paths are moved from {@code Dhcp4.} to {@code DhcpDdns.}.
 */
final class SharedSections {
    private static final String FROM = "Dhcp4";
    private static final String TO = "DhcpDdns";

    record Result(List<ControlSocketSpec> controlSockets, List<LoggerConfig> loggers) {}

    private SharedSections() {}

    static Result parse(JsonMap global) {
        ObjectNode inner = JsonNodeFactory.instance.objectNode();
        for (String k : List.of("control-socket", "control-sockets", "loggers")) {
            JsonNode v = global.node.get(k);
            if (v != null) inner.set(k, v.deepCopy());
        }
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        doc.set(FROM, inner);
        try {
            Dhcp4Config c = Dhcp4ConfigParser.parse(doc);
            List<ControlSocketSpec> sockets = c.controlSockets().stream().map(s -> new ControlSocketSpec(s.socketType(),
                    s.socketName(), s.socketAddress(), s.socketPort(), rebase(s.path()), s.json())).toList();
            return new Result(sockets, c.loggers());
        } catch (ConfigException e) {
            for (ConfigError err : e.errors()) global.problems.error(rebase(err.path()), err.message());
            return new Result(List.of(), List.of());
        }
    }

    private static String rebase(String path) {
        if (path.equals(FROM)) return TO;
        return path.startsWith(FROM + ".") ? TO + path.substring(FROM.length()) : path;
    }

    /** Kea's D2 extras: every entry names its socket-type, and there is at most one unix socket. */
    static void checkD2Rules(JsonMap global, Problems p) {
        List<JsonMap> entries = global.has("control-socket") && global.map("control-socket") != null
                ? List.of(global.map("control-socket")) : global.maps("control-sockets");
        int unix = 0;
        for (JsonMap e : entries) {
            if (!e.has("socket-type")) {
                p.error(e.path, "'socket-type' parameter is mandatory in control-sockets items");
            } else if ("unix".equals(e.string("socket-type", "")) && ++unix > 1) {
                p.error(e.at("socket-type"), "control socket of type 'unix' already configured");
            }
        }
    }
}
