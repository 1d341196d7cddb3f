package dev.nestor.lease.memfile;

import dev.nestor.common.Bytes;
import dev.nestor.common.net.HwAddress;
import dev.nestor.lease.Lease4;
import dev.nestor.lease.LeaseState;
import dev.nestor.lease.SubnetLeaseCounts;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The DHCPv4 lease table: {@link LeaseTable} keyed by unsigned address, plus hardware address, client id and host
 * name indexes and per-subnet counts. Not thread-safe.
 */
final class LeaseIndex4 extends LeaseTable<Integer, Lease4> {
    private final MultiIndex<HwAddress, Integer> byHwAddress = new MultiIndex<>(Integer::compareUnsigned, KeyHash::hwAddress);
    private final MultiIndex<Bytes, Integer> byClientId = new MultiIndex<>(Integer::compareUnsigned, KeyHash::bytes);
    private final MultiIndex<String, Integer> byHostname = new MultiIndex<>(Integer::compareUnsigned, KeyHash::string);
    /** Per subnet: [assigned, declined]. */
    private final Map<Long, long[]> counts = new HashMap<>();
    private long lastSubnet;
    private long[] lastCounts;

    LeaseIndex4() {
        super(Integer::compareUnsigned);
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

    Map<Long, SubnetLeaseCounts> counts() {
        Map<Long, SubnetLeaseCounts> out = new HashMap<>();
        counts.forEach((subnet, c) -> out.put(subnet, new SubnetLeaseCounts(c[0], c[1])));
        return Map.copyOf(out);
    }

    @Override
    Integer key(Lease4 lease) {
        return lease.address();
    }

    @Override
    long subnetId(Lease4 lease) {
        return lease.subnetId();
    }

    @Override
    long expire(Lease4 lease) {
        return lease.expire();
    }

    @Override
    boolean expiring(Lease4 l) {
        return (l.state() == LeaseState.DEFAULT || l.state() == LeaseState.DECLINED) && !l.infinite();
    }

    @Override
    boolean reclaimed(Lease4 l) {
        return l.state() == LeaseState.EXPIRED_RECLAIMED;
    }

    @Override
    void sortByKey(Map.Entry<Integer, Lease4>[] entries) {
        // one primitive sort of (unsigned address, position) pairs instead of boxed comparisons
        int n = entries.length;
        long[] packed = new long[n];
        // the sign bit flipped: signed order of the high half is the unsigned order of the addresses
        for (int i = 0; i < n; i++) packed[i] = ((long) (entries[i].getKey() ^ Integer.MIN_VALUE) << 32) | i;
        java.util.Arrays.sort(packed);
        @SuppressWarnings("unchecked")
        Map.Entry<Integer, Lease4>[] sorted = entries.clone();
        for (int i = 0; i < n; i++) entries[i] = sorted[(int) (packed[i] & 0xFFFFFFFFL)];
    }

    @Override
    void expectMore(int n) {
        // nearly every lease has a MAC and a client id; host names are rarer, that index grows as it needs
        byHwAddress.reserve(n);
        byClientId.reserve(n);
    }

    @Override
    void index(Lease4 l, Integer a) {
        if (l.hwAddress() != null) byHwAddress.add(l.hwAddress(), a);
        if (l.clientId() != null) byClientId.add(l.clientId(), a);
        if (!l.hostname().isEmpty()) byHostname.add(l.hostname(), a);
        count(l, +1);
    }

    @Override
    void unindex(Lease4 l) {
        int a = l.address();
        if (l.hwAddress() != null) byHwAddress.remove(l.hwAddress(), a);
        if (l.clientId() != null) byClientId.remove(l.clientId(), a);
        if (!l.hostname().isEmpty()) byHostname.remove(l.hostname(), a);
        count(l, -1);
    }

    @Override
    void reindex(Lease4 old, Lease4 l, Integer a) {
        if (!Objects.equals(old.hwAddress(), l.hwAddress())) {
            if (old.hwAddress() != null) byHwAddress.remove(old.hwAddress(), a);
            if (l.hwAddress() != null) byHwAddress.add(l.hwAddress(), a);
        }
        if (!Objects.equals(old.clientId(), l.clientId())) {
            if (old.clientId() != null) byClientId.remove(old.clientId(), a);
            if (l.clientId() != null) byClientId.add(l.clientId(), a);
        }
        if (!old.hostname().equals(l.hostname())) {
            if (!old.hostname().isEmpty()) byHostname.remove(old.hostname(), a);
            if (!l.hostname().isEmpty()) byHostname.add(l.hostname(), a);
        }
        if (old.state() != l.state() || old.subnetId() != l.subnetId()) {
            count(old, -1);
            count(l, +1);
        }
    }

    private void count(Lease4 l, int delta) {
        int slot = switch (l.state()) {
            case DEFAULT -> 0;
            case DECLINED -> 1;
            default -> -1;
        };
        if (slot < 0) return;
        long subnet = l.subnetId();
        // consecutive leases are mostly of one subnet: skip the boxed map lookup then
        long[] c = subnet == lastSubnet && lastCounts != null ? lastCounts : counts.computeIfAbsent(subnet, _ -> new long[2]);
        c[slot] += delta;
        if (c[0] == 0 && c[1] == 0) {
            counts.remove(subnet);
            lastCounts = null;
        } else {
            lastSubnet = subnet;
            lastCounts = c;
        }
    }
}
