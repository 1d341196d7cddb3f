package dev.nestor.config.parse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nestor.config.ConfigText;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code lease-database}: Kea's database access map (after Kea's {@code DbAccessParser}), kept as a map of text
 * values for the backend that the {@code type} names. Every parameter is type- and range-checked here, so a
 * backend only ever sees well-formed values; a value that fails a check is reported with its JSON path and left
 * out of the map.
 */
final class DatabaseParser {
    private static final long U32 = 0xFFFFFFFFL;
    static final Set<String> TYPES = Set.of("memfile", "mysql", "postgresql");
    static final Set<String> ON_FAIL = Set.of("stop-retry-exit", "serve-retry-exit", "serve-retry-continue");
    static final Set<String> SYNC = Set.of("write", "fsync", "none");
    private static final List<String> STRINGS = List.of("type", "name", "host", "user", "password", "on-fail",
            "trust-anchor", "cert-file", "key-file", "cipher-list", "nestor-sync");
    private static final List<String> BOOLEANS = List.of("persist", "readonly", "retry-on-startup");
    private static final List<String> U32_INTEGERS = List.of("lfc-interval", "connect-timeout", "read-timeout",
            "write-timeout", "tcp-user-timeout", "max-reconnect-tries", "reconnect-wait-time", "max-row-errors");

    private DatabaseParser() {}

    /** The map of {@code global.<key>}; absent means memfile with Kea's defaults. */
    static Map<String, String> parse(Obj global, String key) {
        Obj o = global.map(key);
        if (o == null) {
            Map<String, String> out = new LinkedHashMap<>();
            out.put("type", "memfile");
            return out;
        }
        return parseMap(o, "lease");
    }

    /**
     * Kea's {@code hosts-database} (one map) or {@code hosts-databases} (a list, consulted in order): each entry
     * takes the lease-database parameters plus {@code readonly}, and must be an SQL backend. Empty when neither is
     * configured. Entries with errors are reported and left out.
     */
    static List<Map<String, String>> hostsDatabases(Obj global) {
        List<Obj> entries = new ArrayList<>();
        if (global.has("hosts-database") && global.has("hosts-databases")) {
            global.error("hosts-databases", "only one of hosts-database and hosts-databases may be configured");
            return List.of();
        }
        Obj single = global.map("hosts-database");
        if (single != null) entries.add(single);
        entries.addAll(global.maps("hosts-databases"));
        List<Map<String, String>> out = new ArrayList<>();
        for (Obj o : entries) {
            int before = o.problems.errorCount();
            if (!o.has("type")) {
                o.error(null, "database access parameters must include the keyword 'type' to determine type of database"
                        + " to be accessed");
                continue;
            }
            Map<String, String> m = parseMap(o, "hosts");
            if (o.problems.errorCount() > before) continue;
            if (m.get("type").equals("memfile")) {
                o.error("type", "memfile is not a hosts database type (expected mysql or postgresql)");
                continue;
            }
            out.add(m);
        }
        return List.copyOf(out);
    }

    /** One database access map; {@code what} ("lease" or "hosts") names it in messages. */
    private static Map<String, String> parseMap(Obj o, String what) {
        Map<String, String> out = new LinkedHashMap<>();
        o.check(Keywords.DATABASE);
        for (Map.Entry<String, JsonNode> e : o.node.properties()) {
            if (e.getKey().equals("user-context") || e.getKey().equals("comment")) continue;
            JsonNode v = e.getValue();
            out.put(e.getKey(), v.isValueNode() ? v.asText() : ConfigText.toJson(v));
        }
        for (String k : STRINGS) if (o.has(k) && o.string(k) == null) out.remove(k);
        for (String k : BOOLEANS) if (o.has(k) && o.bool(k) == null) out.remove(k);
        for (String k : U32_INTEGERS) if (o.has(k) && o.integer(k, 0, U32) == null) out.remove(k);
        if (o.has("port") && o.integer("port", 0, 65535) == null) out.remove("port");
        if (o.has("pool-size") && o.integer("pool-size", 1, 1000) == null) out.remove("pool-size");

        String type = o.has("type") ? out.getOrDefault("type", "memfile") : "memfile";
        out.put("type", type);
        if (!TYPES.contains(type)) {
            o.error("type", "unknown backend database type: " + type + " (expected memfile, mysql or postgresql)");
            return out;
        }
        String onFail = out.get("on-fail");
        if (onFail != null && !ON_FAIL.contains(onFail)) {
            o.error("on-fail", "unsupported on-fail '" + onFail
                    + "', expected stop-retry-exit, serve-retry-exit or serve-retry-continue");
            out.remove("on-fail");
        }
        String sync = out.get("nestor-sync");
        if (sync != null && !SYNC.contains(sync)) {
            o.error("nestor-sync", "unsupported nestor-sync '" + sync + "', expected write, fsync or none");
            out.remove("nestor-sync");
        }
        if (!type.equals("memfile")) sqlOnly(o, type, out, what);
        return out;
    }

    /** Kea's rules for the SQL backends: a database name, and the timeouts each client library has. */
    private static void sqlOnly(Obj o, String type, Map<String, String> out, String what) {
        String name = out.get("name");
        if (name == null || name.isBlank()) {
            if (!o.has("name") || name != null)
                o.error(o.has("name") ? "name" : null, "must specify a name for the database ('name') of a " + type + " " + what + " database");
        }
        for (String k : List.of("read-timeout", "write-timeout")) {
            if (positive(out, k) && !type.equals("mysql")) o.error(k, k + " value is only supported by the mysql backend");
        }
        if (positive(out, "tcp-user-timeout") && !type.equals("postgresql"))
            o.error("tcp-user-timeout", "tcp-user-timeout value is only supported by the postgresql backend");
        if (out.containsKey("key-file") && !out.containsKey("cert-file"))
            o.error("key-file", "'key-file' needs 'cert-file' (the client certificate the key belongs to)");
        if (out.containsKey("cert-file") && !out.containsKey("key-file"))
            o.error("cert-file", "'cert-file' needs 'key-file' (the private key of the client certificate)");
        if (out.containsKey("cert-file") && !out.containsKey("trust-anchor"))
            o.error("cert-file", "'cert-file' needs 'trust-anchor' (TLS is on only with a trust anchor)");
    }

    private static boolean positive(Map<String, String> out, String key) {
        String v = out.get(key);
        return v != null && Long.parseLong(v) > 0;
    }
}
