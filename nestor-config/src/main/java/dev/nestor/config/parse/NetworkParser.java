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
        String name = Networks.name(n);
        if (name == null) return null;
        List<OptionData> options = OptionParsers.parseDataList(n, defs);
        List<Integer> relay = Networks.relay(n, Texts::ipv4, "IPv4");
        String iface = Networks.emptyToNull(n.string("interface"));
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
            seenIface = Networks.checkInterface(s, subnet.prefix().toString(), seenIface);
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
        Long id = Networks.subnetId(s);
        for (String k : List.of("4o6-interface", "4o6-interface-id", "4o6-subnet")) {
            String v = s.string(k);
            if (v != null && !v.isEmpty()) s.error(k, "DHCPv4-over-DHCPv6 (" + k + ") is not supported yet");
        }
        SubnetParams4 params = ParamsParser.over(s, network, global).subnetParams();
        List<OptionData> options = OptionParsers.parseDataList(s, defs);
        List<Integer> relay = Networks.effectiveRelay(s, network, Texts::ipv4, "IPv4");
        String iface = Networks.inherited(s, network, "interface");
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
        return Networks.subnetPrefix(s, Texts::ipv4, 32, Ipv4Prefix::new, Ipv4Prefix::network, "IPv4");
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
        Networks.PoolCommon c = Networks.poolCommon(p, defs, p, subnet, network, global);
        if (range != null && prefix != null && !(prefix.contains(range[0]) && prefix.contains(range[1]))) {
            p.error("pool", "pool " + Ipv4.toString(range[0]) + " - " + Ipv4.toString(range[1])
                    + " is not within subnet " + prefix);
        }
        if (p.problems.errorCount() > before || range == null) return null;
        return new Pool4(range[0], range[1], c.options(), c.guard(), c.additional(), c.poolId(), p.path, c.ddns(),
                c.charSet(), c.charRepl());
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

}
