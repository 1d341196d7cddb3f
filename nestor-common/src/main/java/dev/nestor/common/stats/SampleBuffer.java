package dev.nestor.common.stats;

import java.util.Arrays;

/**
 * A growable ring of (value bits, epoch micros) pairs, oldest at {@code head}. Primitive arrays keep the hot
 * {@code add} path free of per-sample objects; strings get a parallel array only for STRING observations.
 * Not thread-safe: {@link Stat} guards it.
 */
final class SampleBuffer {
    private long[] bits;
    private long[] micros;
    private String[] strings;
    private int head;
    private int size;

    SampleBuffer(int initialCapacity, boolean withStrings) {
        int cap = Math.max(2, initialCapacity);
        bits = new long[cap];
        micros = new long[cap];
        strings = withStrings ? new String[cap] : null;
    }

    int size() {
        return size;
    }

    void push(long valueBits, String text, long atMicros) {
        if (size == bits.length) resize(bits.length * 2);
        int i = index(size);
        bits[i] = valueBits;
        micros[i] = atMicros;
        if (strings != null) strings[i] = text;
        size++;
    }

    void dropOldest() {
        if (strings != null) strings[head] = null;
        head = (head + 1) % bits.length;
        size--;
    }

    void clear() {
        if (strings != null) Arrays.fill(strings, null);
        head = 0;
        size = 0;
    }

    /** Keeps the {@code max} newest samples and gives back memory a long age window may have taken. */
    void truncate(int max) {
        while (size > max) dropOldest();
        if (bits.length > 64 && bits.length > 4 * size) resize(Math.max(8, size * 2));
    }

    /** Drops oldest samples until the newest and oldest are at most {@code maxSpanMicros} apart. */
    void pruneSpan(long maxSpanMicros) {
        while (size > 1 && newestMicros() - micros[head] > maxSpanMicros) dropOldest();
    }

    long newestBits() {
        return bits[index(size - 1)];
    }

    String newestString() {
        return strings[index(size - 1)];
    }

    long newestMicros() {
        return micros[index(size - 1)];
    }

    /** Sample {@code k} counted from the newest ({@code k = 0}). */
    long bitsFromNewest(int k) {
        return bits[index(size - 1 - k)];
    }

    long microsFromNewest(int k) {
        return micros[index(size - 1 - k)];
    }

    String stringFromNewest(int k) {
        return strings[index(size - 1 - k)];
    }

    private int index(int fromOldest) {
        return (head + fromOldest) % bits.length;
    }

    private void resize(int cap) {
        long[] nb = new long[cap];
        long[] nm = new long[cap];
        String[] ns = strings == null ? null : new String[cap];
        for (int k = 0; k < size; k++) {
            int i = index(k);
            nb[k] = bits[i];
            nm[k] = micros[i];
            if (ns != null) ns[k] = strings[i];
        }
        bits = nb;
        micros = nm;
        strings = ns;
        head = 0;
    }
}
