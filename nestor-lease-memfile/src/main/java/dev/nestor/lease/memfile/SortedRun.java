package dev.nestor.lease.memfile;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Read-once views of arrays already sorted by a comparator, as the {@link SortedSet} / {@link SortedMap} that
 * {@link TreeSet#addAll} and {@link TreeMap#putAll} accept to build an empty tree in linear time (no comparisons,
 * no rebalancing) instead of inserting element by element. Only what those two methods use is implemented.
 */
final class SortedRun {
    private SortedRun() {}

    /** Builds {@code into} (empty, ordered by {@code order}) from {@code sorted[0..n)}, strictly increasing. */
    static <E> void fill(TreeSet<E> into, E[] sorted, int n, Comparator<? super E> order) {
        if (n == 0) return;
        into.addAll(new SetView<>(sorted, n, order));
    }

    /** Builds {@code into} (empty) from keys strictly increasing by {@code order} and their values. */
    static <K, V> void fill(TreeMap<K, V> into, K[] keys, V[] values, int n, Comparator<? super K> order) {
        if (n == 0) return;
        into.putAll(new MapView<>(keys, values, n, order));
    }

    private static final class SetView<E> extends AbstractSet<E> implements SortedSet<E> {
        private final E[] items;
        private final int n;
        private final Comparator<? super E> order;

        SetView(E[] items, int n, Comparator<? super E> order) {
            this.items = items;
            this.n = n;
            this.order = order;
        }

        @Override
        public Iterator<E> iterator() {
            return new Iterator<>() {
                private int i;

                @Override
                public boolean hasNext() {
                    return i < n;
                }

                @Override
                public E next() {
                    if (i >= n) throw new NoSuchElementException();
                    return items[i++];
                }
            };
        }

        @Override
        public int size() {
            return n;
        }

        @Override
        public Comparator<? super E> comparator() {
            return order;
        }

        @Override
        public SortedSet<E> subSet(E from, E to) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SortedSet<E> headSet(E to) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SortedSet<E> tailSet(E from) {
            throw new UnsupportedOperationException();
        }

        @Override
        public E first() {
            return items[0];
        }

        @Override
        public E last() {
            return items[n - 1];
        }
    }

    private static final class MapView<K, V> extends AbstractMap<K, V> implements SortedMap<K, V> {
        private final K[] keys;
        private final V[] values;
        private final int n;
        private final Comparator<? super K> order;

        MapView(K[] keys, V[] values, int n, Comparator<? super K> order) {
            this.keys = keys;
            this.values = values;
            this.n = n;
            this.order = order;
        }

        @Override
        public Set<Map.Entry<K, V>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Map.Entry<K, V>> iterator() {
                    return new Iterator<>() {
                        private int i;

                        @Override
                        public boolean hasNext() {
                            return i < n;
                        }

                        @Override
                        public Map.Entry<K, V> next() {
                            if (i >= n) throw new NoSuchElementException();
                            int at = i++;
                            return new AbstractMap.SimpleImmutableEntry<>(keys[at], values[at]);
                        }
                    };
                }

                @Override
                public int size() {
                    return n;
                }
            };
        }

        @Override
        public int size() {
            return n;
        }

        @Override
        public Comparator<? super K> comparator() {
            return order;
        }

        @Override
        public SortedMap<K, V> subMap(K from, K to) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SortedMap<K, V> headMap(K to) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SortedMap<K, V> tailMap(K from) {
            throw new UnsupportedOperationException();
        }

        @Override
        public K firstKey() {
            return keys[0];
        }

        @Override
        public K lastKey() {
            return keys[n - 1];
        }
    }
}
