package dev.nestor.config.parse;

import dev.nestor.common.net.Ipv4;
import dev.nestor.common.net.Ipv4Prefix;
import dev.nestor.config.model.OptionData;
import dev.nestor.config.model.Pool4;
import dev.nestor.config.model.Reservation4;
import dev.nestor.config.model.SharedNetwork4;
import dev.nestor.config.model.Subnet4;
import dev.nestor.config.model.SubnetParams4;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code subnet4} and {@code shared-networks}: subnets with their pools and reservations, with every inheritable
 * parameter resolved global → shared network → subnet (as Kea's SimpleParser4::deriveParameters followed by its
 * run-time inheritance).
 */
final class NetworkParser {
    private final Obj global;
    private final OptionParsers.Defs defs;
    private final boolean ipReservationsUnique;
    final List<Subnet4> subnets = new ArrayList<>();
    final List<SharedNetwork4> networks = new ArrayList<>();

    NetworkParser(Obj global, OptionParsers.Defs defs, boolean ipReservationsUnique) {
        this.global = global;
        this.defs = defs;
        this.ipReservationsUnique = ipReservationsUnique;
    }

    void parse() {
        for (Obj s : global.maps("subnet4")) {
            Subnet4 subnet = subnet(s, null, null);
            if (subnet != null) subnets.add(subnet);
        }
        Set<String> names = new HashSet<>();
        for (Obj n : global.maps("shared-networks")) {
            SharedNetwork4 net = network(n);
            if (net == null) continue;
            if (!names.add(net.name())) n.error("name", "A shared-network with name " + net.name() + " defined twice.");
            networks.add(net);
        }
        SubnetChecks.check(subnets, global.problems);
    }

    private SharedNetwork4 network(Obj n) {
        n.check(Keywords.SHARED_NETWORK);
        int before = n.problems.errorCount();
        String name = n.string("name");
        if (name == null || name.isEmpty()) {
            if (!n.has("name") || name != null) n.error(null, "shared-network is missing mandatory 'name' parameter");
            return null;
        }
        List<OptionData> options = OptionParsers.parseDataList(n, defs);
        List<Integer> relay = relay(n);
        String iface = emptyToNull(n.string("interface"));
        List<String> guard = Classes.guard(n);
        List<String> additional = Classes.additional(n);
        SubnetParams4 params = ParamsParser.over(n, global).subnetParams();
        List<Long> ids = new ArrayList<>();
        String seenIface = iface;
        for (Obj s : n.maps("subnet4")) {
            Subnet4 subnet = subnet(s, n, name);
            if (subnet == null) continue;
            if (subnet.params().authoritative() != params.authoritative())
                s.error("authoritative", "Subnet " + subnet.prefix() + " has different authoritative setting "
                        + subnet.params().authoritative() + " than the shared-network itself: " + params.authoritative());
            String own = emptyToNull(s.string("interface"));
            if (own != null) {
                if (seenIface != null && !seenIface.equals(own))
                    s.error("interface", "Subnet " + subnet.prefix() + " has specified interface " + own
                            + ", but earlier subnet in the same shared-network or the shared-network itself used " + seenIface);
                else seenIface = own;
            }
            ids.add(subnet.id());
            subnets.add(subnet);
        }
        if (n.problems.errorCount() > before && ids.isEmpty()) return null;
        return new SharedNetwork4(name, ids, options, relay, iface, guard, n.path, additional, params);
    }

    private Subnet4 subnet(Obj s, Obj network, String networkName) {
        s.check(Keywords.SUBNET);
        int before = s.problems.errorCount();
        Ipv4Prefix prefix = prefix(s);
        Long id = null;
        if (!s.has("id")) s.error(null, "missing parameter 'id' (Kea 3.0 requires an id for every subnet)");
        else id = s.integer("id", 1, 0xFFFFFFFEL);
        for (String k : List.of("4o6-interface", "4o6-interface-id", "4o6-subnet")) {
            String v = s.string(k);
            if (v != null && !v.isEmpty()) s.error(k, "DHCPv4-over-DHCPv6 (" + k + ") is not supported yet");
        }
        SubnetParams4 params = ParamsParser.over(s, network, global).subnetParams();
        List<OptionData> options = OptionParsers.parseDataList(s, defs);
        List<Integer> relay = s.has("relay") ? relay(s) : network != null ? relay(network) : List.of();
        String iface = emptyToNull(s.string("interface"));
        if (iface == null && network != null) iface = emptyToNull(network.string("interface"));
        List<String> guard = Classes.guard(s);
        List<String> additional = Classes.additional(s);
        List<Pool4> pools = new ArrayList<>();
        for (Obj p : s.maps("pools")) {
            Pool4 pool = pool(p, s, network, prefix);
            if (pool == null) continue;
            for (Pool4 other : pools)
                if (other.overlaps(pool))
                    p.error("pool", "pool " + pool + " overlaps with pool " + other + " (" + other.path() + ")");
            pools.add(pool);
        }
        long sid = id == null ? 0 : id;
        List<Reservation4> reservations = ReservationParser.parseList(s, sid, defs);
        for (Reservation4 r : reservations)
            if (prefix != null && r.ipAddress() != null && !prefix.contains(r.ipAddress()))
                s.problems.error(r.path() + ".ip-address", "specified reservation '" + Ipv4.toString(r.ipAddress())
                        + "' is not within the IPv4 subnet '" + prefix + "'");
        ReservationParser.checkDuplicates(reservations, ipReservationsUnique, s.problems);
        if (s.problems.errorCount() > before || prefix == null || id == null) return null;
        return new Subnet4(id, prefix, pools, networkName, params, options, reservations, relay, iface, guard,
                additional, "", s.path);
    }

