package dev.nestor.ddns.ncr;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends NameChangeRequests to a DDNS daemon (nestor-ddns or Kea's kea-dhcp-ddns) over UDP, in Kea's format, as
 * Kea's {@code NameChangeUDPSender} behind {@code D2ClientMgr}: the DHCP server's packet thread only queues,
 * one background thread sends in order.
 *
 * <p>The queue is bounded ({@code max-queue-size} of Kea's {@code dhcp-ddns} map): when it is full {@link #send}
 * refuses the request and counts it as dropped instead of blocking the DHCP server. A send error is logged, counted
 * and the next request goes out; UDP gives no delivery guarantee, exactly as with Kea. Thread-safe.
 */
public final class NcrSender implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger("dev.nestor.dhcp-to-d2");

    private final InetSocketAddress server;
    private final InetSocketAddress bindAddress;
    private final BlockingQueue<NameChangeRequest> queue;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final Object idle = new Object();
    private int inFlight; // guarded by idle
    private DatagramChannel channel;
    private Thread thread;
    private volatile boolean closed;

    /**
     * @param server       the DDNS daemon ({@code server-ip}/{@code server-port}, Kea default 127.0.0.1:53001)
     * @param bindAddress  where to send from ({@code sender-ip}/{@code sender-port}; port 0 = any)
     * @param maxQueueSize requests waiting at most (Kea default 1024)
     */
    public NcrSender(InetSocketAddress server, InetSocketAddress bindAddress, int maxQueueSize) {
        this.server = Objects.requireNonNull(server, "server");
        this.bindAddress = Objects.requireNonNull(bindAddress, "bindAddress");
        if (maxQueueSize < 1) throw new IllegalArgumentException("max-queue-size must be at least 1");
        if (server.isUnresolved()) throw new IllegalArgumentException("server address must be an IP address: " + server);
        this.queue = new ArrayBlockingQueue<>(maxQueueSize);
    }

    /** Opens the socket and starts the sending thread. @throws IOException when the bind address is unusable */
    public synchronized void start() throws IOException {
        if (closed) throw new IllegalStateException("sender is closed");
        if (channel != null) return;
        StandardProtocolFamily family = server.getAddress() instanceof Inet6Address
                ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET;
        DatagramChannel ch = DatagramChannel.open(family);
        try {
            ch.bind(bindAddress);
        } catch (IOException e) {
            ch.close();
            throw new IOException("cannot bind the NCR sender to " + bindAddress + ": " + e.getMessage(), e);
        }
        channel = ch;
        thread = Thread.ofPlatform().name("ncr-sender").daemon(true).start(this::run);
        log.info("DHCP_DDNS_SENDER_STARTED NCR sender bound to {}, sending to {}", localAddress(), server);
    }

    /**
     * Queues a request. {@return false when the queue is full or the sender is closed; the request is dropped}
     */
    public boolean send(NameChangeRequest ncr) {
        Objects.requireNonNull(ncr, "ncr");
        if (closed) {
            dropped.incrementAndGet();
            return false;
        }
        synchronized (idle) {
            if (!queue.offer(ncr)) {
                dropped.incrementAndGet();
                log.error("DHCP_DDNS_QUEUE_FULL NCR sender queue is full ({} requests), dropping: {}", queue.size(), ncr.describe());
                return false;
            }
            inFlight++;
        }
        return true;
    }

    /** Waits until every queued request has been handed to the socket. {@return false on timeout} */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (idle) {
            while (inFlight > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) return false;
                TimeUnit.NANOSECONDS.timedWait(idle, left);
            }
        }
        return true;
    }

    public int queueSize() {
        return queue.size();
    }

    /** Requests handed to the socket. */
    public long sentCount() {
        return sent.get();
    }

    /** Requests refused because the queue was full or the sender closed. */
    public long droppedCount() {
        return dropped.get();
    }

    /** Requests the socket failed to send. */
    public long errorCount() {
        return errors.get();
    }

    /** The bound local address, or null before {@link #start()}. */
    public synchronized InetSocketAddress localAddress() {
        try {
            return channel == null ? null : (InetSocketAddress) channel.getLocalAddress();
        } catch (IOException e) {
            return null;
        }
    }

    public InetSocketAddress server() {
        return server;
    }

    private void run() {
        while (!closed) {
            NameChangeRequest ncr;
            try {
                ncr = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                break;
            }
            if (ncr == null) continue;
            try {
                channel.send(ByteBuffer.wrap(NcrCodec.encode(ncr)), server);
                sent.incrementAndGet();
                log.debug("DHCP_DDNS_NCR_SENT sent to {}: {}", server, ncr.describe());
            } catch (IOException | RuntimeException e) {
                errors.incrementAndGet();
                log.error("DHCP_DDNS_NCR_SEND_FAILED cannot send NCR to {}: {} ({})", server, e.getMessage(), ncr.describe());
            } finally {
                done(1);
            }
        }
    }

    private void done(int n) {
        synchronized (idle) {
            inFlight -= n;
            idle.notifyAll();
        }
    }

    /** Stops the thread and closes the socket; requests still queued are dropped (and counted). */
    @Override
    public void close() {
        Thread t;
        DatagramChannel ch;
        synchronized (this) {
            if (closed) return;
            closed = true;
            t = thread;
            ch = channel;
        }
        if (t != null) {
            t.interrupt();
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        int left = queue.size();
        queue.clear();
        dropped.addAndGet(left);
        done(left);
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // closing a datagram socket: nothing left to report
            }
        }
    }
}
