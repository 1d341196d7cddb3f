package dev.nestor.config.parse;

import dev.nestor.codec.net.Ipv6;
import dev.nestor.codec.net.Ipv6Prefix;
import dev.nestor.common.Bytes;
import dev.nestor.config.model.OptionData;
import dev.nestor.config.model.PdPool6;
import dev.nestor.config.model.Pool6;
import dev.nestor.config.model.Reservation6;
import dev.nestor.config.model.SharedNetwork6;
import dev.nestor.config.model.Subnet6;
import dev.nestor.config.model.SubnetParams6;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code subnet6} and {@code shared-networks} of Dhcp6: subnets with their address pools, prefix delegation pools
 * and reservations, with every inheritable parameter resolved global → shared network → subnet. The rules both
 * daemons share live in {@link Networks}, {@link ParamsParser} and {@link SubnetChecks}.
 */
final class NetworkParser6 {
    private final Obj global;
    private final OptionParsers.Defs defs;
    private final boolean ipReservationsUnique;
    final List<Subnet6> subnets = new ArrayList<>();
    final List<SharedNetwork6> networks = new ArrayList<>();

    NetworkParser6(Obj global, OptionParsers.Defs defs, boolean ipReservationsUnique) {
        this.global = global;
        this.defs = defs;
        this.ipReservationsUnique = ipReservationsUnique;
    }

    void parse() {
        for (Obj s : global.maps("subnet6")) {
            Subnet6 subnet = subnet(s, null, null);
            if (subnet != null) subnets.add(subnet);
        }
        Set<String> names = new HashSet<>();
        for (Obj n : global.maps("shared-networks")) {
            SharedNetwork6 net = network(n);
            if (net == null) continue;
            if (!names.add(net.name())) n.error("name", "A shared-network with name " + net.name() + " defined twice.");
            networks.add(net);
        }
        SubnetChecks.check6(subnets, global.problems);
    }

    private SharedNetwork6 network(Obj n) {
        n.check(Keywords.SHARED_NETWORK6);
        int before = n.problems.errorCount();
        String name = Networks.name(n);
        if (name == null) return null;
        List<OptionData> options = OptionParsers.parseDataList(n, defs);
        List<Bytes> relay = Networks.relay(n, Texts::ipv6, "IPv6");
        String iface = Networks.emptyToNull(n.string("interface"));
        String ifaceId = Networks.emptyToNull(n.string("interface-id"));
        exclusiveInterface(n, iface, ifaceId, "shared-network " + name);
        List<String> guard = Classes.guard(n);
        List<String> additional = Classes.additional(n);
        SubnetParams6 params = ParamsParser.over(n, global).subnetParams6();
        List<Long> ids = new ArrayList<>();
        String seenIface = iface;
        Boolean rapidCommit = null;
        for (Obj s : n.maps("subnet6")) {
            Subnet6 subnet = subnet(s, n, name);
            if (subnet == null) continue;
            // Kea: a client may be moved between the subnets of a network, so they must agree on rapid commit.
            boolean rc = subnet.params().rapidCommit();
            if (rapidCommit == null) rapidCommit = rc;
            else if (rc != rapidCommit)
                s.error("rapid-commit", "All subnets in a shared network must have the same rapid-commit value. Subnet "
                        + subnet.prefix() + " has specified rapid-commit " + rc + ", but earlier subnet in the same"
                        + " shared-network or the shared-network itself used rapid-commit " + rapidCommit);
            seenIface = Networks.checkInterface(s, subnet.prefix().toString(), seenIface);
            ids.add(subnet.id());
            subnets.add(subnet);
        }
        if (n.problems.errorCount() > before && ids.isEmpty()) return null;
        return new SharedNetwork6(name, ids, options, relay, iface, ifaceId, guard, additional, params, n.path);
    }

