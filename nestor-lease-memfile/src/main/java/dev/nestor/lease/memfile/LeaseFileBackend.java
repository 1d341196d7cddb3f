package dev.nestor.lease.memfile;

import dev.nestor.lease.LeaseStoreException;
import dev.nestor.lease.StoreContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file half of a memfile store, the same for v4 and v6: the store's read-write lock, Kea's lease-database
 * parameters, loading the lease file and LFC leftovers, appending rows under the sync policy, and lease file
 * cleanup on a background timer. The store keeps the in-memory index and calls {@link #write} / {@link #read}
 * around every operation.
 *
 * <p>Parameters (Kea's {@code lease-database} map, values as strings): {@code persist}, {@code name},
 * {@code lfc-interval}, {@code max-row-errors}, and Nestor's {@code nestor-sync}; see {@link MemfileLeaseStore4}.
 *
 * @param <K> the lease key (address)
 * @param <L> the lease type
 */
final class LeaseFileBackend<K, L> implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LeaseFileBackend.class);
    static final long DEFAULT_LFC_INTERVAL = 3600;

    /** A write operation run under the write lock. */
    @FunctionalInterface
    interface Write<T> {
        T run() throws LeaseStoreException;
    }

    private final LeaseRowCodec<K, L> codec;
    private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
    /** Null when persist=false. Guarded by the write lock. */
    private LeaseFileWriter writer;
    private final Path file;
    private final SyncPolicy sync;
    private final long maxRowErrors;
    private final LeaseFileCleanup<K, L> cleanup;
    /** Serialises cleanups (background timer and compactNow). */
    private final Lock cleanupLock = new ReentrantLock();
    private final ScheduledExecutorService timer;
    private boolean closed;

    private LeaseFileBackend(LeaseRowCodec<K, L> codec, Path file, SyncPolicy sync, long maxRowErrors) {
        this.codec = codec;
        this.file = file;
        this.sync = sync;
        this.maxRowErrors = maxRowErrors;
        this.cleanup = file == null ? null : new LeaseFileCleanup<>(file, codec);
        this.timer = file == null ? null : Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "nestor-lfc " + file.getFileName());
            t.setDaemon(true);
            return t;
        });
    }

    /** No file: leases live in memory only (persist=false). */
    static <K, L> LeaseFileBackend<K, L> inMemory(LeaseRowCodec<K, L> codec) {
        return new LeaseFileBackend<>(codec, null, SyncPolicy.NONE, 0);
    }

    /**
     * Opens from Kea's lease-database parameters: replays the LFC leftovers and the lease file, handing every
     * surviving lease to {@code loaded}, opens the file for appending and starts the cleanup timer.
     *
     * @param defaultName the file name in the data directory when {@code name} is not given
     * @throws LeaseStoreException on an invalid parameter, an unreadable file, a cleanup in progress in another
     *                             process, or a file that cannot be opened for writing
     */
    static <K, L> LeaseFileBackend<K, L> open(Map<String, String> params, StoreContext ctx, LeaseRowCodec<K, L> codec,
                                              String defaultName, Consumer<L> loaded) throws LeaseStoreException {
        String persist = params.getOrDefault("persist", "true");
        if (persist.equals("false")) return inMemory(codec);
        if (!persist.equals("true")) throw new LeaseStoreException("invalid value 'persist=" + persist + "'");
        String name = params.get("name");
        Path path = name == null || name.isEmpty()
                ? ctx.dataDirectory().resolve(defaultName)
                : ctx.dataDirectory().resolve(name);
        long lfcInterval = unsigned(params, "lfc-interval", DEFAULT_LFC_INTERVAL);
        long maxRowErrors = unsigned(params, "max-row-errors", 0);
        SyncPolicy sync = SyncPolicy.parse(params.get("nestor-sync"));

        LeaseFileBackend<K, L> backend = new LeaseFileBackend<>(codec, path.toAbsolutePath(), sync, maxRowErrors);
        try {
            boolean conversion = backend.load(loaded);
            backend.startCleanup(lfcInterval, conversion);
            return backend;
        } catch (LeaseStoreException | RuntimeException e) {
            backend.close();
            throw e;
        }
    }

    private static long unsigned(Map<String, String> params, String key, long dflt) throws LeaseStoreException {
        String v = params.get(key);
        if (v == null) return dflt;
        try {
            long n = Long.parseLong(v.trim());
            if (n < 0 || n > 0xFFFFFFFFL) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new LeaseStoreException("invalid value of the " + key + " " + v + " specified");
        }
    }

    /** Replays LFC leftovers then the lease file (Kea's loadLeasesFromFiles); returns whether conversion is due. */
    private boolean load(Consumer<L> loaded) throws LeaseStoreException {
        long other = cleanup.runningElsewhere();
        if (other != 0)
            throw new LeaseStoreException("unable to load leases from files while the lease file cleanup is in progress"
                    + " (process " + other + ", " + cleanup.pidFile() + ")");
        Map<K, L> leases = new HashMap<>();
        boolean conversion = false;
        for (Path p : cleanup.loadOrder()) conversion |= LeaseFileReader.load(p, codec, leases, maxRowErrors).needsConversion();
        conversion |= LeaseFileReader.load(file, codec, leases, maxRowErrors).needsConversion();
        leases.values().forEach(loaded);
        try {
            Files.createDirectories(file.getParent());
            writer = LeaseFileWriter.open(file, codec.header(), sync);
        } catch (IOException e) {
            throw new LeaseStoreException("cannot open lease file " + file + " for writing: " + e.getMessage(), e);
        }
        LOG.info("memfile lease store {} opened with {} leases", file, leases.size());
        return conversion;
    }

    private void startCleanup(long interval, boolean runNow) {
        if (runNow) timer.execute(this::cleanupInBackground);
        if (interval > 0) timer.scheduleWithFixedDelay(this::cleanupInBackground, interval, interval, TimeUnit.SECONDS);
    }

    private void cleanupInBackground() {
        try {
            compactNow();
        } catch (LeaseStoreException | RuntimeException e) {
            LOG.error("lease file cleanup failed: {}", e.getMessage(), e);
        }
    }

    /** The lease file, or empty in memory. */
    Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** Runs one cleanup on the calling thread; nothing in memory or while another process's cleanup runs. */
    void compactNow() throws LeaseStoreException {
        if (cleanup == null) return;
        cleanupLock.lock();
        try {
            cleanup.run(this::rotate, maxRowErrors);
        } finally {
            cleanupLock.unlock();
        }
    }

    /** LFC step 1: the current file becomes {@code input}, a new current file is started. */
    private void rotate(Path input) throws IOException {
        rw.writeLock().lock();
        try {
            if (closed) throw new IOException("store is closed");
            IOException failure = null;
            try {
                writer.close();
                Files.move(file, input, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                failure = e;
            }
            // as Kea: reopen whatever is at the name now, the new empty file or the old one if the move failed;
            // if even that fails, writes fail loudly (writer == null) instead of being lost
            writer = null;
            try {
                writer = LeaseFileWriter.open(file, codec.header(), sync);
            } catch (IOException e) {
                if (failure != null) e.addSuppressed(failure);
                throw e;
            }
            if (failure != null) throw failure;
            if (sync == SyncPolicy.FSYNC) LeaseFileWriter.forceDirectory(file);
        } finally {
            rw.writeLock().unlock();
        }
    }

    // ---- locking -------------------------------------------------------------------------------------------

    /** Runs {@code op} under the write lock, after checking the store is open. */
    <T> T write(Write<T> op) throws LeaseStoreException {
        rw.writeLock().lock();
        try {
            if (closed) throw new LeaseStoreException("lease store is closed");
            return op.run();
        } finally {
            rw.writeLock().unlock();
        }
    }

    /** Runs {@code op} under the read lock. */
    <T> T read(Supplier<T> op) {
        rw.readLock().lock();
        try {
            return op.get();
        } finally {
            rw.readLock().unlock();
        }
    }

    /**
     * Appends rows as one write, durable to the sync policy; call only inside {@link #write}, before changing
     * memory, so that a failure leaves the store as it was. Does nothing in memory.
     */
    void append(List<String> rows) throws LeaseStoreException {
        if (writer == null) {
            if (file == null) return;
            throw new LeaseStoreException("lease file " + file + " is not open");
        }
        try {
            writer.append(rows);
        } catch (IOException e) {
            throw new LeaseStoreException("cannot write to lease file " + file + ": " + e.getMessage(), e);
        }
    }

    // ---- lifecycle -----------------------------------------------------------------------------------------

    void flush() throws LeaseStoreException {
        write(() -> {
            try {
                if (writer != null) writer.flush();
                return null;
            } catch (IOException e) {
                throw new LeaseStoreException("cannot flush lease file " + file + ": " + e.getMessage(), e);
            }
        });
    }

    @Override
    public void close() {
        if (timer != null) {
            // let a running cleanup finish rather than interrupt it mid-rename; periodic runs are cancelled
            timer.shutdown();
            try {
                if (!timer.awaitTermination(2, TimeUnit.MINUTES)) LOG.warn("lease file cleanup still running at close");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        rw.writeLock().lock();
        try {
            if (closed) return;
            closed = true;
            if (writer != null) writer.close();
        } catch (IOException e) {
            LOG.error("cannot close lease file {}: {}", file, e.getMessage());
        } finally {
            writer = null;
            rw.writeLock().unlock();
        }
    }
}
