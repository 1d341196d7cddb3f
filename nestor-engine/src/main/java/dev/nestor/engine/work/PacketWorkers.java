package dev.nestor.engine.work;

import dev.nestor.config.model.MultiThreadingParams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Kea's {@code multi-threading} packet path. Enabled: the receive thread queues datagrams for a pool of
 * {@code thread-pool-size} workers (0 = one per core); the queue holds {@code packet-queue-size} datagrams
 * (0 = unbounded) and, when full, drops the <em>oldest</em> one, as Kea's thread pool does, since a client that has
 * waited longest has most likely retransmitted already. Disabled: the receive thread handles each datagram itself,
 * one at a time, like Kea's single-threaded server (no queue, no hand-off between threads).
 *
 * <p>Workers never process two packets of one client at once: the handler runs them through the server's
 * {@link ClientSerializer}.
 */
public final class PacketWorkers<P> implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PacketWorkers.class);

    private final Consumer<P> handler;
    private final Runnable dropped;
    private final int threads;
    private final int capacity;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final ArrayDeque<P> queue;
    private final List<Thread> workers = new ArrayList<>();
    private boolean stopping;

    private PacketWorkers(int threads, int capacity, Consumer<P> handler, Runnable dropped) {
        this.threads = threads;
        this.capacity = capacity;
        this.handler = handler;
        this.dropped = dropped;
        this.queue = new ArrayDeque<>(capacity > 0 ? capacity : 256);
    }

    /**
     * Starts the workers for Kea's settings.
     *
     * @param threadOverride a thread count that wins over {@code thread-pool-size} when positive (a command-line
     *                       override for tests and tuning)
     * @param handler        processes one datagram (on a worker, or on the caller of {@link #submit} when disabled)
     * @param dropped        called (on the submitting thread) for every queued datagram dropped because the queue
     *                       was full
     */
    public static <P> PacketWorkers<P> start(String name, MultiThreadingParams mt, int threadOverride, Consumer<P> handler,
                                             Runnable dropped) {
        if (!mt.enabled()) return new PacketWorkers<>(0, 0, handler, dropped);
        int threads = threadOverride > 0 ? threadOverride
                : mt.threadPoolSize() > 0 ? mt.threadPoolSize() : Runtime.getRuntime().availableProcessors();
        PacketWorkers<P> w = new PacketWorkers<>(threads, mt.packetQueueSize(), handler, dropped);
        for (int i = 0; i < threads; i++) {
            w.workers.add(Thread.ofPlatform().name(name + "-worker-" + i).daemon(true).start(w::work));
        }
        return w;
    }

    /** Whether packets are processed by worker threads (Kea's enable-multi-threading). */
    public boolean multiThreaded() {
        return threads > 0;
    }

    /** Worker threads (0 when single-threaded). */
    public int threads() {
        return threads;
    }

    /** Queue capacity (0 = unbounded, or single-threaded). */
    public int queueCapacity() {
        return capacity;
    }

    /** Datagrams waiting for a worker now. */
    public int queued() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Processes {@code in}: queues it for the workers, dropping the oldest queued datagram when the queue is full;
     * or, single-threaded, handles it right here.
     */
    public void submit(P in) {
        if (threads == 0) {
            handler.accept(in);
            return;
        }
        boolean drop;
        lock.lock();
        try {
            if (stopping) return;
            drop = capacity > 0 && queue.size() >= capacity;
            if (drop) queue.pollFirst();
            queue.addLast(in);
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
        if (drop) dropped.run();
    }

    private void work() {
        while (true) {
            P in;
            lock.lock();
            try {
                while (queue.isEmpty() && !stopping) notEmpty.awaitUninterruptibly();
                in = queue.pollFirst();
                if (in == null) return; // stopping and drained
            } finally {
                lock.unlock();
            }
            try {
                handler.accept(in);
            } catch (RuntimeException e) {
                // the pipeline turns bad input into drops; this is a bug, and must cost one packet, not a worker
                log.error("error handling a datagram: {}", e.toString(), e);
            }
        }
    }

    /** Stops taking datagrams, lets the workers finish what is queued (for up to 5 seconds), then returns. */
    @Override
    public void close() {
        lock.lock();
        try {
            stopping = true;
            notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
        joinAll(workers, TimeUnit.SECONDS.toNanos(5));
    }

    /** Waits for the threads to end, for at most {@code nanos} in all; gives up early if interrupted. */
    static void joinAll(List<Thread> threads, long nanos) {
        long deadline = System.nanoTime() + nanos;
        for (Thread t : threads) {
            long left = deadline - System.nanoTime();
            if (left <= 0) return;
            try {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