    private Subnet6 subnet(Obj s, Obj network, String networkName) {
        s.check(Keywords.SUBNET6);
        int before = s.problems.errorCount();
        Ipv6Prefix prefix = Networks.subnetPrefix(s, Texts::ipv6, 128, Ipv6Prefix::new, Ipv6Prefix::network, "IPv6");
        Long id = Networks.subnetId(s);
        SubnetParams6 params = ParamsParser.over(s, network, global).subnetParams6();
        List<OptionData> options = OptionParsers.parseDataList(s, defs);
        List<Bytes> relay = Networks.effectiveRelay(s, network, Texts::ipv6, "IPv6");
        String ownIface = Networks.emptyToNull(s.string("interface"));
        String ownIfaceId = Networks.emptyToNull(s.string("interface-id"));
        exclusiveInterface(s, ownIface, ownIfaceId, "subnet " + (prefix == null ? "" : prefix));
        String iface = Networks.inherited(s, network, "interface");
        String ifaceId = Networks.inherited(s, network, "interface-id");
        List<String> guard = Classes.guard(s);
        List<String> additional = Classes.additional(s);
        List<Pool6> pools = new ArrayList<>();
        for (Obj p : s.maps("pools")) {
            Pool6 pool = pool(p, s, network, prefix);
            if (pool == null) continue;
            for (Pool6 other : pools)
                if (other.overlaps(pool))
                    p.error("pool", "pool " + pool + " overlaps with pool " + other + " (" + other.path() + ")");
            pools.add(pool);
        }
        List<PdPool6> pdPools = new ArrayList<>();
        for (Obj p : s.maps("pd-pools")) {
            PdPool6 pd = pdPool(p);
            if (pd == null) continue;
            for (PdPool6 other : pdPools)
                if (other.overlaps(pd))
                    p.error("prefix", "pd-pool " + pd.prefix() + " overlaps with pd-pool " + other.prefix() + " (" + other.path() + ")");
            // Kea keeps addresses and prefixes of one subnet apart: an address pool may not lie in a PD pool.
            for (Pool6 na : pools)
                if (Ipv6.compare(na.first(), pd.last()) <= 0 && Ipv6.compare(pd.first(), na.last()) <= 0)
                    p.error("prefix", "pd-pool " + pd.prefix() + " overlaps with pool " + na + " (" + na.path() + ")");
            pdPools.add(pd);
        }
        long sid = id == null ? 0 : id;
        List<Reservation6> reservations = ReservationParser.parseList6(s, sid, defs);
        for (Reservation6 r : reservations)
            for (int i = 0; i < r.ipAddresses().size(); i++)
                if (prefix != null && !prefix.contains(r.ipAddresses().get(i)))
                    s.problems.error(r.path() + ".ip-addresses[" + i + "]", "specified reservation '"
                            + Ipv6.toString(r.ipAddresses().get(i)) + "' is not within the IPv6 subnet '" + prefix + "'");
        ReservationParser.checkDuplicates6(reservations, ipReservationsUnique, s.problems);
        if (s.problems.errorCount() > before || prefix == null || id == null) return null;
        return new Subnet6(id, prefix, pools, pdPools, networkName, params, options, reservations, relay, iface,
                ifaceId, guard, additional, s.path);
    }

    /** Kea: "interface" (directly connected) and "interface-id" (behind a relay) exclude each other in one scope. */
    private static void exclusiveInterface(Obj o, String iface, String ifaceId, String what) {
        if (iface != null && ifaceId != null)
            o.error(null, "parser error: interface (defined for locally reachable subnets) and interface-id (defined"
                    + " for subnets reachable via relays) cannot be defined at the same time for " + what);
    }

    private Pool6 pool(Obj p, Obj subnet, Obj network, Ipv6Prefix prefix) {
        p.check(Keywords.POOL);
        int before = p.problems.errorCount();
        String text = p.string("pool");
        Bytes[] range = null;
        if (text == null) {
            if (!p.has("pool")) p.error(null, "Mandatory 'pool' entry missing in definition");
        } else {
            range = range(p, text);
        }
        Networks.PoolCommon c = Networks.poolCommon(p, defs, p, subnet, network, global);
        if (range != null && prefix != null && !(prefix.contains(range[0]) && prefix.contains(range[1])))
            p.error("pool", "pool " + Ipv6.toString(range[0]) + " - " + Ipv6.toString(range[1])
                    + " is not within subnet " + prefix);
        if (p.problems.errorCount() > before || range == null) return null;
        return new Pool6(range[0], range[1], c.options(), c.guard(), c.additional(), c.poolId(), p.path, c.ddns(),
                c.charSet(), c.charRepl());
    }

    /** "a - b" or "prefix/len" → inclusive bounds; null after reporting. Kea wants a prefix without host bits. */
    private static Bytes[] range(Obj p, String text) {
        String t = text.replace(" ", "").replace("\t", "");
        int slash = t.indexOf('/');
        if (slash >= 0) {
            Ipv6Prefix pp = Texts.ipv6Prefix(t);
            if (pp == null || pp.length() == 0) {
                p.error("pool", "Failed to parse pool definition: " + text);
                return null;
            }
            if (!pp.network().equals(Texts.ipv6(t.substring(0, slash)))) {
                p.error("pool", "Invalid Pool6 address boundaries: " + t.substring(0, slash)
                        + " is not the first address in prefix: " + pp);
                return null;
            }
            return new Bytes[] {pp.network(), lastOf(pp)};
        }
        int dash = t.indexOf('-');
        if (dash < 0) {
            p.error("pool", "Failed to parse pool definition: " + text + " (expected 'first - last' or 'prefix/len')");
            return null;
        }
        Bytes a = Texts.ipv6(t.substring(0, dash)), b = Texts.ipv6(t.substring(dash + 1));
        if (a == null || b == null) {
            p.error("pool", "Failed to parse pool definition: " + text);
            return null;
        }
        if (Ipv6.compare(a, b) > 0) {
            p.error("pool", Ipv6.toString(a) + " - " + Ipv6.toString(b) + " is not a range");
            return null;
        }
        return new Bytes[] {a, b};
    }

