package dev.nestor.dhcp4.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nestor.common.net.Ipv4;
import dev.nestor.config.model.Dhcp4Config;
import dev.nestor.config.model.Pool4;
import dev.nestor.config.model.Reservation4;
import dev.nestor.config.model.Subnet4;
import dev.nestor.lease.Lease4;
import dev.nestor.lease.LeaseState;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The semantic difference between the running and a proposed config, what an operator wants to see before
 * applying it (Nestor's {@code config-diff}, also in {@code config-test}'s answer): subnets added, removed and
 * changed (by subnet id, with the keys that differ), pools that lost addresses, global parameters that changed,
 * and how many current leases would fall outside the new pools (subnet gone, or address neither in a pool nor
 * reserved). Pure: configs and leases in, JSON out.
 */
final class ConfigDiff4 {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** Where subnets sit in the document; compared subnet by subnet, not as whole lists. */
    private static final Set<String> SUBNET_CONTAINERS = Set.of("subnet4", "shared-networks");

    private ConfigDiff4() {}

    /** @param leases the current leases; only live ones (assigned or declined, not expired at {@code now}) count */
    static ObjectNode diff(Dhcp4Config running, Dhcp4Config proposed, List<Lease4> leases, long now) {
        Map<Long, JsonNode> oldJson = subnetJson(running);
        Map<Long, JsonNode> newJson = subnetJson(proposed);
        Map<Long, Subnet4> oldSubnets = byId(running.subnets());
        Map<Long, Subnet4> newSubnets = byId(proposed.subnets());
        Map<Long, Long> outside = leasesOutside(proposed, newSubnets, leases, now);

        ArrayNode added = F.arrayNode();
        ArrayNode removed = F.arrayNode();
        ArrayNode changed = F.arrayNode();
        ArrayNode shrunk = F.arrayNode();
        for (Subnet4 s : proposed.subnets()) {
            if (!oldSubnets.containsKey(s.id())) added.add(describe(s));
        }
        for (Subnet4 old : running.subnets()) {
            Subnet4 now2 = newSubnets.get(old.id());
            if (now2 == null) {
                removed.add(describe(old).put("leases", outside.getOrDefault(old.id(), 0L)));
                continue;
            }
            List<String> keys = changedKeys(oldJson.get(old.id()), newJson.get(old.id()));
            if (!old.prefix().equals(now2.prefix()) && !keys.contains("subnet")) keys.add("subnet");
            if (!java.util.Objects.equals(old.sharedNetworkName(), now2.sharedNetworkName())) keys.add("shared-network");
            if (keys.isEmpty() && !old.params().equals(now2.params())) keys.add("inherited-parameters");
            if (!keys.isEmpty()) {
                ObjectNode c = describe(now2);
                ArrayNode k = c.putArray("changed");
                keys.forEach(k::add);
                c.put("leases-outside-new-pools", outside.getOrDefault(old.id(), 0L));
                changed.add(c);
            }
            List<long[]> lost = subtract(old.pools(), now2.pools());
            if (!lost.isEmpty()) {
                ObjectNode p = describe(now2);
                long n = 0;
                ArrayNode ranges = p.putArray("removed-ranges");
                for (long[] r : lost) {
                    n += r[1] - r[0] + 1;
                    ranges.add(Ipv4.toString((int) r[0]) + " - " + Ipv4.toString((int) r[1]));
                }
                p.put("removed-addresses", n);
                shrunk.add(p);
            }
        }
        ObjectNode out = F.objectNode();
        out.set("subnets-added", added);
        out.set("subnets-removed", removed);
        out.set("subnets-changed", changed);
        out.set("pools-shrunk", shrunk);
        ArrayNode globals = out.putArray("global-changes");
        changedGlobals(running, proposed).forEach(globals::add);
        out.put("leases-outside-new-pools", outside.values().stream().mapToLong(Long::longValue).sum());
        return out;
    }

    /** One line for an answer text. */
    static String summary(ObjectNode diff) {
        return diff.get("subnets-added").size() + " subnet(s) added, " + diff.get("subnets-removed").size() + " removed, "
                + diff.get("subnets-changed").size() + " changed, " + diff.get("pools-shrunk").size() + " with shrunk pools, "
                + diff.get("global-changes").size() + " global parameter(s) changed; "
                + diff.get("leases-outside-new-pools").asLong() + " current lease(s) outside the new pools";
    }

