package dev.nestor.lease.memfile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The in-memory lease table shared by v4 and v6 (Kea's multi-index container): leases by key (address), by
 * subnet, by expiry for the reclamation scan and the flush of reclaimed leases. Subclasses add their own
 * secondary indexes through {@link #index} / {@link #unindex}. Not thread-safe: the store guards it with a
 * read-write lock. Lists come back in key order unless noted.
 *
 * @param <K> the lease key (address)
 * @param <L> the lease type
 */
abstract class LeaseTable<K, L> {
    /** Expiry-ordered entry: expire time, then key; a null key sorts first (used as a lower bound). */
    private record ExpiryKey<K>(long expire, K key) {}

    private final Comparator<K> order;
    private final TreeMap<K, L> byKey;
    private final Map<Long, TreeSet<K>> bySubnet = new HashMap<>();
    private final Comparator<ExpiryKey<K>> byExpiry;
    /** While a lease file loads (see {@link #beginLoad}): the leases, the trees being built only at the end. */
    private Map<K, L> loading;
    /** Leases the expiry scan returns once expired. */
    private final TreeSet<ExpiryKey<K>> expiring;
    /** EXPIRED_RECLAIMED leases, for the flush of old reclaimed leases. */
    private final TreeSet<ExpiryKey<K>> reclaimed;

    LeaseTable(Comparator<K> order) {
        this.order = order;
        this.byKey = new TreeMap<>(order);
        // written out rather than composed from Comparator combinators: it runs for every lease change
        this.byExpiry = (a, b) -> {
            int c = Long.compare(a.expire(), b.expire());
            if (c != 0) return c;
            K x = a.key();
            K y = b.key();
            if (x == null || y == null) return x == null ? (y == null ? 0 : -1) : 1;
            return order.compare(x, y);
        };
        this.expiring = new TreeSet<>(byExpiry);
        this.reclaimed = new TreeSet<>(byExpiry);
    }

    abstract K key(L lease);

    abstract long subnetId(L lease);

    /** {@code cltt + valid lifetime}. */
    abstract long expire(L lease);

    /** Whether the expiry scan must return this lease once it has expired (state and finite lifetime). */
    abstract boolean expiring(L lease);

    /** Whether the lease is EXPIRED_RECLAIMED. */
    abstract boolean reclaimed(L lease);

    /** Adds the lease to the subclass's own indexes, under {@code key} (the object byKey holds, to share it). */
    abstract void index(L lease, K key);

    /** Removes the lease from the subclass's own indexes. */
    abstract void unindex(L lease);

    /**
     * Moves the subclass's own indexes from {@code old} to {@code lease} (same key). Subclasses skip the indexes
     * whose key did not change: a renewal changes only times, so it should not touch the client indexes.
     */
    void reindex(L old, L lease, K key) {
        unindex(old);
        index(lease, key);
    }

    /** This table as the target of a lease file replay. */
    final LeaseFileBackend.Replay<K, L> replay() {
        return new LeaseFileBackend.Replay<>() {
            @Override
            public void put(L lease) {
                LeaseTable.this.put(lease);
            }

            @Override
            public void remove(K key) {
                LeaseTable.this.remove(key);
            }

            @Override
            public void beginLoad(int expected) {
                LeaseTable.this.beginLoad(expected);
            }

            @Override
            public void endLoad() {
                LeaseTable.this.endLoad();
            }

            @Override
            public int size() {
                return LeaseTable.this.size();
            }
        };
    }

    final Comparator<K> order() {
        return order;
    }

    final L get(K key) {
        return loading != null ? loading.get(key) : byKey.get(key);
    }

    final int size() {
        return loading != null ? loading.size() : byKey.size();
    }

    /** Stores {@code lease}, replacing whatever was at its key. */
    final void put(L lease) {
        K k = key(lease);
        if (loading != null) {
            loading.put(k, lease);
            return;
        }
        L old = byKey.put(k, lease);
        if (old == null) {
            indexAll(lease, k);
            return;
        }
        // a renewal or state change: touch only the indexes whose entry moves
        long oldSubnet = subnetId(old);
        long newSubnet = subnetId(lease);
        if (oldSubnet != newSubnet) {
            removeFromSubnet(oldSubnet, k);
            bySubnet.computeIfAbsent(newSubnet, _ -> new TreeSet<>(order)).add(k);
        }
        long oldExpire = expire(old);
        long newExpire = expire(lease);
        boolean wasExpiring = expiring(old);
        boolean isExpiring = expiring(lease);
        if (wasExpiring != isExpiring || (isExpiring && oldExpire != newExpire)) {
            if (wasExpiring) expiring.remove(new ExpiryKey<>(oldExpire, k));
            if (isExpiring) expiring.add(new ExpiryKey<>(newExpire, k));
        }
        boolean wasReclaimed = reclaimed(old);
        boolean isReclaimed = reclaimed(lease);
        if (wasReclaimed != isReclaimed || (isReclaimed && oldExpire != newExpire)) {
            if (wasReclaimed) reclaimed.remove(new ExpiryKey<>(oldExpire, k));
            if (isReclaimed) reclaimed.add(new ExpiryKey<>(newExpire, k));
        }
        reindex(old, lease, k);
    }

    /**
     * Starts a lease file replay into this (empty) table, of about {@code expected} leases: until {@link #endLoad}
     * leases only go into a plain hash map, so rows that later rows replace or delete cost nothing more; a table
     * that already holds leases stays incremental.
     */
    final void beginLoad(int expected) {
        if (loading != null || !byKey.isEmpty()) return;
        loading = new HashMap<>(Math.max(16, (int) Math.min(expected * 4L / 3 + 1, 1 << 30)));
    }

    /**
     * Ends a replay started by {@link #beginLoad}: indexes what survived. The ordered trees are built in linear
     * time from the leases sorted once (no rebalancing inserts), while a second thread fills the subclass's
     * indexes, which share nothing with the trees; this returns when both are done.
     */
    final void endLoad() {
        Map<K, L> leases = loading;
        if (leases == null) return;
        loading = null;
        if (leases.isEmpty()) return;
        int n = leases.size();
        Throwable[] failed = new Throwable[1];
        Thread indexer = Thread.ofPlatform().name("nestor-lease-index").start(() -> {
            try {
                expectMore(n);
                for (Map.Entry<K, L> e : leases.entrySet()) index(e.getValue(), e.getKey());
            } catch (RuntimeException | Error e) {
                failed[0] = e;
            }
        });
        try {
            buildTrees(leases);
        } finally {
            joinUninterruptibly(indexer);
        }
        if (failed[0] instanceof RuntimeException e) throw e;
        if (failed[0] instanceof Error e) throw e;
    }

    private static void joinUninterruptibly(Thread t) {
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    /** byKey, bySubnet, expiring and reclaimed from the loaded leases, each in linear time once sorted. */
    private void buildTrees(Map<K, L> leases) {
        int n = leases.size();
        @SuppressWarnings("unchecked")
        Map.Entry<K, L>[] entries = leases.entrySet().toArray(new Map.Entry[0]);
        sortByKey(entries);
        @SuppressWarnings("unchecked")
        K[] keys = (K[]) new Object[n];
        @SuppressWarnings("unchecked")
        L[] values = (L[]) new Object[n];
        for (int i = 0; i < n; i++) {
            keys[i] = entries[i].getKey();
            values[i] = entries[i].getValue();
        }
        entries = null;
        SortedRun.fill(byKey, keys, values, n, order);

        // per subnet, and by expiry, from the same key order (consecutive leases are mostly of one subnet)
        Map<Long, List<K>> subnets = new HashMap<>();
        List<K> run = null;
        long runSubnet = 0;
        List<ExpiryKey<K>> exp = new ArrayList<>(n);
        List<ExpiryKey<K>> rec = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            L l = values[i];
            K k = keys[i];
            long s = subnetId(l);
            if (run == null || s != runSubnet) {
                run = subnets.computeIfAbsent(s, _ -> new ArrayList<>());
                runSubnet = s;
            }
            run.add(k);
            if (expiring(l)) exp.add(new ExpiryKey<>(expire(l), k));
            if (reclaimed(l)) rec.add(new ExpiryKey<>(expire(l), k));
        }
        keys = null;
        values = null;
        subnets.forEach((s, ks) -> {
            TreeSet<K> set = new TreeSet<>(order);
            @SuppressWarnings("unchecked")
            K[] sorted = (K[]) ks.toArray();
            SortedRun.fill(set, sorted, sorted.length, order);
            bySubnet.put(s, set);
        });
        subnets = null;
        fillExpiry(expiring, exp);
        exp = null;
        fillExpiry(reclaimed, rec);
    }

    /** Sorts entries by {@link #order} of their keys (distinct); subclasses may know a faster way for their keys. */
    void sortByKey(Map.Entry<K, L>[] entries) {
        Arrays.sort(entries, (a, b) -> order.compare(a.getKey(), b.getKey()));
    }

    private void fillExpiry(TreeSet<ExpiryKey<K>> into, List<ExpiryKey<K>> keys) {
        @SuppressWarnings("unchecked")
        ExpiryKey<K>[] sorted = keys.toArray(new ExpiryKey[0]);
        Arrays.sort(sorted, byExpiry); // leases with one lifetime, loaded in key order, are sorted already
        SortedRun.fill(into, sorted, sorted.length, byExpiry);
    }

    /**
     * A load is about to {@link #index} {@code n} leases: subclasses may size their indexes for them. During a
     * load this and {@link #index} run on a thread of their own, beside the trees being built: they must touch
     * only the subclass's own state.
     */
    void expectMore(int n) {}

    /** Removes the lease at {@code key}; returns it, or null. */
    final L remove(K key) {
        if (loading != null) return loading.remove(key);
        L old = byKey.remove(key);
        if (old != null) unindexAll(old);
        return old;
    }

    final List<L> all() {
        return List.copyOf(byKey.values());
    }

    final List<L> bySubnet(long subnetId) {
        TreeSet<K> set = bySubnet.get(subnetId);
        return set == null ? List.of() : set.stream().map(byKey::get).toList();
    }

    final List<L> page(K from, boolean includeFrom, int limit) {
        List<L> out = new ArrayList<>(Math.min(limit, 1024));
        for (L l : byKey.tailMap(from, includeFrom).values()) {
            if (out.size() >= limit) break;
            out.add(l);
        }
        return List.copyOf(out);
    }

    /** Expiring leases with expire before {@code now}, oldest first (ties by key); max 0 = all. */
    final List<L> expired(long now, int max) {
        List<L> out = new ArrayList<>();
        for (ExpiryKey<K> k : expiring.headSet(new ExpiryKey<>(now, null), false)) {
            if (max > 0 && out.size() >= max) break;
            out.add(byKey.get(k.key()));
        }
        return List.copyOf(out);
    }

    /** EXPIRED_RECLAIMED leases whose expire is before {@code before}. */
    final List<L> reclaimedBefore(long before) {
        List<L> out = new ArrayList<>();
        for (ExpiryKey<K> k : reclaimed.headSet(new ExpiryKey<>(before, null), false)) out.add(byKey.get(k.key()));
        return out;
    }

    /** The leases at {@code keys} that pass {@code filter}, in key order. */
    final List<L> resolve(Collection<K> keys, Predicate<L> filter) {
        if (keys.isEmpty()) return List.of();
        List<K> sorted = new ArrayList<>(keys);
        sorted.sort(order);
        List<L> out = new ArrayList<>(sorted.size());
        for (K k : sorted) {
            L l = byKey.get(k);
            if (filter.test(l)) out.add(l);
        }
        return List.copyOf(out);
    }

    /** Indexes a new lease; {@code k} is the very key object stored in byKey, shared by every index. */
    private void indexAll(L l, K k) {
        bySubnet.computeIfAbsent(subnetId(l), _ -> new TreeSet<>(order)).add(k);
        if (expiring(l)) expiring.add(new ExpiryKey<>(expire(l), k));
        if (reclaimed(l)) reclaimed.add(new ExpiryKey<>(expire(l), k));
        index(l, k);
    }

    private void removeFromSubnet(long subnetId, K k) {
        TreeSet<K> subnet = bySubnet.get(subnetId);
        if (subnet != null && subnet.remove(k) && subnet.isEmpty()) bySubnet.remove(subnetId);
    }

    private void unindexAll(L l) {
        K k = key(l);
        removeFromSubnet(subnetId(l), k);
        expiring.remove(new ExpiryKey<>(expire(l), k));
        reclaimed.remove(new ExpiryKey<>(expire(l), k));
        unindex(l);
    }
}
