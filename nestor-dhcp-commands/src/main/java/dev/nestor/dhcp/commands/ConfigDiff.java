package dev.nestor.dhcp.commands;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The semantic difference between the running and a proposed config, what an operator wants to see before
 * applying it (Nestor's {@code config-diff}, also in {@code config-test}'s answer): subnets added, removed and
 * changed (by subnet id, with the keys that differ), pools that lost addresses, global parameters that changed,
 * and how many current leases would fall outside the new pools. The protocol supplies the address arithmetic and
 * the lease checks ({@link Facts}); the rest is the same for DHCPv4 and DHCPv6. Pure: configs and facts in, JSON out.
 */
public final class ConfigDiff {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private ConfigDiff() {}

    /** What only the protocol knows. */
    public interface Facts<C> {
        /** Live leases per subnet id that {@code proposed} would no longer cover (subnet gone, or outside its pools). */
        Map<Long, Long> leasesOutside(C proposed);

        /** Subnet {@code id}'s effective (inherited) parameters, compared with {@code equals}. */
        Object params(C config, long id);

        /** Subnet {@code id}'s address pools as unsigned [first, last] pairs. */
        List<BigInteger[]> poolRanges(C config, long id);
    }

    public static <C> ObjectNode diff(DhcpFamily<C> family, Facts<C> facts, C running, C proposed) {
        String subnetKey = family.subnetKey();
        Map<Long, JsonNode> oldJson = subnetJson(family, running);
        Map<Long, JsonNode> newJson = subnetJson(family, proposed);
        Map<Long, SubnetView> oldSubnets = byId(family.subnets(running));
        Map<Long, SubnetView> newSubnets = byId(family.subnets(proposed));
        Map<Long, Long> outside = facts.leasesOutside(proposed);

        ArrayNode added = F.arrayNode();
        ArrayNode removed = F.arrayNode();
        ArrayNode changed = F.arrayNode();
        ArrayNode shrunk = F.arrayNode();
        for (SubnetView s : newSubnets.values()) {
            if (!oldSubnets.containsKey(s.id())) added.add(describe(s));
        }
        for (SubnetView old : oldSubnets.values()) {
            SubnetView now = newSubnets.get(old.id());
            if (now == null) {
                removed.add(describe(old).put("leases", outside.getOrDefault(old.id(), 0L)));
                continue;
            }
            List<String> keys = changedKeys(oldJson.get(old.id()), newJson.get(old.id()));
            if (!old.prefix().equals(now.prefix()) && !keys.contains("subnet")) keys.add("subnet");
            if (!Objects.equals(old.sharedNetworkName(), now.sharedNetworkName())) keys.add("shared-network");
            if (keys.isEmpty() && !Objects.equals(facts.params(running, old.id()), facts.params(proposed, old.id()))) {
                keys.add("inherited-parameters");
            }
            if (!keys.isEmpty()) {
                ObjectNode c = describe(now);
                ArrayNode k = c.putArray("changed");
                keys.forEach(k::add);
                c.put("leases-outside-new-pools", outside.getOrDefault(old.id(), 0L));
                changed.add(c);
            }
            List<BigInteger[]> lost = subtract(facts.poolRanges(running, old.id()), facts.poolRanges(proposed, old.id()));
            if (!lost.isEmpty()) {
                ObjectNode p = describe(now);
                ArrayNode ranges = p.putArray("removed-ranges");
                BigInteger n = BigInteger.ZERO;
                for (BigInteger[] r : lost) {
                    n = n.add(r[1].subtract(r[0]).add(BigInteger.ONE));
                    ranges.add(Addresses.text(r[0], family.version()) + " - " + Addresses.text(r[1], family.version()));
                }
                if (n.bitLength() < 64) p.put("removed-addresses", n.longValue());
                else p.put("removed-addresses", n);
                shrunk.add(p);
            }
        }
        ObjectNode out = F.objectNode();
        out.set("subnets-added", added);
        out.set("subnets-removed", removed);
        out.set("subnets-changed", changed);
        out.set("pools-shrunk", shrunk);
        ArrayNode globals = out.putArray("global-changes");
        changedGlobals(family.json(running), family.json(proposed), subnetKey).forEach(globals::add);
        out.put("leases-outside-new-pools", outside.values().stream().mapToLong(Long::longValue).sum());
        return out;
    }

