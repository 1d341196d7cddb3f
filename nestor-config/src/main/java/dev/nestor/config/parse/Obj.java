package dev.nestor.config.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One JSON map of the configuration with its JSON path, and typed getters that report type errors to
 * {@link Problems} (and then behave as if the key were absent) instead of throwing.
 */
final class Obj {
    final ObjectNode node;
    final String path;
    final Problems problems;

    private Obj(ObjectNode node, String path, Problems problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    /** Wraps a node that must be a map; reports and returns null otherwise. */
    static Obj of(JsonNode n, String path, Problems p) {
        if (n instanceof ObjectNode o) return new Obj(o, path, p);
        p.error(path, "must be a map");
        return null;
    }

    String at(String key) { return path + "." + key; }

    boolean has(String key) { return node.has(key) && !node.get(key).isNull(); }

    JsonNode raw(String key) { return node.get(key); }

    void error(String key, String message) { problems.error(key == null ? path : at(key), message); }

    void note(String key, String message) { problems.note(key == null ? path : at(key), message); }

    /** Reports keys the scope does not allow (see {@link Keywords}). */
    void check(Keywords.Table table) {
        for (Map.Entry<String, JsonNode> e : node.properties()) table.check(this, e.getKey(), e.getValue());
    }

    String string(String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) return null;
        if (!v.isTextual()) {
            error(key, "must be a string");
            return null;
        }
        return v.textValue();
    }

    String string(String key, String dflt) {
        String s = string(key);
        return s == null ? dflt : s;
    }

    Long integer(String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) return null;
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            error(key, "must be an integer");
            return null;
        }
        return v.longValue();
    }

    /** An integer within {@code [min, max]}, null when absent or invalid (invalid is reported). */
    Long integer(String key, long min, long max) {
        Long v = integer(key);
        if (v != null && (v < min || v > max)) {
            error(key, "value " + v + " is out of range " + min + ".." + max);
            return null;
        }
        return v;
    }

    long integer(String key, long min, long max, long dflt) {
        Long v = integer(key, min, max);
        return v == null ? dflt : v;
    }

    Boolean bool(String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) return null;
        if (!v.isBoolean()) {
            error(key, "must be a boolean (true or false)");
            return null;
        }
        return v.booleanValue();
    }

    boolean bool(String key, boolean dflt) {
        Boolean b = bool(key);
        return b == null ? dflt : b;
    }

    /** A real number; integers are accepted too. */
    Double real(String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) return null;
        if (!v.isNumber()) {
            error(key, "must be a number");
            return null;
        }
        return v.doubleValue();
    }

    Obj map(String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) return null;
        return of(v, at(key), problems);
    }

    /** The maps of a list ({@code key[i]} paths); non-map entries are reported and skipped. */
    List<Obj> maps(String key) {
        JsonNode v = node.get(key);
        List<Obj> out = new ArrayList<>();
        if (v == null || v.isNull()) return out;
        if (!v.isArray()) {
            error(key, "must be a list");
            return out;
        }
        for (int i = 0; i < v.size(); i++) {
            Obj o = of(v.get(i), at(key) + "[" + i + "]", problems);
            if (o != null) out.add(o);
        }
        return out;
    }

    /** A list of strings, null when absent. */
    List<String> strings(String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) return null;
        if (!v.isArray()) {
            error(key, "must be a list of strings");
            return null;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode e = v.get(i);
            if (!e.isTextual()) problems.error(at(key) + "[" + i + "]", "must be a string");
            else out.add(e.textValue());
        }
        return out;
    }
}