    private static Bytes lastOf(Ipv6Prefix p) {
        byte[] b = p.network().toArray();
        for (int bit = p.length(); bit < 128; bit++) b[bit / 8] |= (byte) (0x80 >>> (bit % 8));
        return Bytes.of(b);
    }

    /** One {@code pd-pools} entry, with Kea's Pool6 / Option6PDExclude checks; null after reporting. */
    private PdPool6 pdPool(Obj p) {
        p.check(Keywords.PD_POOL);
        int before = p.problems.errorCount();
        String prefixText = p.string("prefix");
        Long prefixLen = p.integer("prefix-len", 1, 128);
        Long delegatedLen = p.integer("delegated-len", 1, 128);
        for (String k : List.of("prefix", "prefix-len", "delegated-len"))
            if (!p.has(k)) p.error(null, "missing parameter '" + k + "'");
        Bytes prefixAddr = null;
        if (prefixText != null) {
            prefixAddr = Texts.ipv6(prefixText);
            if (prefixAddr == null) p.error("prefix", "invalid IPv6 prefix '" + prefixText + "'");
        }
        Ipv6Prefix prefix = null;
        if (prefixAddr != null && prefixLen != null) {
            prefix = new Ipv6Prefix(prefixAddr, prefixLen.intValue());
            if (!prefix.network().equals(prefixAddr))
                p.error("prefix", "Invalid Pool6 address boundaries: " + prefixText + " is not the first address in prefix: " + prefix);
        }
        if (prefixLen != null && delegatedLen != null && delegatedLen < prefixLen)
            p.error("delegated-len", "Delegated length (" + delegatedLen + ") must be longer than or equal to prefix length ("
                    + prefixLen + ")");
        Ipv6Prefix excluded = excluded(p, prefix, delegatedLen);
        Networks.PoolCommon c = Networks.poolCommon(p, defs, p);
        if (p.problems.errorCount() > before || prefix == null || delegatedLen == null) return null;
        return new PdPool6(prefix, delegatedLen.intValue(), excluded, c.options(), c.guard(), c.additional(),
                c.poolId(), p.path);
    }

    /** RFC 6603 excluded prefix: both keys or neither, longer than the delegated length, inside the pool prefix. */
    private static Ipv6Prefix excluded(Obj p, Ipv6Prefix prefix, Long delegatedLen) {
        String text = p.string("excluded-prefix");
        Long len = p.integer("excluded-prefix-len", 0, 128);
        Bytes addr = text == null ? null : Texts.ipv6(text);
        if (text != null && addr == null) {
            p.error("excluded-prefix", "excluded prefix must be an IPv6 prefix, got '" + text + "'");
            return null;
        }
        boolean noAddr = addr == null || Ipv6.isUnspecified(addr);
        boolean noLen = len == null || len == 0;
        if (noAddr && noLen) return null;
        if (noAddr || noLen) {
            p.error(noAddr ? "excluded-prefix-len" : "excluded-prefix", "invalid excluded prefix " + (text == null ? "::" : text)
                    + "/" + (len == null ? 0 : len) + ": excluded-prefix and excluded-prefix-len go together");
            return null;
        }
        Ipv6Prefix ex = new Ipv6Prefix(addr, len.intValue());
        if (delegatedLen != null && len <= delegatedLen) {
            p.error("excluded-prefix-len", "Excluded prefix (" + len + ") must be longer than the delegated prefix length ("
                    + delegatedLen + ")");
            return null;
        }
        if (prefix != null && delegatedLen != null
                && !Ipv6.mask(addr, delegatedLen.intValue()).equals(Ipv6.mask(prefix.network(), delegatedLen.intValue()))) {
            p.error("excluded-prefix", "excluded prefix " + ex + " must have the same common prefix part of "
                    + delegatedLen + " as the delegated prefix " + Ipv6.toString(prefix.network()) + "/" + delegatedLen);
            return null;
        }
        return ex;
    }
}
