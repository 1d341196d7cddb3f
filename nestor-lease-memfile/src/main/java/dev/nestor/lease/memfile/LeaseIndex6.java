package dev.nestor.lease.memfile;

import dev.nestor.common.Bytes;
import dev.nestor.lease.Lease6;
import dev.nestor.lease.LeaseState;
import dev.nestor.lease.LeaseType6;
import dev.nestor.lease.SubnetLeaseCounts6;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The DHCPv6 lease table: {@link LeaseTable} keyed by address (one lease per address whatever its type, as in
 * Kea), plus DUID and host name indexes and per-subnet counts. Not thread-safe.
 */
final class LeaseIndex6 extends LeaseTable<Bytes, Lease6> {
    private final MultiIndex<Bytes, Bytes> byDuid = new MultiIndex<>(Comparator.naturalOrder(), KeyHash::bytes);
    private final MultiIndex<String, Bytes> byHostname = new MultiIndex<>(Comparator.naturalOrder(), KeyHash::string);
    /** Per subnet: [assigned NA, declined NA, assigned PD]. */
    private final Map<Long, long[]> counts = new HashMap<>();

    LeaseIndex6() {
        super(Comparator.naturalOrder()); // Bytes compare as unsigned bytes
    }

    /** The lease of {@code type} at {@code address}, or null (also when the address holds another type). */
    Lease6 get(LeaseType6 type, Bytes address) {
        Lease6 l = get(address);
        return l != null && l.type() == type ? l : null;
    }

    List<Lease6> byDuid(Bytes duid, Predicate<Lease6> filter) {
        return resolve(byDuid.get(duid), filter);
    }

    List<Lease6> byHostname(String hostname) {
        return resolve(byHostname.get(hostname), l -> true);
    }

    Map<Long, SubnetLeaseCounts6> counts() {
        Map<Long, SubnetLeaseCounts6> out = new HashMap<>();
        counts.forEach((subnet, c) -> out.put(subnet, new SubnetLeaseCounts6(c[0], c[1], c[2])));
        return Map.copyOf(out);
    }

    @Override
    Bytes key(Lease6 lease) {
        return lease.address();
    }

    @Override
    long subnetId(Lease6 lease) {
        return lease.subnetId();
    }

    @Override
    long expire(Lease6 lease) {
        return lease.expire();
    }

    @Override
    boolean expiring(Lease6 l) {
        return switch (l.state()) {
            case DEFAULT, DECLINED, REGISTERED -> !l.infinite();
            default -> false;
        };
    }

    @Override
    boolean reclaimed(Lease6 l) {
        return l.state() == LeaseState.EXPIRED_RECLAIMED;
    }

    @Override
    void expectMore(int n) {
        byDuid.reserve(n);
    }

    @Override
    void index(Lease6 l, Bytes key) {
        byDuid.add(l.duid(), l.address());
        if (!l.hostname().isEmpty()) byHostname.add(l.hostname(), l.address());
        count(l, +1);
    }

    @Override
    void unindex(Lease6 l) {
        byDuid.remove(l.duid(), l.address());
        if (!l.hostname().isEmpty()) byHostname.remove(l.hostname(), l.address());
        count(l, -1);
    }

    private void count(Lease6 l, int delta) {
        int slot = switch (l.type()) {
            case NA -> l.state() == LeaseState.DEFAULT ? 0 : l.state() == LeaseState.DECLINED ? 1 : -1;
            case PD -> l.state() == LeaseState.DEFAULT ? 2 : -1;
            case TA -> -1; // Kea keeps no statistics for temporary addresses
        };
        if (slot < 0) return;
        long[] c = counts.computeIfAbsent(l.subnetId(), _ -> new long[3]);
        c[slot] += delta;
        if (c[0] == 0 && c[1] == 0 && c[2] == 0) counts.remove(l.subnetId());
    }
}
