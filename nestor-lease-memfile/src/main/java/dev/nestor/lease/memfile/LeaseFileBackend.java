package dev.nestor.lease.memfile;

import dev.nestor.lease.LeaseStoreException;
import dev.nestor.lease.StoreContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file half of a memfile store, the same for v4 and v6: the store's read-write lock, Kea's lease-database
 * parameters, loading the lease file and LFC leftovers, appending rows under the sync policy, and lease file
 * cleanup on a background timer. The store keeps the in-memory index and calls {@link #change} (one lease),
 * {@link #write} (many leases) or {@link #read} around every operation.
 *
 * <p>One-lease changes are group-committed: the compare-and-set check runs under the write lock, the row joins the
 * writer's open batch, the lock is released while the batch is written (one write(2), and one fdatasync under
 * {@code nestor-sync=fsync}, for every lease in it), and memory changes under the lock once the row is durable.
 * While a change to an address is in flight, other changes to that address wait, so file order and memory order
 * agree and a failed write leaves the store exactly as it was.
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

    /** Where loading puts what the files say: the surviving lease of each address. */
    interface Replay<K, L> {
        void put(L lease);

        void remove(K key);

        /** Rows of about {@code expected} leases follow (the target may prepare for them). */
        default void beginLoad(int expected) {}

        /** The rows have all been applied. */
        default void endLoad() {}

        /** Leases held now. */
        int size();
    }

    private final LeaseRowCodec<K, L> codec;
    private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
    /** Signalled (under the write lock) when an in-flight change finished or an exclusive operation ended. */
    private final Condition settled = rw.writeLock().newCondition();
    /** Addresses whose change is being written; guarded by the write lock. */
    private final Set<K> inFlight = new HashSet<>();
    /** Exclusive operations waiting for in-flight changes to drain; new changes wait for them. Write lock. */
    private int exclusiveWaiting;
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
     * Opens from Kea's lease-database parameters: replays the LFC leftovers and the lease file row by row into
     * {@code loaded} (a later row for an address replaces or removes the earlier one), opens the file for appending and starts the cleanup timer.
     *
     * @param defaultName the file name in the data directory when {@code name} is not given
     * @throws LeaseStoreException on an invalid parameter, an unreadable file, a cleanup in progress in another
     *                             process, or a file that cannot be opened for writing
     */
    static <K, L> LeaseFileBackend<K, L> open(Map<String, String> params, StoreContext ctx, LeaseRowCodec<K, L> codec,
                                              String defaultName, Replay<K, L> loaded) throws LeaseStoreException {
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
    private boolean load(Replay<K, L> loaded) throws LeaseStoreException {
        long other = cleanup.runningElsewhere();
        if (other != 0)
            throw new LeaseStoreException("unable to load leases from files while the lease file cleanup is in progress"
                    + " (process " + other + ", " + cleanup.pidFile() + ")");
        // rows go straight into the index, which builds its ordered trees once at the end (a million leases load in
        // about two seconds)
        List<Path> files = new ArrayList<>(List.of(cleanup.loadOrder()));
        files.add(file);
        loaded.beginLoad(expectedLeases(files));
        boolean conversion = false;
        for (Path p : files) conversion |= LeaseFileReader.load(p, codec, loaded, maxRowErrors).needsConversion();
        loaded.endLoad();
        try {
            Files.createDirectories(file.getParent());
            writer = LeaseFileWriter.open(file, codec.header(), sync);
        } catch (IOException e) {
            throw new LeaseStoreException("cannot open lease file " + file + " for writing: " + e.getMessage(), e);
        }
        LOG.info("memfile lease store {} opened with {} leases", file, loaded.size());
        return conversion;
    }

    /** About how many leases the files hold: one per 80 bytes of the largest file (a v4 row is 70-100 bytes). */
    private static int expectedLeases(List<Path> files) {
        long largest = 0;
        for (Path p : files) {
            try {
                if (Files.isRegularFile(p)) largest = Math.max(largest, Files.size(p));
            } catch (IOException e) {
                // the load reports it
            }
        }
        return (int) Math.min(largest / 80 + 16, 1 << 26);
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
            awaitNoChangeInFlight();
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

    /**
     * A change of one lease, group-committed. Under the write lock, {@code check} sees the committed index and
     * returns the rows that record the change, or null when its compare-and-set fails (nothing happens, false is
     * returned). The rows are then written with whatever other changes are waiting, without the lock; only once
     * they are durable does {@code apply} change memory, under the lock again. A failed write throws and leaves
     * memory unchanged. Changes to the same key are serialised; changes to other keys share writes.
     */
    boolean change(K key, Supplier<List<String>> check, Runnable apply) throws LeaseStoreException {
        LeaseFileWriter w;
        LeaseFileWriter.Batch batch;
        rw.writeLock().lock();
        try {
            while (!closed && (exclusiveWaiting > 0 || inFlight.contains(key))) settled.awaitUninterruptibly();
            if (closed) throw new LeaseStoreException("lease store is closed");
            List<String> rows = check.get();
            if (rows == null) return false;
            if (writer == null) {
                if (file != null) throw new LeaseStoreException("lease file " + file + " is not open");
                apply.run();
                return true;
            }
            try {
                batch = writer.enqueue(rows);
            } catch (IOException e) {
                throw new LeaseStoreException("cannot write to lease file " + file + ": " + e.getMessage(), e);
            }
            if (batch == null) { // nestor-sync=none: buffered, nothing to wait for
                apply.run();
                return true;
            }
            w = writer;
            inFlight.add(key);
        } finally {
            rw.writeLock().unlock();
        }
        IOException failure = null;
        try {
            w.await(batch);
        } catch (IOException e) {
            failure = e;
        }
        rw.writeLock().lock();
        try {
            inFlight.remove(key);
            if (failure == null) apply.run();
            settled.signalAll();
        } finally {
            rw.writeLock().unlock();
        }
        if (failure != null)
            throw new LeaseStoreException("cannot write to lease file " + file + ": " + failure.getMessage(), failure);
        return true;
    }

    /**
     * Runs {@code op} under the write lock, once no single change is in flight, after checking the store is open:
     * for operations on many leases, which write their rows with {@link #append} before changing memory.
     */
    <T> T write(Write<T> op) throws LeaseStoreException {
        rw.writeLock().lock();
        try {
            awaitNoChangeInFlight();
            if (closed) throw new LeaseStoreException("lease store is closed");
            return op.run();
        } finally {
            rw.writeLock().unlock();
        }
    }

    /** With the write lock held: waits until no change is in flight; new changes wait meanwhile. */
    private void awaitNoChangeInFlight() {
        exclusiveWaiting++;
        try {
            while (!inFlight.isEmpty()) settled.awaitUninterruptibly();
        } finally {
            exclusiveWaiting--;
            // changes that queued behind this operation go on once it releases the lock
            settled.signalAll();
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
            awaitNoChangeInFlight();
            if (closed) return;
            closed = true;
            settled.signalAll();
            if (writer != null) writer.close();
        } catch (IOException e) {
            LOG.error("cannot close lease file {}: {}", file, e.getMessage());
        } finally {
            writer = null;
            rw.writeLock().unlock();
        }
    }
}
