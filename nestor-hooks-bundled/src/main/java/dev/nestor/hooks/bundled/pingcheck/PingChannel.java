package dev.nestor.hooks.bundled.pingcheck;

import org.slf4j.Logger;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Kea's ping channel: probes addresses with ICMP echo requests and tells whether one answered. A probe sends up to
 * {@code requests} echoes, each waiting {@code replyTimeout} ms; an echo reply from the address ends it with "in
 * use". A send error (network unreachable, permission, full buffer) ends it with "available", as Kea does. One
 * receiver thread reads the socket; a small scheduler drives the timeouts.
 */
final class PingChannel implements AutoCloseable {
    private static final int RECEIVE_TIMEOUT_MS = 200;
    private static final byte[] PAYLOAD = "nestor ping check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final IcmpSocket socket;
    private final Logger log;
    private final int id = ThreadLocalRandom.current().nextInt(1, 0x10000);
    private final AtomicInteger sequence = new AtomicInteger(ThreadLocalRandom.current().nextInt(0x10000));
    private final Map<Integer, Probe> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timers;
    private final Thread receiver;
    private volatile boolean closed;

    PingChannel(int threads, Logger log) throws IOException {
        this.log = log;
        this.socket = IcmpSocket.open(RECEIVE_TIMEOUT_MS);
        this.timers = Executors.newScheduledThreadPool(Math.max(1, threads), Thread.ofPlatform().name("ping-check-", 0).daemon(true).factory());
        this.receiver = Thread.ofPlatform().name("ping-check-receiver").daemon(true).start(this::receive);
        log.info("ping_check: ICMP {} socket open", socket.raw() ? "raw" : "ping (datagram)");
    }

    /** {@return a future: true when {@code address} answered one of up to {@code requests} echoes} */
    CompletableFuture<Boolean> check(int address, int requests, long replyTimeoutMillis) {
        Probe p = new Probe(address, requests, replyTimeoutMillis);
        p.sendNext();
        return p.result;
    }

    private final class Probe {
        final int address;
        final int requests;
        final long timeout;
        final CompletableFuture<Boolean> result = new CompletableFuture<>();
        int sent; // guarded by this
        int seq = -1; // guarded by this

        Probe(int address, int requests, long timeout) {
            this.address = address;
            this.requests = requests;
            this.timeout = timeout;
        }

        synchronized void sendNext() {
            if (result.isDone()) return;
            if (seq >= 0) pending.remove(seq, this);
            if (sent >= requests || closed) {
                result.complete(false);
                return;
            }
            seq = sequence.getAndIncrement() & 0xFFFF;
            pending.put(seq, this);
            sent++;
            try {
                socket.sendEcho(address, id, seq, PAYLOAD);
            } catch (IOException e) {
                pending.remove(seq, this);
                log.debug("ping_check: echo to {} not sent ({}): treated as available", dev.nestor.common.net.Ipv4.toString(address), e.getMessage());
                result.complete(false);
                return;
            }
            timers.schedule(this::sendNext, timeout, TimeUnit.MILLISECONDS);
        }

        synchronized void replied() {
            pending.remove(seq, this);
            result.complete(true);
        }
    }

    private void receive() {
        while (!closed) {
            IcmpSocket.Received r;
            try {
                r = socket.receive();
            } catch (IOException e) {
                if (!closed) log.warn("ping_check: receive failed: {}", e.getMessage());
                return;
            }
            if (r == null || r.icmp().length < 8 || r.icmp()[0] != 0) continue; // only echo replies
            int replyId = (r.icmp()[4] & 0xFF) << 8 | (r.icmp()[5] & 0xFF);
            int seq = (r.icmp()[6] & 0xFF) << 8 | (r.icmp()[7] & 0xFF);
            if (socket.raw() && replyId != id) continue; // another process's ping
            Probe p = pending.get(seq);
            if (p != null && p.address == r.source()) p.replied();
        }
    }

    @Override
    public void close() {
        closed = true;
        timers.shutdownNow();
        try {
            receiver.join(RECEIVE_TIMEOUT_MS * 3L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        socket.close(); // after the receiver left: its descriptor number cannot be reused under it
        for (Probe p : pending.values()) p.result.complete(false);
        pending.clear();
    }
}