    private static Ipv4Prefix prefix(Obj s) {
        String text = s.string("subnet");
        if (text == null) {
            if (!s.has("subnet")) s.error(null, "mandatory 'subnet' parameter is missing for a subnet being configured");
            return null;
        }
        String t = text.replace(" ", "").replace("\t", "");
        int slash = t.indexOf('/');
        if (slash < 0) {
            s.error("subnet", "Invalid subnet syntax (prefix/len expected): " + text);
            return null;
        }
        Integer addr = Texts.ipv4(t.substring(0, slash));
        int len;
        try {
            len = Integer.parseInt(t.substring(slash + 1));
        } catch (NumberFormatException e) {
            s.error("subnet", "prefix length: '" + t.substring(slash + 1) + "' is not an integer");
            return null;
        }
        if (addr == null) {
            s.error("subnet", "invalid IPv4 address in subnet '" + text + "'");
            return null;
        }
        if (len < 0 || len > 32) {
            s.error("subnet", "Invalid prefix length specified for subnet: " + len);
            return null;
        }
        Ipv4Prefix p = new Ipv4Prefix(addr, len);
        if (p.network() != addr) s.note("subnet", "host bits set in " + text + ", using " + p);
        return p;
    }

    private Pool4 pool(Obj p, Obj subnet, Obj network, Ipv4Prefix prefix) {
        p.check(Keywords.POOL);
        int before = p.problems.errorCount();
        String text = p.string("pool");
        int[] range = null;
        if (text == null) {
            if (!p.has("pool")) p.error(null, "Mandatory 'pool' entry missing in definition");
        } else {
            range = range(p, text);
        }
        long poolId = p.integer("pool-id", 0, 0xFFFFFFFFL, 0);
        List<OptionData> options = OptionParsers.parseDataList(p, defs);
        List<String> guard = Classes.guard(p);
        List<String> additional = Classes.additional(p);
        boolean ownDdns = ParamsParser.DDNS_KEYS.stream().anyMatch(p::has);
        ParamsParser pp = ParamsParser.over(p, subnet, network, global);
        var ddns = ownDdns ? pp.ddns() : null;
        String charSet = p.has("hostname-char-set") ? pp.hostnameCharSet() : null;
        String charRepl = p.has("hostname-char-replacement") ? pp.string("hostname-char-replacement", "") : null;
        if (range != null && prefix != null && !(prefix.contains(range[0]) && prefix.contains(range[1]))) {
            p.error("pool", "pool " + Ipv4.toString(range[0]) + " - " + Ipv4.toString(range[1])
                    + " is not within subnet " + prefix);
        }
        if (p.problems.errorCount() > before || range == null) return null;
        return new Pool4(range[0], range[1], options, guard, additional, poolId, p.path, ddns, charSet, charRepl);
    }

    /** "a - b" or "prefix/len" → inclusive bounds; null after reporting. */
    private static int[] range(Obj p, String text) {
        String t = text.replace(" ", "").replace("\t", "");
        int slash = t.indexOf('/');
        if (slash >= 0) {
            Integer addr = Texts.ipv4(t.substring(0, slash));
            Integer len = null;
            try {
                len = Integer.parseInt(t.substring(slash + 1));
            } catch (NumberFormatException ignored) {
                // reported below
            }
            if (addr == null || len == null || len < 0 || len > 32) {
                p.error("pool", "Failed to parse pool definition: " + text);
                return null;
            }
            Ipv4Prefix pp = new Ipv4Prefix(addr, len);
            return new int[] {pp.first(), pp.last()};
        }
        int dash = t.indexOf('-');
        if (dash < 0) {
            p.error("pool", "Failed to parse pool definition: " + text + " (expected 'first - last' or 'prefix/len')");
            return null;
        }
        Integer a = Texts.ipv4(t.substring(0, dash)), b = Texts.ipv4(t.substring(dash + 1));
        if (a == null || b == null) {
            p.error("pool", "Failed to parse pool definition: " + text);
            return null;
        }
        if (Integer.compareUnsigned(a, b) > 0) {
            p.error("pool", Ipv4.toString(a) + " - " + Ipv4.toString(b) + " is not a range");
            return null;
        }
        return new int[] {a, b};
    }

    private static List<Integer> relay(Obj scope) {
        Obj r = scope.map("relay");
        if (r == null) return List.of();
        r.check(Keywords.RELAY);
        List<String> list = r.strings("ip-addresses");
        if (list == null) {
            if (!r.has("ip-addresses")) r.error(null, "ip-addresses is required");
            return List.of();
        }
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Integer a = Texts.ipv4(list.get(i));
            if (a == null) r.problems.error(r.at("ip-addresses") + "[" + i + "]", "address " + list.get(i) + " is not an IPv4 address");
            else if (out.contains(a)) r.problems.error(r.at("ip-addresses") + "[" + i + "]", "cannot add address: " + list.get(i) + ", duplicate address");
            else out.add(a);
        }
        return out;
    }

    private static String emptyToNull(String s) { return s == null || s.isEmpty() ? null : s; }

}
