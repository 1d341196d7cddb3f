package dev.nestor.engine.alloc;

import dev.nestor.common.net.Ipv4;

import java.util.Arrays;

/**
 * Which addresses of one DHCPv4 pool are leased, as last seen: one bit per address (128 KiB for a /12), with a
 * second level marking full 64-address words, so finding the next free address from the allocator's cursor
 * costs a few word scans even when the pool is 99% full. It is a hint, never the truth: the allocator checks
 * every candidate against the store and commits with the store's compare-and-set; a candidate found leased is
 * marked and skipped; when the map says "full" it is rebuilt from the store (see {@link #reseedDue}).
 *
 * <p>Thread-safe: every operation is a short critical section on this pool's monitor (no I/O under it), so
 * threads allocating from different pools never contend and threads in one pool wait only for bit scans.
 */
final class PoolOccupancy {
    /** Pools larger than this (16M addresses, 2 MiB of bits) keep the plain iterative walk. */
    static final long MAX_SIZE = 1L << 24;
    /** After this many failed searches in a row, a rebuild happens at most every this many failures. */
    private static final int MAX_RESEED_STRIDE = 1024;
    /** A full pool is rebuilt at least this often (seconds) while allocations keep failing. */
    private static final long RESEED_SECONDS = 10;

    /** Held while the map is rebuilt from the store (I/O), so only one thread rebuilds; bit operations go on. */
    final Object seedLock = new Object();
    private final long first;
    private final int size;
    private final long[] words;
    /** Bit i set: words[i] is all ones. */
    private final long[] full;
    private int cursor;
    private boolean seeded;
    private long seedGeneration;
    private long seededAt;
    private long failures;

    PoolOccupancy(int first, long size) {
        if (size <= 0 || size > MAX_SIZE) throw new IllegalArgumentException("pool size out of range: " + size);
        this.first = Ipv4.toUnsigned(first);
        this.size = (int) size;
        this.words = new long[(this.size + 63) >>> 6];
        this.full = new long[(words.length + 63) >>> 6];
        // bits past the end of the pool are permanently "leased"
        int tail = this.size & 63;
        if (tail != 0) setWord(words.length - 1, -1L << tail);
    }

    int size() {
        return size;
    }

    /** The address at an offset. */
    int address(int offset) {
        return (int) (first + offset);
    }

    /** The offset of an address, or -1 when it is outside this pool. */
    int offsetOf(int address) {
        long off = Ipv4.toUnsigned(address) - first;
        return off >= 0 && off < size ? (int) off : -1;
    }

    synchronized boolean seeded() {
        return seeded;
    }

    synchronized long generation() {
        return seedGeneration;
    }

    /**
     * The next address not marked leased, starting at the cursor and wrapping; the cursor moves past it, so
     * concurrent callers get different candidates. -1 when every address is marked.
     */
    synchronized int nextFree() {
        int start = cursor;
        int found = scan(start, size);
        if (found < 0 && start > 0) found = scan(0, start);
        if (found < 0) return -1;
        failures = 0;
        cursor = found + 1 == size ? 0 : found + 1;
        return found;
    }

    /** First clear bit in [from, to), or -1. */
    private int scan(int from, int to) {
        int w = from >>> 6;
        int last = (to - 1) >>> 6;
        long word = ~words[w] & (-1L << (from & 63));
        while (true) {
            if (word != 0) {
                int bit = (w << 6) + Long.numberOfTrailingZeros(word);
                return bit < to ? bit : -1;
            }
            w = nextNonFullWord(w + 1, last);
            if (w < 0) return -1;
            word = ~words[w];
        }
    }

    /** The first word index in [from, last] that is not full, using the summary level; -1 if none. */
    private int nextNonFullWord(int from, int last) {
        if (from > last) return -1;
        int s = from >>> 6;
        long summary = ~full[s] & (-1L << (from & 63));
        int lastSummary = last >>> 6;
        while (true) {
            if (summary != 0) {
                int w = (s << 6) + Long.numberOfTrailingZeros(summary);
                return w <= last ? w : -1;
            }
            if (++s > lastSummary) return -1;
            summary = ~full[s];
        }
    }

    synchronized void markLeased(int offset) {
        int w = offset >>> 6;
        setWord(w, words[w] | (1L << offset));
    }

    synchronized void markFree(int offset) {
        int w = offset >>> 6;
        setWord(w, words[w] & ~(1L << offset));
    }

    synchronized boolean isMarked(int offset) {
        return (words[offset >>> 6] & (1L << offset)) != 0;
    }

    /**
     * Whether the caller should rebuild the map from the store after {@link #nextFree} found nothing (called once
     * per failed search, which it counts; a found address resets the count): on the
     * 1st, 2nd, 4th, ... failure in a row (up to every 1024th) and at least every 10 seconds, so a genuinely full
     * pool costs a rebuild only now and then, while addresses freed behind the map's back are found quickly.
     */
    synchronized boolean reseedDue(long nowSeconds) {
        failures++;
        if (!seeded) return true;
        if (nowSeconds - seededAt >= RESEED_SECONDS) return true;
        long f = failures;
        return f > 0 && ((f & (f - 1)) == 0 && f <= MAX_RESEED_STRIDE || f % MAX_RESEED_STRIDE == 0);
    }

    /** Replaces the map with one built from the store ({@code leased} has a bit per offset). */
    synchronized void install(long[] leased, long nowSeconds) {
        int tail = size & 63;
        for (int w = 0; w < words.length; w++) {
            long v = leased[w];
            if (w == words.length - 1 && tail != 0) v |= -1L << tail;
            setWord(w, v);
        }
        seeded = true;
        seededAt = nowSeconds;
        seedGeneration++;
    }

    /** A fresh bit array for {@link #install}. */
    long[] newBits() {
        return new long[words.length];
    }

    synchronized int markedCount() {
        int n = 0;
        for (long w : words) n += Long.bitCount(w);
        int tail = size & 63;
        return tail == 0 ? n : n - (64 - tail);
    }

    private void setWord(int w, long value) {
        words[w] = value;
        int s = w >>> 6;
        if (value == -1L) full[s] |= 1L << w;
        else full[s] &= ~(1L << w);
    }

    @Override
    public synchronized String toString() {
        return "PoolOccupancy[" + Ipv4.toString((int) first) + "+" + size + ", " + markedCount() + " marked, "
                + Arrays.stream(full).map(Long::bitCount).sum() + " full words]";
    }
}
