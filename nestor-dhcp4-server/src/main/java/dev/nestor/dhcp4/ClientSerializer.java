package dev.nestor.dhcp4;

import dev.nestor.transport.InboundDatagram;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One client's packets never run concurrently (Kea's ClientHandler): a retransmitted DISCOVER racing its own
 * REQUEST would otherwise make two lease decisions for one client. Clients are mapped to a fixed set of locks by
 * their chaddr, so memory stays bounded; unrelated clients rarely share a lock.
 */
final class ClientSerializer {
    private static final int STRIPES = 1024;
    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

    ClientSerializer() {
        for (int i = 0; i < STRIPES; i++) locks[i] = new ReentrantLock();
    }

    <T> T run(InboundDatagram in, Supplier<T> work) {
        ReentrantLock lock = locks[stripe(in)];
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    /** chaddr sits at offset 28 of a BOOTP header; a short packet goes to stripe 0 (the codec will reject it). */
    private static int stripe(InboundDatagram in) {
        if (in.length() < 44) return 0;
        int h = 1;
        for (int i = 28; i < 44; i++) h = 31 * h + (byte) in.byteAt(i);
        return Math.floorMod(h, STRIPES);
    }
}
