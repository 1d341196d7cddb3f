package dev.nestor.engine.alloc;

import dev.nestor.config.model.Pool4;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Where the iterative allocator continues in each pool, for DHCPv4 pools and DHCPv6 pools and pd-pools alike, and
 * for DHCPv4 pools which addresses are leased (a {@link PoolOccupancy} bitmap, so allocation in a nearly full pool
 * does not walk the store address by address). Kept outside the engines so a reconfiguration that keeps a pool
 * keeps its position and its map (Kea keeps the position too), and shared by all worker threads. A pool is known
 * by a key of the caller's choice (a record of its subnet and bounds).
 */
public final class PoolCursors {
    private record Key4(long subnetId, int first, int last) {}

    private final ConcurrentHashMap<Object, AtomicLong> cursors = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Key4, PoolOccupancy> occupancy = new ConcurrentHashMap<>();
    /** The maps of each subnet's pools, to find an address's map from its lease (subnet id + address). */
    private final ConcurrentHashMap<Long, List<PoolOccupancy>> bySubnet = new ConcurrentHashMap<>();

    /** Recently used maps by the identity of the config's pool object: one array read on the packet path. */
    private record Recent(long subnetId, Pool4 pool, PoolOccupancy map) {}

    private final AtomicReferenceArray<Recent> recent = new AtomicReferenceArray<>(64);

    /** The leased-address map of a pool, created empty (unseeded) on first use; null for pools over 16M addresses. */
    PoolOccupancy occupancy(long subnetId, Pool4 pool) {
        if (pool.size() > PoolOccupancy.MAX_SIZE) return null;
        int slot = System.identityHashCode(pool) & 63;
        Recent r = recent.get(slot);
        if (r != null && r.pool() == pool && r.subnetId() == subnetId) return r.map();
        PoolOccupancy o = occupancy.computeIfAbsent(new Key4(subnetId, pool.first(), pool.last()), k -> {
            PoolOccupancy created = new PoolOccupancy(k.first(), pool.size());
            bySubnet.compute(subnetId, (_, list) -> {
                List<PoolOccupancy> next = new ArrayList<>(list == null ? List.of() : list);
                next.add(created);
                return List.copyOf(next);
            });
            return created;
        });
        recent.set(slot, new Recent(subnetId, pool, o));
        return o;
    }

    /** A lease for {@code address} in subnet {@code subnetId} was committed: its pool map marks it leased. */
    public void leased(long subnetId, int address) {
        for (PoolOccupancy o : bySubnet.getOrDefault(subnetId, List.of())) {
            int off = o.offsetOf(address);
            if (off >= 0) o.markLeased(off);
        }
    }

    /** The lease for {@code address} in subnet {@code subnetId} is gone (released, reclaimed): the address is free. */
    public void freed(long subnetId, int address) {
        for (PoolOccupancy o : bySubnet.getOrDefault(subnetId, List.of())) {
            int off = o.offsetOf(address);
            if (off >= 0) o.markFree(off);
        }
    }

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