    /** One line for an answer text. */
    public static String summary(ObjectNode diff) {
        return diff.get("subnets-added").size() + " subnet(s) added, " + diff.get("subnets-removed").size() + " removed, "
                + diff.get("subnets-changed").size() + " changed, " + diff.get("pools-shrunk").size() + " with shrunk pools, "
                + diff.get("global-changes").size() + " global parameter(s) changed; "
                + diff.get("leases-outside-new-pools").asLong() + " current lease(s) outside the new pools";
    }

    /**
     * Unsigned ranges of {@code old} not covered by any range of {@code now}, as [first, last] pairs; each input
     * is a list of [first, last] pairs. Works for 32-bit (DHCPv4) and 128-bit (DHCPv6) addresses alike.
     */
    static List<BigInteger[]> subtract(List<BigInteger[]> old, List<BigInteger[]> now) {
        List<BigInteger[]> cover = new ArrayList<>(now);
        cover.sort((a, b) -> a[0].compareTo(b[0]));
        List<BigInteger[]> out = new ArrayList<>();
        for (BigInteger[] p : old) {
            BigInteger from = p[0];
            BigInteger to = p[1];
            for (BigInteger[] c : cover) {
                if (c[1].compareTo(from) < 0 || c[0].compareTo(to) > 0) continue;
                if (c[0].compareTo(from) > 0) out.add(new BigInteger[] {from, c[0].subtract(BigInteger.ONE)});
                from = from.max(c[1].add(BigInteger.ONE));
                if (from.compareTo(to) > 0) break;
            }
            if (from.compareTo(to) <= 0) out.add(new BigInteger[] {from, to});
        }
        return out;
    }

    private static ObjectNode describe(SubnetView s) {
        return F.objectNode().put("id", s.id()).put("subnet", s.prefix());
    }

    private static Map<Long, SubnetView> byId(List<SubnetView> subnets) {
        Map<Long, SubnetView> m = new LinkedHashMap<>();
        for (SubnetView s : subnets) m.put(s.id(), s);
        return m;
    }

    /** Members of two maps whose values differ, sorted. */
    private static List<String> changedKeys(JsonNode a, JsonNode b) {
        List<String> out = new ArrayList<>();
        if (a == null || b == null) return out;
        Set<String> keys = new TreeSet<>();
        a.fieldNames().forEachRemaining(keys::add);
        b.fieldNames().forEachRemaining(keys::add);
        for (String k : keys) if (!Objects.equals(a.get(k), b.get(k))) out.add(k);
        return out;
    }

    private static List<String> changedGlobals(String running, String proposed, String subnetKey) {
        JsonNode a = parse(running);
        JsonNode b = parse(proposed);
        List<String> out = new ArrayList<>();
        // subnets are compared subnet by subnet, not as whole lists
        for (String k : changedKeys(a, b)) if (!k.equals(subnetKey) && !k.equals("shared-networks")) out.add(k);
        // shared-network level settings (not their subnets) count as global changes too
        if (!networkSettings(a, subnetKey).equals(networkSettings(b, subnetKey))) out.add("shared-networks");
        return out;
    }

    private static JsonNode networkSettings(JsonNode root, String subnetKey) {
        ArrayNode nets = F.arrayNode();
        for (JsonNode n : root.path("shared-networks")) {
            if (n instanceof ObjectNode o) nets.add(o.deepCopy().without(subnetKey));
        }
        return nets;
    }

    /** Subnet maps of the document by id (the model's id where the map has none, matched by position). */
    private static <C> Map<Long, JsonNode> subnetJson(DhcpFamily<C> family, C config) {
        String key = family.subnetKey();
        JsonNode doc = parse(family.json(config));
        List<JsonNode> maps = new ArrayList<>();
        doc.path(key).forEach(maps::add);
        for (JsonNode n : doc.path("shared-networks")) n.path(key).forEach(maps::add);
        Map<Long, JsonNode> out = new HashMap<>();
        List<SubnetView> model = family.subnets(config);
        for (int i = 0; i < maps.size(); i++) {
            JsonNode m = maps.get(i);
            long id = m.path("id").canConvertToLong() && m.has("id") ? m.get("id").asLong() : (i < model.size() ? model.get(i).id() : -1);
            out.put(id, m);
        }
        return out;
    }

    private static JsonNode parse(String json) {
        try {
            JsonNode n = JSON.readTree(json);
            return n == null ? F.objectNode() : n;
        } catch (JsonProcessingException e) {
            return F.objectNode();
        }
    }
}
