package dev.nestor.engine.work;

import dev.nestor.config.model.MultiThreadingParams;
import dev.nestor.config.model.MultiThreadingParams.Dispatch;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads that take datagrams off a server's socket and process them, as the {@code multi-threading} settings ask:
 *
 * <ul>
 *   <li>disabled: one thread receives and handles each datagram itself (Kea's single-threaded server);</li>
 *   <li>{@link Dispatch#QUEUE}: one receive thread feeds {@link PacketWorkers} (Kea's queue that drops its oldest
 *       datagram when full);</li>
 *   <li>{@link Dispatch#READERS}: {@code thread-pool-size} threads (0 = one per core) each receive from the socket and
 *       handle what they got, so no datagram crosses threads; the kernel gives each datagram to one reader.</li>
 * </ul>
 *
 * <p>One dispatch belongs to one socket: a server that reopens its sockets, or changes these settings, starts a new
 * dispatch and closes the old one. Per-client serialisation is the handler's business (the same in every mode).
 *
 * @param <P> the datagram type
 */
public final class PacketDispatch<P> implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PacketDispatch.class);
    private static final long RECEIVE_ERROR_PAUSE_MILLIS = 100;

    /** Where datagrams come from: a server's transport. */
    public interface Source<P> {
        /** A datagram, or null after about 200 ms without one, or once the source is closed. */
        P poll() throws IOException;

        /** False once the source is closed: its readers then stop. */
        boolean isOpen();

        /** Datagrams the kernel dropped so far because the socket's buffer was full (grows only; 0 if unknown). */
        default long receiveBufferDrops() {
            return 0;
        }

        /** A source from a transport's three methods. */
        static <P> Source<P> of(Poll<P> poll, BooleanSupplier isOpen, LongSupplier receiveBufferDrops) {
            return new Source<>() {
                @Override
                public P poll() throws IOException {
                    return poll.poll();
                }

                @Override
                public boolean isOpen() {
                    return isOpen.getAsBoolean();
                }

                @Override
                public long receiveBufferDrops() {
                    return receiveBufferDrops.getAsLong();
                }
            };
        }
    }

    /** {@link Source#poll()} as a method reference. */
    @FunctionalInterface
    public interface Poll<P> {
        P poll() throws IOException;
    }

    private final String name;
    private final Source<P> source;
    private final Predicate<P> admit;
    private final Consumer<P> handler;
    private final LongConsumer queueFull;
    private final AtomicLong kernelDropsSeen;
    private final MultiThreadingParams settings;
    private final PacketWorkers<P> queue; // QUEUE mode only
    private final int readers;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean stopping;

    private PacketDispatch(String name, MultiThreadingParams settings, int readers, PacketWorkers<P> queue,
                           Source<P> source, Predicate<P> admit, Consumer<P> handler, LongConsumer queueFull) {
        this.name = name;
        this.queueFull = queueFull;
        this.kernelDropsSeen = new AtomicLong(source.receiveBufferDrops());
        this.settings = settings;
        this.readers = readers;
        this.queue = queue;
        this.source = source;
        this.admit = admit;
        this.handler = handler;
    }

    /**
     * Starts the threads.
     *
     * @param threadOverride a thread count that wins over {@code thread-pool-size} when positive (a command-line
     *                       override for tests and tuning)
     * @param admit          decides, on the receiving thread, whether a datagram is processed at all (false: the
     *                       predicate has counted the drop, e.g. service disabled)
     * @param handler        processes one datagram; exceptions cost that datagram only
     * @param queueFull      called with the number of datagrams lost because a queue was full: 1 for each that Kea's
     *                       queue drops, or what the kernel dropped from the socket's buffer since the last call
     *                       (the socket buffer is the readers' queue; counted in every mode)
     */
    public static <P> PacketDispatch<P> start(String name, MultiThreadingParams mt, int threadOverride, Source<P> source,
                                              Predicate<P> admit, Consumer<P> handler, LongConsumer queueFull) {
        PacketDispatch<P> d;
        if (mt.enabled() && mt.dispatch() == Dispatch.READERS) {
            int n = threadOverride > 0 ? threadOverride
                    : mt.threadPoolSize() > 0 ? mt.threadPoolSize() : Runtime.getRuntime().availableProcessors();
            d = new PacketDispatch<>(name, mt, n, null, source, admit, handler, queueFull);
            for (int i = 0; i < n; i++) d.threads.add(Thread.ofPlatform().name(name + "-reader-" + i).daemon(true).start(d::read));
        } else {
            PacketWorkers<P> workers = PacketWorkers.start(name, mt, threadOverride, handler, () -> queueFull.accept(1));
            d = new PacketDispatch<>(name, mt, 0, workers, source, admit, handler, queueFull);
            d.threads.add(Thread.ofPlatform().name(name + "-receiver").daemon(true).start(d::receive));
        }
        return d;
    }

    /** The settings this dispatch was started with. */
    public MultiThreadingParams settings() {
        return settings;
    }

    /** Whether more than one thread processes datagrams (Kea's enable-multi-threading). */
    public boolean multiThreaded() {
        return readers > 0 || queue.multiThreaded();
    }

    /** Threads that process datagrams (0 when single-threaded). */
    public int threads() {
        return readers > 0 ? readers : queue.threads();
    }

    /** Kea's queue capacity (0 = unbounded, single-threaded, or no queue: the readers read the socket). */
    public int queueCapacity() {
        return queue == null ? 0 : queue.queueCapacity();
    }

    /** READERS: each thread receives and handles. */
    private void read() {
        while (true) {
            P in = next();
            if (in == null) return;
            if (!admit.test(in)) continue;
            try {
                handler.accept(in);
            } catch (RuntimeException e) {
                // the pipeline turns bad input into drops; this is a bug, and must cost one packet, not a reader
                log.error("error handling a datagram: {}", e.toString(), e);
            }
        }
    }

    /** Disabled or QUEUE: one thread receives, and handles (disabled) or queues for the workers. */
    private void receive() {
        while (true) {
            P in = next();
            if (in == null) return;
            if (!admit.test(in)) continue;
            try {
                queue.submit(in); // single-threaded: handled right here
            } catch (RuntimeException e) {
                log.error("error handling a datagram: {}", e.toString(), e);
            }
        }
    }

    /** The next datagram, or null once this dispatch is stopping or its source closed. */
    private P next() {
        while (!stopping && source.isOpen()) {
            try {
                P in = source.poll();
                if (in != null) {
                    countKernelDrops();
                    return in;
                }
            } catch (IOException e) {
                if (stopping || !source.isOpen()) return null;
                log.warn("{}: receive failed: {}", name, e.getMessage());
                pause(); // a persistent socket error must not spin a core writing the same line
            } catch (RuntimeException e) {
                log.error("{}: error receiving a datagram: {}", name, e.toString(), e);
                pause();
            }
        }
        return null;
    }

    /** The kernel stamps its drop count on each datagram it queues: report what is new since the last one. */
    private void countKernelDrops() {
        long now = source.receiveBufferDrops(), before = kernelDropsSeen.get();
        if (now > before && kernelDropsSeen.compareAndSet(before, now)) queueFull.accept(now - before);
    }

    private static void pause() {
        try {
            Thread.sleep(RECEIVE_ERROR_PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops receiving (the threads notice within the source's poll time) and waits, up to 5 seconds, for datagrams
     * being handled and, with Kea's queue, for the queued ones.
     */
    @Override
    public void close() {
        stopping = true;
        PacketWorkers.joinAll(threads, TimeUnit.SECONDS.toNanos(5));
        if (queue != null) queue.close();
    }
}
