package dev.nestor.engine.v6;

import dev.nestor.codec.net.Ipv6Prefix;
import dev.nestor.common.Bytes;
import dev.nestor.config.model.PdPool6;
import dev.nestor.config.model.Pool6;
import dev.nestor.config.model.Reservation6;
import dev.nestor.config.model.Subnet6;
import dev.nestor.engine.alloc.PoolCursors;
import dev.nestor.lease.Lease6;
import dev.nestor.lease.LeaseState;
import dev.nestor.lease.LeaseStore6;
import dev.nestor.lease.LeaseType6;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The checks the DHCPv6 engine makes about one address or prefix (is it in an admitted pool, reserved for someone
 * else, free for this client) and the iterative walk over pools and pd-pools. Stateless apart from the shared
 * cursors; every answer is re-checked by a compare-and-set write before it is promised.
 */
final class PoolScan6 {
    /** A v6 pool can hold 2^64 addresses: a walk stops after this many taken candidates. */
    private static final BigInteger MAX_SCAN = BigInteger.valueOf(65_536);

    private record NaKey(long subnetId, Bytes first, Bytes last) {}
    private record PdKey(long subnetId, Ipv6Prefix prefix, int delegatedLength) {}

    private final LeaseStore6 store;
    private final HostIndex6 hosts;
    private final PoolCursors cursors;

    PoolScan6(LeaseStore6 store, HostIndex6 hosts, PoolCursors cursors) {
        this.store = store;
        this.hosts = hosts;
        this.cursors = cursors;
    }

    /** The lease of a client's IA: the DUID and the IAID must both match (another IA of the same client is not it). */
    static boolean belongsTo(Lease6 lease, Bytes duid, long iaid) {
        return lease.duid().equals(duid) && lease.iaid() == iaid;
    }

    static boolean admits(Collection<String> guard, Set<String> classes) {
        if (guard.isEmpty()) return true;
        for (String c : guard) if (classes.contains(c)) return true;
        return false;
    }

    /** Free for this IA: no lease, its own lease, an expired one, or one that is no longer assigned. */
    boolean usableBy(LeaseType6 type, Bytes address, ClientContext6 ctx, IaRequest ia, long now) {
        Optional<Lease6> l = store.get(type, address);
        if (l.isEmpty()) return true;
        Lease6 lease = l.get();
        if (lease.state() == LeaseState.DECLINED) return lease.expired(now);
        if (lease.state() != LeaseState.DEFAULT) return true;
        return belongsTo(lease, ctx.duid(), ia.iaid()) || lease.expired(now);
    }

    /** Reserved in this subnet (or globally, if the subnet uses global reservations) for a client other than this one. */
    boolean reservedForOther(Subnet6 subnet, LeaseType6 type, Bytes address, int length, ClientContext6 ctx) {
        Optional<Reservation6> r = lookup(subnet.id(), type, address, length);
        if (r.isEmpty() && subnet.params().reservationsGlobal()) r = lookup(0, type, address, length);
        if (r.isEmpty()) return false;
        Reservation6 mine = ctx.reservationIn(subnet);
        return mine == null || !mine.equals(r.get());
    }

    private Optional<Reservation6> lookup(long subnetId, LeaseType6 type, Bytes address, int length) {
        return type == LeaseType6.PD ? hosts.byPrefix(subnetId, new Ipv6Prefix(address, length)) : hosts.byAddress(subnetId, address);
    }

    /** The client's reservation in {@code subnet} names this address or prefix. */
    static boolean reservedFor(Subnet6 subnet, LeaseType6 type, Bytes address, int length, ClientContext6 ctx) {
        Reservation6 r = ctx.reservationIn(subnet);
        if (r == null) return false;
        if (type == LeaseType6.NA) return r.ipAddresses().contains(address);
        Ipv6Prefix p = new Ipv6Prefix(address, length);
        for (Reservation6.PrefixReservation pr : r.prefixes()) if (pr.prefix().equals(p)) return true;
        return false;
    }

    static boolean inAllowedPool(Subnet6 subnet, LeaseType6 type, Bytes address, int length, Set<String> classes) {
        if (type == LeaseType6.NA) {
            for (Pool6 p : subnet.pools()) if (p.contains(address) && admits(p.clientClasses(), classes)) return true;
            return false;
        }
        Ipv6Prefix prefix = new Ipv6Prefix(address, length);
        for (PdPool6 p : subnet.pdPools()) if (p.contains(prefix) && admits(p.clientClasses(), classes)) return true;
        return false;
    }

    /** Pool id of the pool holding the address or prefix, 0 when none. */
    static long poolId(Subnet6 subnet, LeaseType6 type, Bytes address, int length) {
        if (type == LeaseType6.NA) {
            for (Pool6 p : subnet.pools()) if (p.contains(address)) return p.poolId();
            return 0;
        }
        PdPool6 p = subnet.pdPoolOf(new Ipv6Prefix(address, length));
        return p == null ? 0 : p.poolId();
    }

    /**
     * Iterative allocation: walks each admitted pool (or pd-pool, those delegating {@code lengthHint} first) from
     * its cursor and returns the first candidate this IA may use, skipping {@code taken} (granted to the client's
     * other IAs in this exchange).
     */
    Optional<Ipv6Prefix> findFree(Subnet6 subnet, ClientContext6 ctx, IaRequest ia, int lengthHint, Set<Ipv6Prefix> taken, long now) {
        if (ia.type() == LeaseType6.NA) {
            for (Pool6 pool : subnet.pools()) {
                if (!admits(pool.clientClasses(), ctx.classes())) continue;
                BigInteger tries = pool.size().min(MAX_SCAN);
                NaKey key = new NaKey(subnet.id(), pool.first(), pool.last());
                for (BigInteger i = BigInteger.ZERO; i.compareTo(tries) < 0; i = i.add(BigInteger.ONE)) {
                    Bytes a = Addr128.nth(pool, cursors.nextOffset(key, pool.size()));
                    if (ok(subnet, ia, a, 128, ctx, taken, now)) return Optional.of(new Ipv6Prefix(a, 128));
                }
            }
            return Optional.empty();
        }
        List<PdPool6> ordered = new ArrayList<>();
        for (PdPool6 p : subnet.pdPools()) if (p.delegatedLength() == lengthHint) ordered.add(p);
        for (PdPool6 p : subnet.pdPools()) if (p.delegatedLength() != lengthHint) ordered.add(p);
        for (PdPool6 pool : ordered) {
            if (!admits(pool.clientClasses(), ctx.classes())) continue;
            BigInteger tries = pool.capacity().min(MAX_SCAN);
            PdKey key = new PdKey(subnet.id(), pool.prefix(), pool.delegatedLength());
            for (BigInteger i = BigInteger.ZERO; i.compareTo(tries) < 0; i = i.add(BigInteger.ONE)) {
                Ipv6Prefix p = Addr128.nth(pool, cursors.nextOffset(key, pool.capacity()));
                if (ok(subnet, ia, p.network(), p.length(), ctx, taken, now)) return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private boolean ok(Subnet6 subnet, IaRequest ia, Bytes a, int len, ClientContext6 ctx, Set<Ipv6Prefix> taken, long now) {
        return !taken.contains(new Ipv6Prefix(a, len)) && !reservedForOther(subnet, ia.type(), a, len, ctx)
                && usableBy(ia.type(), a, ctx, ia, now);
    }
}
