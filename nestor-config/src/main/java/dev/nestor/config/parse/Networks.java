package dev.nestor.config.parse;

import dev.nestor.config.model.DdnsParams;
import dev.nestor.config.model.OptionData;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/** Rules shared networks and subnets follow the same way in both daemons (Kea's BaseNetworkParser and friends). */
final class Networks {
    private Networks() {}

    /** A shared network's mandatory name; null after reporting. */
    static String name(Obj n) {
        String name = n.string("name");
        if (name == null || name.isEmpty()) {
            if (!n.has("name") || name != null) n.error(null, "shared-network is missing mandatory 'name' parameter");
            return null;
        }
        return name;
    }

    /** Kea 3.0 requires a subnet id in 1..2^32-2; null after reporting. */
    static Long subnetId(Obj s) {
        if (!s.has("id")) {
            s.error(null, "missing parameter 'id' (Kea 3.0 requires an id for every subnet)");
            return null;
        }
        return s.integer("id", 1, 0xFFFFFFFEL);
    }

    /** {@code relay.ip-addresses} of one scope in the daemon's address family; empty when none. */
    static <A> List<A> relay(Obj scope, Function<String, A> parse, String family) {
        Obj r = scope.map("relay");
        if (r == null) return List.of();
        r.check(Keywords.RELAY);
        List<String> list = r.strings("ip-addresses");
        if (list == null) {
            if (!r.has("ip-addresses")) r.error(null, "ip-addresses is required");
            return List.of();
        }
        List<A> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            A a = parse.apply(list.get(i));
            String path = r.at("ip-addresses") + "[" + i + "]";
            if (a == null) r.problems.error(path, "address " + list.get(i) + " is not an " + family + " address");
            else if (out.contains(a)) r.problems.error(path, "cannot add address: " + list.get(i) + ", duplicate address");
            else out.add(a);
        }
        return out;
    }

    /** A subnet's relay list: its own when it has a "relay" map, else its network's. */
    static <A> List<A> effectiveRelay(Obj s, Obj network, Function<String, A> parse, String family) {
        if (s.has("relay")) return relay(s, parse, family);
        return network != null ? relay(network, parse, family) : List.of();
    }

    /** A string parameter of the subnet, else of its network; null when neither sets a non-empty value. */
    static String inherited(Obj s, Obj network, String key) {
        String own = emptyToNull(s.string(key));
        if (own == null && network != null) own = emptyToNull(network.string(key));
        return own;
    }

    /**
     * Kea: all subnets of a shared network use the network's interface or none; the first one set wins.
     * Returns the interface seen so far after {@code subnet}.
     */
    static String checkInterface(Obj subnet, String subnetText, String seen) {
        String own = emptyToNull(subnet.string("interface"));
        if (own == null) return seen;
        if (seen != null && !seen.equals(own)) {
            subnet.error("interface", "Subnet " + subnetText + " has specified interface " + own
                    + ", but earlier subnet in the same shared-network or the shared-network itself used " + seen);
            return seen;
        }
        return own;
    }

    /**
     * A subnet's {@code "addr/len"} in the daemon's family; null after reporting. Host bits are cleared with a
     * note, as Kea does.
     *
     * @param network the prefix's (normalised) network, to tell whether host bits were set
     */
    static <A, P> P subnetPrefix(Obj s, Function<String, A> parse, int maxLen, BiFunction<A, Integer, P> make,
                                 Function<P, A> network, String family) {
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
        A addr = parse.apply(t.substring(0, slash));
        int len;
        try {
            len = Integer.parseInt(t.substring(slash + 1));
        } catch (NumberFormatException e) {
            s.error("subnet", "prefix length: '" + t.substring(slash + 1) + "' is not an integer");
            return null;
        }
        if (addr == null) {
            s.error("subnet", "invalid " + family + " address in subnet '" + text + "'");
            return null;
        }
        if (len < 0 || len > maxLen) {
            s.error("subnet", "Invalid prefix length specified for subnet: " + len);
            return null;
        }
        P p = make.apply(addr, len);
        if (!Objects.equals(network.apply(p), addr)) s.note("subnet", "host bits set in " + text + ", using " + p);
        return p;
    }

    /**
     * What address pools, prefix pools (without DDNS) of both daemons share.
     *
     * @param ddns     pool-level DDNS override, null when the pool sets none
     * @param charSet  pool-level hostname-char-set, null when not set
     * @param charRepl pool-level hostname-char-replacement, null when not set
     */
    record PoolCommon(long poolId, List<OptionData> options, List<String> guard, List<String> additional,
                      DdnsParams ddns, String charSet, String charRepl) {}

    /** {@code layers}: the pool, its subnet, network (may be null) and the global scope, for DDNS inheritance. */
    static PoolCommon poolCommon(Obj p, OptionParsers.Defs defs, Obj... layers) {
        long poolId = p.integer("pool-id", 0, 0xFFFFFFFFL, 0);
        List<OptionData> options = OptionParsers.parseDataList(p, defs);
        List<String> guard = Classes.guard(p);
        List<String> additional = Classes.additional(p);
        boolean ownDdns = ParamsParser.DDNS_KEYS.stream().anyMatch(p::has);
        ParamsParser pp = ParamsParser.over(layers);
        DdnsParams ddns = ownDdns ? pp.ddns() : null;
        String charSet = p.has("hostname-char-set") ? pp.hostnameCharSet() : null;
        String charRepl = p.has("hostname-char-replacement") ? pp.string("hostname-char-replacement", "") : null;
        return new PoolCommon(poolId, options, guard, additional, ddns, charSet, charRepl);
    }

    static String emptyToNull(String s) { return s == null || s.isEmpty() ? null : s; }
}