    private static ObjectNode describe(Subnet4 s) {
        return F.objectNode().put("id", s.id()).put("subnet", s.prefix().toString());
    }

    private static Map<Long, Subnet4> byId(List<Subnet4> subnets) {
        Map<Long, Subnet4> m = new LinkedHashMap<>();
        for (Subnet4 s : subnets) m.put(s.id(), s);
        return m;
    }

    /** Live leases per subnet id that the proposed config would no longer cover. */
    private static Map<Long, Long> leasesOutside(Dhcp4Config proposed, Map<Long, Subnet4> newSubnets, List<Lease4> leases, long now) {
        Set<Integer> reserved = new java.util.HashSet<>();
        for (Reservation4 r : proposed.globalReservations()) if (r.ipAddress() != null) reserved.add(r.ipAddress());
        for (Subnet4 s : proposed.subnets()) {
            for (Reservation4 r : s.reservations()) if (r.ipAddress() != null) reserved.add(r.ipAddress());
        }
        Map<Long, Long> out = new HashMap<>();
        for (Lease4 l : leases) {
            boolean live = (l.state() == LeaseState.DEFAULT || l.state() == LeaseState.DECLINED) && !l.expired(now);
            if (!live) continue;
            Subnet4 s = newSubnets.get(l.subnetId());
            boolean covered = s != null && s.prefix().contains(l.address()) && (s.inPool(l.address()) || reserved.contains(l.address()));
            if (!covered) out.merge(l.subnetId(), 1L, Long::sum);
        }
        return out;
    }

    /** Address ranges of {@code old} not covered by any pool of {@code now}, as unsigned [first, last] pairs. */
    static List<long[]> subtract(List<Pool4> old, List<Pool4> now) {
        List<long[]> cover = new ArrayList<>();
        for (Pool4 p : now) cover.add(new long[] {Ipv4.toUnsigned(p.first()), Ipv4.toUnsigned(p.last())});
        cover.sort((a, b) -> Long.compare(a[0], b[0]));
        List<long[]> out = new ArrayList<>();
        for (Pool4 p : old) {
            long from = Ipv4.toUnsigned(p.first());
            long to = Ipv4.toUnsigned(p.last());
            for (long[] c : cover) {
                if (c[1] < from || c[0] > to) continue;
                if (c[0] > from) out.add(new long[] {from, c[0] - 1});
                from = Math.max(from, c[1] + 1);
                if (from > to) break;
            }
            if (from <= to) out.add(new long[] {from, to});
        }
        return out;
    }

    /** Members of two subnet maps whose values differ, sorted; "subnet4" lists inside networks are not involved. */
    private static List<String> changedKeys(JsonNode a, JsonNode b) {
        List<String> out = new ArrayList<>();
        if (a == null || b == null) return out;
        Set<String> keys = new TreeSet<>();
        a.fieldNames().forEachRemaining(keys::add);
        b.fieldNames().forEachRemaining(keys::add);
        for (String k : keys) if (!java.util.Objects.equals(a.get(k), b.get(k))) out.add(k);
        return out;
    }

    private static List<String> changedGlobals(Dhcp4Config running, Dhcp4Config proposed) {
        JsonNode a = parse(running.json());
        JsonNode b = parse(proposed.json());
        List<String> out = new ArrayList<>();
        for (String k : changedKeys(a, b)) if (!SUBNET_CONTAINERS.contains(k)) out.add(k);
        // shared-network level settings (not their subnets) count as global changes too
        if (!networkSettings(a).equals(networkSettings(b))) out.add("shared-networks");
        return out;
    }

    private static JsonNode networkSettings(JsonNode dhcp4) {
        ArrayNode nets = F.arrayNode();
        for (JsonNode n : dhcp4.path("shared-networks")) {
            if (n instanceof ObjectNode o) nets.add(o.deepCopy().without("subnet4"));
        }
        return nets;
    }

    /** Subnet maps of the document by id (the model's id where the map has none, matched by position). */
    private static Map<Long, JsonNode> subnetJson(Dhcp4Config config) {
        JsonNode doc = parse(config.json());
        List<JsonNode> maps = new ArrayList<>();
        doc.path("subnet4").forEach(maps::add);
        for (JsonNode n : doc.path("shared-networks")) n.path("subnet4").forEach(maps::add);
        Map<Long, JsonNode> out = new HashMap<>();
        List<Subnet4> model = config.subnets();
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
