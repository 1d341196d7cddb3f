package dev.nestor.lease.memfile;

import dev.nestor.common.Bytes;
import dev.nestor.common.net.HwAddress;
import dev.nestor.lease.Lease4;
import dev.nestor.lease.LeaseState;
import dev.nestor.lease.SubnetLeaseCounts;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The in-memory lease table and its secondary indexes (Kea's multi-index container). Not thread-safe: the store
 * guards it with a read-write lock. All lists come back in unsigned address order unless noted.
 */
final class LeaseIndex4 {
    /** Expiry-ordered key: expire time, then unsigned address. */
    private record ExpiryKey(long expire, int address) implements Comparable<ExpiryKey> {
        @Override
        public int compareTo(ExpiryKey o) {
            int c = Long.compare(expire, o.expire);
            return c != 0 ? c : Integer.compareUnsigned(address, o.address);
        }
    }

    private final NavigableMap<Integer, Lease4> byAddress = new TreeMap<>(Integer::compareUnsigned);
    private final MultiIndex<HwAddress> byHwAddress = new MultiIndex<>();
    private final MultiIndex<Bytes> byClientId = new MultiIndex<>();
    private final MultiIndex<String> byHostname = new MultiIndex<>();
    private final Map<Long, NavigableSet<Integer>> bySubnet = new HashMap<>();
    /** DEFAULT leases with a finite lifetime, for the expiry scan. */
    private final NavigableSet<ExpiryKey> expiring = new TreeSet<>();
    /** EXPIRED_RECLAIMED leases, for the flush of old reclaimed leases. */
    private final NavigableSet<ExpiryKey> reclaimed = new TreeSet<>();
    /** Per subnet: [assigned, declined]. */
    private final Map<Long, long[]> counts = new HashMap<>();

    Lease4 get(int address) {
        return byAddress.get(address);
    }

    int size() {
        return byAddress.size();
    }

    /** Stores {@code lease}, replacing whatever was at its address. */
    void put(Lease4 lease) {
        Lease4 old = byAddress.put(lease.address(), lease);
        if (old != null) unindex(old);
        index(lease);
    }

    /** Removes the lease at {@code address}; returns it, or null. */
    Lease4 remove(int address) {
        Lease4 old = byAddress.remove(address);
        if (old != null) unindex(old);
        return old;
    }

    void clear() {
        byAddress.clear();
        byHwAddress.clear();
        byClientId.clear();
        byHostname.clear();
        bySubnet.clear();
        expiring.clear();
        reclaimed.clear();
        counts.clear();
    }

    List<Lease4> byHwAddress(HwAddress hw, Predicate<Lease4> filter) {
        return resolve(byHwAddress.get(hw), filter);
    }

    List<Lease4> byClientId(Bytes id, Predicate<Lease4> filter) {
        return resolve(byClientId.get(id), filter);
    }

    List<Lease4> byHostname(String hostname) {
        return resolve(byHostname.get(hostname), l -> true);
    }

    List<Lease4> bySubnet(long subnetId) {
        NavigableSet<Integer> set = bySubnet.get(subnetId);
        return set == null ? List.of() : resolve(set, l -> true);
    }

    List<Lease4> all() {
        return List.copyOf(byAddress.values());
    }

    List<Lease4> page(int fromExclusive, boolean includeFrom, int limit) {
        List<Lease4> out = new ArrayList<>(Math.min(limit, 1024));
        for (Lease4 l : byAddress.tailMap(fromExclusive, includeFrom).values()) {
            if (out.size() >= limit) break;
            out.add(l);
        }
        return List.copyOf(out);
    }

    /** DEFAULT, finite leases with expire before {@code now}, oldest first; max 0 = all. */
    List<Lease4> expired(long now, int max) {
        List<Lease4> out = new ArrayList<>();
        for (ExpiryKey k : expiring.headSet(new ExpiryKey(now, 0), false)) {
            if (max > 0 && out.size() >= max) break;
            out.add(byAddress.get(k.address()));
        }
        return List.copyOf(out);
    }

    /** EXPIRED_RECLAIMED leases whose expire is before {@code before}. */
    List<Lease4> reclaimedBefore(long before) {
        List<Lease4> out = new ArrayList<>();
        for (ExpiryKey k : reclaimed.headSet(new ExpiryKey(before, 0), false)) out.add(byAddress.get(k.address()));
        return out;
    }

    Map<Long, SubnetLeaseCounts> counts() {
        Map<Long, SubnetLeaseCounts> out = new HashMap<>();
        counts.forEach((subnet, c) -> out.put(subnet, new SubnetLeaseCounts(c[0], c[1])));
        return Map.copyOf(out);
    }

    private List<Lease4> resolve(Collection<Integer> addresses, Predicate<Lease4> filter) {
        if (addresses.isEmpty()) return List.of();
        List<Lease4> out = new ArrayList<>(addresses.size());
        for (int a : addresses) {
            Lease4 l = byAddress.get(a);
            if (filter.test(l)) out.add(l);
        }
        out.sort((x, y) -> Integer.compareUnsigned(x.address(), y.address()));
        return List.copyOf(out);
    }

    private void index(Lease4 l) {
        int a = l.address();
        if (l.hwAddress() != null) byHwAddress.add(l.hwAddress(), a);
        if (l.clientId() != null) byClientId.add(l.clientId(), a);
        if (!l.hostname().isEmpty()) byHostname.add(l.hostname(), a);
        bySubnet.computeIfAbsent(l.subnetId(), _ -> new TreeSet<>(Integer::compareUnsigned)).add(a);
        if ((l.state() == LeaseState.DEFAULT || l.state() == LeaseState.DECLINED) && !l.infinite()) expiring.add(new ExpiryKey(l.expire(), a));
        if (l.state() == LeaseState.EXPIRED_RECLAIMED) reclaimed.add(new ExpiryKey(l.expire(), a));
        count(l, +1);
    }

    private void unindex(Lease4 l) {
        int a = l.address();
        if (l.hwAddress() != null) byHwAddress.remove(l.hwAddress(), a);
        if (l.clientId() != null) byClientId.remove(l.clientId(), a);
        if (!l.hostname().isEmpty()) byHostname.remove(l.hostname(), a);
        NavigableSet<Integer> subnet = bySubnet.get(l.subnetId());
        if (subnet != null && subnet.remove(a) && subnet.isEmpty()) bySubnet.remove(l.subnetId());
        expiring.remove(new ExpiryKey(l.expire(), a));
        reclaimed.remove(new ExpiryKey(l.expire(), a));
        count(l, -1);
    }

    private void count(Lease4 l, int delta) {
        int slot = switch (l.state()) {
            case DEFAULT -> 0;
            case DECLINED -> 1;
            default -> -1;
        };
        if (slot < 0) return;
        long[] c = counts.computeIfAbsent(l.subnetId(), _ -> new long[2]);
        c[slot] += delta;
        if (c[0] == 0 && c[1] == 0) counts.remove(l.subnetId());
    }

    /**
     * Key to addresses. Most keys (a MAC, a client id, a host name) map to one address, so the single case is held
     * as a bare Integer and only shared keys pay for a set.
     */
    private static final class MultiIndex<K> {
        private final Map<K, Object> map = new HashMap<>();

        void add(K key, int address) {
            Object cur = map.get(key);
            if (cur == null) {
                map.put(key, address);
            } else if (cur instanceof Integer single) {
                if (single == address) return;
                TreeSet<Integer> set = new TreeSet<>(Integer::compareUnsigned);
                set.add(single);
                set.add(address);
                map.put(key, set);
            } else {
                @SuppressWarnings("unchecked")
                TreeSet<Integer> set = (TreeSet<Integer>) cur;
                set.add(address);
            }
        }

        void remove(K key, int address) {
            Object cur = map.get(key);
            if (cur instanceof Integer single) {
                if (single == address) map.remove(key);
            } else if (cur != null) {
                @SuppressWarnings("unchecked")
                TreeSet<Integer> set = (TreeSet<Integer>) cur;
                set.remove(address);
                if (set.size() == 1) map.put(key, set.first());
            }
        }

        @SuppressWarnings("unchecked")
        Collection<Integer> get(K key) {
            Object cur = map.get(key);
            if (cur == null) return List.of();
            if (cur instanceof Integer single) return List.of(single);
            return (Collection<Integer>) cur;
        }

        void clear() {
            map.clear();
        }
    }
}
