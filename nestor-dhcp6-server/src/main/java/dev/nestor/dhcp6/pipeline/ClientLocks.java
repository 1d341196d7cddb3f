package dev.nestor.dhcp6.pipeline;

import dev.nestor.common.Bytes;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One DHCPv6 client's queries never run concurrently (Kea's ClientHandler), so a retransmitted SOLICIT racing its
 * own REQUEST cannot make two lease decisions for one client. Clients are mapped by DUID to a fixed set of locks,
 * so memory stays bounded; unrelated clients rarely share a lock. Queries without a DUID share one stripe.
 */
public final class ClientLocks {
    private static final int STRIPES = 1024;
    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

    public ClientLocks() {
        for (int i = 0; i < STRIPES; i++) locks[i] = new ReentrantLock();
    }

    public <T> T run(Bytes duid, Supplier<T> work) {
        ReentrantLock lock = locks[duid == null ? 0 : Math.floorMod(duid.hashCode(), STRIPES)];
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
