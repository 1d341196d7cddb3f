package dev.nestor.engine.alloc;

import dev.nestor.config.model.Pool4;

import java.math.BigInteger;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where the iterative allocator continues in each pool, for DHCPv4 pools and DHCPv6 pools and pd-pools alike. Kept
 * outside the engines so a reconfiguration that keeps a pool keeps its position (Kea does the same), and shared by
 * all worker threads. A pool is known by a key of the caller's choice (a record of its subnet and bounds).
 */
public final class PoolCursors {
    private record Key4(long subnetId, int first, int last) {}

    private final ConcurrentHashMap<Object, AtomicLong> cursors = new ConcurrentHashMap<>();

    /** The next candidate address in the pool, wrapping around. */
    public int next(long subnetId, Pool4 pool) {
        long offset = Math.floorMod(counter(new Key4(subnetId, pool.first(), pool.last())).getAndIncrement(), pool.size());
        return (int) ((pool.first() & 0xFFFFFFFFL) + offset);
    }

    /**
     * The next offset (0 ≤ offset < size) into a pool of {@code size} candidates, wrapping around. For DHCPv6,
     * where a pool may hold 2^64 addresses or more, the counter simply never wraps in practice.
     */
    public BigInteger nextOffset(Object poolKey, BigInteger size) {
        if (size.signum() <= 0) throw new IllegalArgumentException("empty pool");
        long n = counter(poolKey).getAndIncrement();
        return BigInteger.valueOf(n).and(BigInteger.valueOf(Long.MAX_VALUE)).mod(size);
    }

    private AtomicLong counter(Object key) {
        return cursors.computeIfAbsent(key, k -> new AtomicLong());
    }
}
