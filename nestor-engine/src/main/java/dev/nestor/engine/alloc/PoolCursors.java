package dev.nestor.engine.alloc;

import dev.nestor.config.model.Pool4;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where the iterative allocator continues in each pool. Kept outside the engine so a reconfiguration that
 * keeps a pool keeps its position (Kea does the same), and shared by all worker threads.
 */
public final class PoolCursors {
    private record Key(long subnetId, int first, int last) {}

    private final ConcurrentHashMap<Key, AtomicLong> cursors = new ConcurrentHashMap<>();

    /** The next candidate address in the pool, wrapping around. */
    public int next(long subnetId, Pool4 pool) {
        AtomicLong c = cursors.computeIfAbsent(new Key(subnetId, pool.first(), pool.last()), k -> new AtomicLong());
        long offset = Math.floorMod(c.getAndIncrement(), pool.size());
        return (int) ((pool.first() & 0xFFFFFFFFL) + offset);
    }
}
