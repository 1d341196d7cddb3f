package dev.nestor.dhcp.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nestor.codec.option.OptionDefinition;
import dev.nestor.codec.option.OptionDefinitions;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * subnet4-delta-add / subnet6-delta-add and the -delta-del pair: Kea's {@code mergeDiffAdd} / {@code mergeDiffDel}
 * (cc/data.cc) over the subnet hierarchy of subnet_cmds ({@code subnet} → {@code pools}, {@code pd-pools},
 * {@code option-data} → the pools' {@code option-data}). Entries of those lists are matched by identity (a pool by
 * its address range, whatever its spelling; a pd-pool by prefix, prefix-len and delegated-len; an option by space
 * and code, or name); an entry given with nothing but its identity is deleted whole.
 */
final class SubnetDelta {
    /** How to recognise one kind of list entry. */
    private record Entity(Set<String> keys, Identity identity) {}

    @FunctionalInterface
    private interface Identity {
        boolean same(JsonNode left, JsonNode right);
    }

    private final List<Map<String, Entity>> hierarchy;

    /**
     * @param space     the standard option space (an option without "space" is in it)
     * @param poolRange a pool's identity from its text ({@link DhcpFamily#poolRange})
     */
    SubnetDelta(OptionDefinitions defs, String space, Function<String, Object> poolRange) {
        Entity subnet = new Entity(Set.of("id", "subnet"),
                (l, r) -> l.path("id").asLong() == r.path("id").asLong());
        Entity pool = new Entity(Set.of("pool"),
                (l, r) -> Objects.equals(poolRange.apply(l.path("pool").asText()), poolRange.apply(r.path("pool").asText())));
        Entity pdPool = new Entity(Set.of("prefix", "prefix-len", "delegated-len"),
                (l, r) -> Objects.equals(poolRange.apply(l.path("prefix").asText() + "/" + l.path("prefix-len").asInt()),
                        poolRange.apply(r.path("prefix").asText() + "/" + r.path("prefix-len").asInt()))
                        && l.path("delegated-len").asInt() == r.path("delegated-len").asInt());
        Entity option = new Entity(Set.of("space", "code", "name"), (l, r) -> sameOption(defs, space, l, r));
        hierarchy = List.of(Map.of("subnet", subnet), Map.of("pools", pool, "pd-pools", pdPool, "option-data", option),
                Map.of("option-data", option));
    }

    void add(ObjectNode subnet, ObjectNode delta) {
        mergeAdd(subnet, delta, "subnet", 0);
    }

    void del(ObjectNode subnet, ObjectNode delta) {
        mergeDel(subnet, delta, "subnet", 0);
    }

    private Entity entity(String key, int idx) {
        return idx < hierarchy.size() ? hierarchy.get(idx).get(key) : null;
    }

    private void mergeAdd(JsonNode element, JsonNode other, String key, int idx) {
        if (element instanceof ArrayNode left && other instanceof ArrayNode right) {
            Entity e = entity(key, idx);
            List<JsonNode> fresh = new ArrayList<>();
            for (JsonNode r : right) {
                boolean found = false;
                if (e != null) {
                    for (JsonNode l : left) {
                        if (e.identity.same(l, r)) {
                            found = true;
                            mergeAdd(l, r, key, idx);
                        }
                    }
                }
                if (!found) fresh.add(r.deepCopy());
            }
            fresh.forEach(left::add);
        } else if (element instanceof ObjectNode left && other instanceof ObjectNode right) {
            for (var kv : right.properties()) {
                JsonNode value = kv.getValue();
                if (value == null || value.isNull()) continue;
                JsonNode mine = left.get(kv.getKey());
                if (mine != null && (value.isObject() || value.isArray()) && mine.getNodeType() == value.getNodeType()) {
                    mergeAdd(mine, value, kv.getKey(), idx + 1);
                } else {
                    left.set(kv.getKey(), value.deepCopy());
                }
            }
        }
    }

    private void mergeDel(JsonNode element, JsonNode other, String key, int idx) {
        if (element instanceof ArrayNode left && other instanceof ArrayNode right) {
            Entity e = entity(key, idx);
            for (JsonNode r : right) {
                for (int i = 0; i < left.size(); ) {
                    JsonNode l = left.get(i);
                    boolean removed = false;
                    if (e != null) {
                        if (e.identity.same(l, r)) {
                            if (onlyKeys(e, r)) {
                                left.remove(i);
                                removed = true;
                            } else {
                                mergeDel(l, r, key, idx);
                                if (l.isEmpty()) {
                                    left.remove(i);
                                    removed = true;
                                }
                            }
                        }
                    } else if (l.equals(r)) {
                        left.remove(i);
                        removed = true;
                    }
                    if (!removed) i++;
                }
            }
        } else if (element instanceof ObjectNode left && other instanceof ObjectNode right) {
            Entity e = entity(key, idx);
            ObjectNode keep = left.objectNode();
            for (var kv : right.properties()) {
                JsonNode value = kv.getValue();
                if (value == null || value.isNull() || !left.has(kv.getKey())) continue;
                JsonNode mine = left.get(kv.getKey());
                if (mine.isObject() || mine.isArray()) {
                    mergeDel(mine, value, kv.getKey(), idx + 1);
                    if (mine.isEmpty()) left.remove(kv.getKey());
                } else {
                    if (e != null && e.keys.contains(kv.getKey())) keep.set(kv.getKey(), mine);
                    left.remove(kv.getKey());
                }
            }
            // identity keys come back when the entry still holds other data
            if (!left.isEmpty()) keep.properties().forEach(kv -> left.set(kv.getKey(), kv.getValue()));
        }
    }

    /** Kea's no_data_ functions: only identity keys (and, for pools, an empty option-data list). */
    private static boolean onlyKeys(Entity e, JsonNode entry) {
        for (Iterator<Map.Entry<String, JsonNode>> it = entry.properties().iterator(); it.hasNext(); ) {
            var kv = it.next();
            if (e.keys.contains(kv.getKey())) continue;
            boolean pool = e.keys.contains("pool") || e.keys.contains("prefix");
            if (pool && kv.getKey().equals("option-data") && kv.getValue().isEmpty()) continue;
            return false;
        }
        return true;
    }

    private static boolean sameOption(OptionDefinitions defs, String space, JsonNode l, JsonNode r) {
        String ls = l.path("space").asText(space);
        String rs = r.path("space").asText(space);
        if (!ls.equals(rs)) return false;
        Integer lc = code(defs, ls, l), rc = code(defs, rs, r);
        if (lc != null && rc != null) return lc.equals(rc);
        return l.has("name") && r.has("name") && l.get("name").asText().equals(r.get("name").asText());
    }

    private static Integer code(OptionDefinitions defs, String space, JsonNode o) {
        if (o.path("code").canConvertToInt()) return o.get("code").intValue();
        if (o.path("name").isTextual()) return defs.byName(space, o.get("name").asText()).map(OptionDefinition::code).orElse(null);
        return null;
    }
}
