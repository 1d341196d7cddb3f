package dev.nestor.config.model;

import java.util.Locale;

/**
 * Kea's {@code multi-threading} map. Sizes of 0 mean "auto" as in Kea.
 *
 * @param dispatch how datagrams reach the worker threads (Nestor's {@code nestor-dispatch}; see {@link Dispatch})
 */
public record MultiThreadingParams(boolean enabled, int threadPoolSize, int packetQueueSize, Dispatch dispatch) {

    /**
     * How a multi-threaded server hands datagrams to its threads.
     *
     * <ul>
     *   <li>{@link #QUEUE}: Kea's design. One receive thread puts every datagram on a queue of
     *       {@code packet-queue-size} that drops its oldest datagram when full; the workers take them from there.
     *       Every datagram crosses threads, which costs two context switches when the workers are idle.</li>
     *   <li>{@link #READERS}: every worker reads the socket itself and handles what it read (run to completion);
     *       the kernel's socket buffer is the queue, and when it is full the kernel drops the newest datagram.
     *       Nothing crosses threads: on two cores this halves the CPU spent per exchange outside the pipeline.</li>
     * </ul>
     */
    public enum Dispatch {
        QUEUE, READERS;

        /** The config text ({@code queue}, {@code readers}). */
        public String text() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Kea's three settings with Kea's queue: what a config that names a {@code packet-queue-size} gets. */
    public MultiThreadingParams(boolean enabled, int threadPoolSize, int packetQueueSize) {
        this(enabled, threadPoolSize, packetQueueSize, Dispatch.QUEUE);
    }

    public MultiThreadingParams {
        if (dispatch == null) throw new IllegalArgumentException("dispatch is required");
    }

    /** Without a {@code multi-threading} map: enabled, one worker per core, each reading the socket itself. */
    public static MultiThreadingParams defaults() {
        return new MultiThreadingParams(true, 0, 64, Dispatch.READERS);
    }
}
