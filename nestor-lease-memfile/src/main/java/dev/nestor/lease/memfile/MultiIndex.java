package dev.nestor.lease.memfile;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Key to lease keys (addresses). Most keys (a MAC, a client id, a DUID, a host name) map to one address, so the
 * single case is held bare and only shared keys pay for a set. Not thread-safe.
 *
 * @param <K> the secondary key
 * @param <A> the lease key
 */
final class MultiIndex<K, A> {
    /** Marks a shared entry, so that it can never be mistaken for a bare lease key. */
    private record Shared<A>(TreeSet<A> set) {}

    private final Map<K, Object> map = new HashMap<>();
    private final Comparator<? super A> order;

    MultiIndex(Comparator<? super A> order) {
        this.order = order;
    }

    @SuppressWarnings("unchecked")
    void add(K key, A address) {
        Object cur = map.get(key);
        if (cur == null) {
            map.put(key, address);
        } else if (cur instanceof Shared<?> shared) {
            ((Shared<A>) shared).set().add(address);
        } else if (!cur.equals(address)) {
            TreeSet<A> set = new TreeSet<>(order);
            set.add((A) cur);
            set.add(address);
            map.put(key, new Shared<>(set));
        }
    }

    @SuppressWarnings("unchecked")
    void remove(K key, A address) {
        Object cur = map.get(key);
        if (cur instanceof Shared<?> shared) {
            TreeSet<A> set = ((Shared<A>) shared).set();
            set.remove(address);
            if (set.size() == 1) map.put(key, set.first());
        } else if (cur != null && cur.equals(address)) {
            map.remove(key);
        }
    }

    /** The lease keys for {@code key}, in no particular order; a live view, copy before changing the index. */
    @SuppressWarnings("unchecked")
    Collection<A> get(K key) {
        Object cur = map.get(key);
        if (cur == null) return List.of();
        if (cur instanceof Shared<?> shared) return ((Shared<A>) shared).set();
        return List.of((A) cur);
    }
}
