package dev.nestor.dhcp4.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nestor.codec.option.OptionDefinition;
import dev.nestor.codec.option.OptionDefinitions;
import dev.nestor.common.net.Ipv4;
import dev.nestor.common.net.Ipv4Prefix;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * subnet4-delta-add / subnet4-delta-del: Kea's {@code mergeDiffAdd} / {@code mergeDiffDel} (cc/data.cc) over the
 * subnet hierarchy of subnet_cmds ({@code subnet} → {@code pools}, {@code option-data} → the pools'
 * {@code option-data}). Entries of those lists are matched by identity (a pool by its address range, whatever its
 * spelling; an option by space and code, or name); an entry given with nothing but its identity is deleted whole.
 */
final class SubnetDelta4 {
    /** How to recognise one kind of list entry. */
    private record Entity(Set<String> keys, Identity identity) {}

    @FunctionalInterface
    private interface Identity {
        boolean same(JsonNode left, JsonNode right);
    }

    private final List<Map<String, Entity>> hierarchy;

    SubnetDelta4(OptionDefinitions defs) {
        Entity subnet = new Entity(Set.of("id", "subnet"),
                (l, r) -> l.path("id").asLong() == r.path("id").asLong());
        Entity pool = new Entity(Set.of("pool"), (l, r) -> Objects.equals(range(l.path("pool").asText()), range(r.path("pool").asText())));
        Entity option = new Entity(Set.of("space", "code", "name"), (l, r) -> sameOption(defs, l, r));
        hierarchy = List.of(Map.of("subnet", subnet), Map.of("pools", pool, "option-data", option),
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
            if (e.keys.contains("pool") && kv.getKey().equals("option-data") && kv.getValue().isEmpty()) continue;
            return false;
        }
        return true;
    }

    /** A pool's address range as [first, last], or the text itself when it does not parse. */
    static Object range(String text) {
        String t = text.replace(" ", "").replace("\t", "");
        try {
            int slash = t.indexOf('/');
            if (slash >= 0) {
                Ipv4Prefix p = new Ipv4Prefix(Ipv4.parse(t.substring(0, slash)), Integer.parseInt(t.substring(slash + 1)));
                return List.of(p.first(), p.last());
            }
            int dash = t.indexOf('-');
            if (dash >= 0) return List.of(Ipv4.parse(t.substring(0, dash)), Ipv4.parse(t.substring(dash + 1)));
        } catch (IllegalArgumentException e) {
            // fall through: compare as text
        }
        return t;
    }

    private static boolean sameOption(OptionDefinitions defs, JsonNode l, JsonNode r) {
        String ls = l.path("space").asText(OptionDefinition.DHCP4);
        String rs = r.path("space").asText(OptionDefinition.DHCP4);
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
