package dev.nestor.hooks.bundled.limits;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Active leases per client class and per subnet, kept by the limits library from the lease events. */
final class LeaseCounts {
    private final Map<String, AtomicLong> byClass = new ConcurrentHashMap<>();
    private final Map<Long, AtomicLong> bySubnet = new ConcurrentHashMap<>();

    long ofClass(String name) { AtomicLong c = byClass.get(name); return c == null ? 0 : c.get(); }

    long ofSubnet(long id) { AtomicLong c = bySubnet.get(id); return c == null ? 0 : c.get(); }

    void add(Iterable<String> classes, long subnetId, int delta) {
        for (String c : classes) byClass.computeIfAbsent(c, _ -> new AtomicLong()).addAndGet(delta);
        bySubnet.computeIfAbsent(subnetId, _ -> new AtomicLong()).addAndGet(delta);
    }
}
