package dev.nestor.config.parse;

import dev.nestor.common.net.Ipv4Prefix;
import dev.nestor.config.model.Pool4;
import dev.nestor.config.model.Subnet4;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Checks across all subnets (top-level and in shared networks): ids, prefixes, pools. */
final class SubnetChecks {
    private SubnetChecks() {}

    static void check(List<Subnet4> subnets, Problems p) {
        Map<Long, Subnet4> ids = new HashMap<>();
        Map<Ipv4Prefix, Subnet4> prefixes = new HashMap<>();
        for (Subnet4 s : subnets) {
            Subnet4 prev = ids.putIfAbsent(s.id(), s);
            if (prev != null)
                p.error(s.path() + ".id", "ID of the new IPv4 subnet '" + s.id() + "' is already in use (" + prev.path() + ")");
            Subnet4 same = prefixes.putIfAbsent(s.prefix(), s);
            if (same != null)
                p.error(s.path() + ".subnet", "subnet with the prefix of '" + s.prefix() + "' already exists (" + same.path() + ")");
        }
        // Nested or overlapping prefixes are legal in Kea (selection takes the first match, often with class
        // guards), so they are only noted.
        for (int i = 0; i < subnets.size(); i++)
            for (int j = 0; j < i; j++) {
                Subnet4 a = subnets.get(i), b = subnets.get(j);
                if (!a.prefix().equals(b.prefix()) && overlap(a.prefix(), b.prefix()))
                    p.note(a.path() + ".subnet", "subnet " + a.prefix() + " overlaps with subnet " + b.prefix() + " (" + b.path() + ")");
            }
        // The same address in two subnets' pools could be leased twice: sort all pools and compare neighbours.
        record Owned(Pool4 pool, Subnet4 subnet) {}
        List<Owned> all = new ArrayList<>();
        for (Subnet4 s : subnets) for (Pool4 pl : s.pools()) all.add(new Owned(pl, s));
        all.sort(Comparator.comparing((Owned o) -> o.pool.first(), Integer::compareUnsigned));
        Owned widest = null; // the pool reaching furthest up among those seen so far
        for (Owned cur : all) {
            if (widest != null && Integer.compareUnsigned(widest.pool.last(), cur.pool.first()) >= 0
                    && widest.subnet != cur.subnet)
                p.error(cur.pool.path() + ".pool", "pool " + cur.pool + " overlaps with pool " + widest.pool
                        + " of subnet " + widest.subnet.id() + " (" + widest.pool.path() + ")");
            if (widest == null || Integer.compareUnsigned(cur.pool.last(), widest.pool.last()) > 0) widest = cur;
        }
    }

    private static boolean overlap(Ipv4Prefix a, Ipv4Prefix b) {
        return Integer.compareUnsigned(a.first(), b.last()) <= 0 && Integer.compareUnsigned(b.first(), a.last()) <= 0;
    }
}
