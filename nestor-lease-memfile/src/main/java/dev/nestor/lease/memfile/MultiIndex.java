package dev.nestor.lease.memfile;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.function.ToIntFunction;

/**
 * Key to lease keys (addresses). Most keys (a MAC, a client id, a DUID, a host name) map to one address, so the
 * single case is held bare and only shared keys pay for a set. Not thread-safe.
 *
 * <p>An open-addressing table (linear probing, backward-shift deletion) hashed by the caller's function rather
 * than {@code hashCode}: {@code Arrays.hashCode} of MAC addresses that differ in their last bytes collides so
 * often that a {@code HashMap} turns its bins into trees, and three parallel arrays take less memory than a
 * {@code HashMap}'s nodes with a million leases.
 *
 * @param <K> the secondary key
 * @param <A> the lease key
 */
final class MultiIndex<K, A> {
    /** Marks a shared entry, so that it can never be mistaken for a bare lease key. */
    private record Shared<A>(TreeSet<A> set) {}

    private static final int MIN_CAPACITY = 16;

    private final Comparator<? super A> order;
    private final ToIntFunction<? super K> hash;
    private Object[] keys = new Object[MIN_CAPACITY];
    private Object[] values = new Object[MIN_CAPACITY];
    /** Each slot's key hash: probes compare ints, equals runs only on a hash match, resizing never rehashes. */
    private int[] hashes = new int[MIN_CAPACITY];
    private int size;

    MultiIndex(Comparator<? super A> order, ToIntFunction<? super K> hash) {
        this.order = order;
        this.hash = hash;
    }

    @SuppressWarnings("unchecked")
    void add(K key, A address) {
        int h = hash.applyAsInt(key);
        int i = find(key, h);
        if (i < 0) {
            int slot = -i - 1;
            keys[slot] = key;
            values[slot] = address;
            hashes[slot] = h;
            if (++size * 3 > keys.length * 2) resize(keys.length * 2);
            return;
        }
        Object cur = values[i];
        if (cur instanceof Shared<?> shared) {
            ((Shared<A>) shared).set().add(address);
        } else if (!cur.equals(address)) {
            TreeSet<A> set = new TreeSet<>(order);
            set.add((A) cur);
            set.add(address);
            values[i] = new Shared<>(set);
        }
    }

    @SuppressWarnings("unchecked")
    void remove(K key, A address) {
        int i = find(key, hash.applyAsInt(key));
        if (i < 0) return;
        Object cur = values[i];
        if (cur instanceof Shared<?> shared) {
            TreeSet<A> set = ((Shared<A>) shared).set();
            set.remove(address);
            if (set.size() == 1) values[i] = set.first();
        } else if (cur.equals(address)) {
            delete(i);
        }
    }

    /** The lease keys for {@code key}, in no particular order; a live view, copy before changing the index. */
    @SuppressWarnings("unchecked")
    Collection<A> get(K key) {
        int i = find(key, hash.applyAsInt(key));
        if (i < 0) return List.of();
        Object cur = values[i];
        if (cur instanceof Shared<?> shared) return ((Shared<A>) shared).set();
        return List.of((A) cur);
    }

    int size() {
        return size;
    }

    /** Grows the table once for {@code more} keys, rather than doubling step by step while they are added. */
    void reserve(int more) {
        long needed = (long) size + more;
        int capacity = keys.length;
        while (needed * 3 > (long) capacity * 2 && capacity < (1 << 30)) capacity <<= 1;
        if (capacity != keys.length) resize(capacity);
    }

    /** The slot holding {@code key}, or {@code -(free slot) - 1} where it would go. */
    private int find(K key, int h) {
        int mask = keys.length - 1;
        int i = h & mask;
        while (true) {
            Object k = keys[i];
            if (k == null) return -i - 1;
            if (hashes[i] == h && k.equals(key)) return i;
            i = (i + 1) & mask;
        }
    }

    /** Backward-shift deletion: later entries of the probe run move up, so no tombstones are needed. */
    private void delete(int i) {
        int mask = keys.length - 1;
        int gap = i;
        int j = i;
        while (true) {
            j = (j + 1) & mask;
            Object k = keys[j];
            if (k == null) break;
            int home = hashes[j] & mask;
            // move j into the gap unless its home lies cyclically in (gap, j]
            boolean stays = gap <= j ? (gap < home && home <= j) : (gap < home || home <= j);
            if (stays) continue;
            keys[gap] = k;
            values[gap] = values[j];
            hashes[gap] = hashes[j];
            gap = j;
        }
        keys[gap] = null;
        values[gap] = null;
        size--;
        if (keys.length > MIN_CAPACITY && size * 8 < keys.length) resize(keys.length / 2);
    }

    private void resize(int capacity) {
        Object[] oldKeys = keys;
        Object[] oldValues = values;
        int[] oldHashes = hashes;
        keys = new Object[capacity];
        values = new Object[capacity];
        hashes = new int[capacity];
        int mask = capacity - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            Object k = oldKeys[j];
            if (k == null) continue;
            int i = oldHashes[j] & mask;
            while (keys[i] != null) i = (i + 1) & mask;
            keys[i] = k;
            values[i] = oldValues[j];
            hashes[i] = oldHashes[j];
        }
    }
}
