package dev.nestor.ddns.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nestor.config.parse.Problems;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One JSON map of a DhcpDdns configuration with its JSON path. Typed getters report a wrong type to
 * {@link Problems} and then act as if the key were absent, so one parse reports every problem (the style of
 * nestor-config's parsers).
 */
final class JsonMap {
    final ObjectNode node;
    final String path;
    final Problems problems;

    private JsonMap(ObjectNode node, String path, Problems problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    static JsonMap of(JsonNode n, String path, Problems p) {
        if (n instanceof ObjectNode o) return new JsonMap(o, path, p);
        p.error(path, "must be a map");
        return null;
    }

    String at(String key) {
        return path + "." + key;
    }

    boolean has(String key) {
        return node.has(key) && !node.get(key).isNull();
    }

    void error(String key, String message) {
        problems.error(key == null ? path : at(key), message);
    }

    /** Reports keys outside {@code allowed}; {@code refused} maps known-but-unsupported keys to their message. */
    void check(String scope, Set<String> allowed, Map<String, String> refused) {
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String k = e.getKey();
            if (allowed.contains(k)) continue;
            String why = refused.get(k);
            error(why == null ? null : k, why == null ? "unknown parameter '" + k + "' in " + scope : why);
        }
    }

    String string(String key, String dflt) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) return dflt;
        if (!v.isTextual()) {
            error(key, "must be a string");
            return dflt;
        }
        return v.textValue();
    }

    long integer(String key, long min, long max, long dflt) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) return dflt;
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            error(key, "must be an integer");
            return dflt;
        }
        long x = v.longValue();
        if (x < min || x > max) {
            error(key, "value " + x + " is out of range " + min + ".." + max);
            return dflt;
        }
        return x;
    }

    JsonMap map(String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) return null;
        return of(v, at(key), problems);
    }

    /** The maps of a list, with {@code key[i]} paths; a non-list or non-map entry is reported. */
    List<JsonMap> maps(String key) {
        JsonNode v = node.get(key);
        List<JsonMap> out = new ArrayList<>();
        if (v == null || v.isNull()) return out;
        if (!v.isArray()) {
            error(key, "must be a list");
            return out;
        }
        for (int i = 0; i < v.size(); i++) {
            JsonMap m = of(v.get(i), at(key) + "[" + i + "]", problems);
            if (m != null) out.add(m);
        }
        return out;
    }
}
