package dev.nestor.config.parse;

import dev.nestor.codec.net.Ipv6;
import dev.nestor.codec.net.Ipv6Prefix;
import dev.nestor.common.Bytes;
import dev.nestor.common.net.Ipv4Prefix;
import dev.nestor.config.model.PdPool6;
import dev.nestor.config.model.Pool4;
import dev.nestor.config.model.Pool6;
import dev.nestor.config.model.Subnet4;
import dev.nestor.config.model.Subnet6;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * Checks across all subnets (top-level and in shared networks) of either daemon: ids, prefixes, and pools that
 * would hand the same address (or prefix) out twice.
 */
final class SubnetChecks {
    private SubnetChecks() {}

    /** What the checks need to know of a subnet. */
    private record View<P>(long id, P prefix, String path) {}

    /** An inclusive range of a pool, with what to print about it. */
    private record Span<K>(K first, K last, String text, String errorPath, String path, long subnetId) {}

    static void check(List<Subnet4> subnets, Problems p) {
        List<View<Ipv4Prefix>> views = subnets.stream().map(s -> new View<>(s.id(), s.prefix(), s.path())).toList();
        common(views, "IPv4", SubnetChecks::overlap4, p);
        List<Span<Integer>> spans = new ArrayList<>();
        for (Subnet4 s : subnets)
            for (Pool4 pl : s.pools())
                spans.add(new Span<>(pl.first(), pl.last(), "pool " + pl, pl.path() + ".pool", pl.path(), s.id()));
        acrossSubnets(spans, Integer::compareUnsigned, p);
    }

    static void check6(List<Subnet6> subnets, Problems p) {
        List<View<Ipv6Prefix>> views = subnets.stream().map(s -> new View<>(s.id(), s.prefix(), s.path())).toList();
        common(views, "IPv6", (a, b) -> a.contains(b) || b.contains(a), p);
        List<Span<Bytes>> spans = new ArrayList<>();
        for (Subnet6 s : subnets) {
            for (Pool6 pl : s.pools())
                spans.add(new Span<>(pl.first(), pl.last(), "pool " + pl, pl.path() + ".pool", pl.path(), s.id()));
            for (PdPool6 pd : s.pdPools())
                spans.add(new Span<>(pd.first(), pd.last(), "pd-pool " + pd.prefix(), pd.path() + ".prefix", pd.path(), s.id()));
        }
        acrossSubnets(spans, Ipv6::compare, p);
    }

    private static <P> void common(List<View<P>> subnets, String family, BiPredicate<P, P> overlap, Problems p) {
        Map<Long, View<P>> ids = new HashMap<>();
        Map<P, View<P>> prefixes = new HashMap<>();
        for (View<P> s : subnets) {
            View<P> prev = ids.putIfAbsent(s.id, s);
            if (prev != null)
                p.error(s.path + ".id", "ID of the new " + family + " subnet '" + s.id + "' is already in use (" + prev.path + ")");
            View<P> same = prefixes.putIfAbsent(s.prefix, s);
            if (same != null)
                p.error(s.path + ".subnet", "subnet with the prefix of '" + s.prefix + "' already exists (" + same.path + ")");
        }
        // Nested or overlapping prefixes are legal in Kea (selection takes the first match, often with class
        // guards), so they are only noted.
        for (int i = 0; i < subnets.size(); i++)
            for (int j = 0; j < i; j++) {
                View<P> a = subnets.get(i), b = subnets.get(j);
                if (!a.prefix.equals(b.prefix) && overlap.test(a.prefix, b.prefix))
                    p.note(a.path + ".subnet", "subnet " + a.prefix + " overlaps with subnet " + b.prefix + " (" + b.path + ")");
            }
    }

    /** The same address in two subnets' pools could be leased twice: sort all pools and compare neighbours. */
    private static <K> void acrossSubnets(List<Span<K>> all, Comparator<K> order, Problems p) {
        List<Span<K>> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparing(Span::first, order));
        Span<K> widest = null; // the pool reaching furthest up among those seen so far
        for (Span<K> cur : sorted) {
            if (widest != null && order.compare(widest.last, cur.first) >= 0 && widest.subnetId != cur.subnetId)
                p.error(cur.errorPath, cur.text + " overlaps with " + widest.text + " of subnet " + widest.subnetId
                        + " (" + widest.path + ")");
            if (widest == null || order.compare(cur.last, widest.last) > 0) widest = cur;
        }
    }

    private static boolean overlap4(Ipv4Prefix a, Ipv4Prefix b) {
        return Integer.compareUnsigned(a.first(), b.last()) <= 0 && Integer.compareUnsigned(b.first(), a.last()) <= 0;
    }
}
