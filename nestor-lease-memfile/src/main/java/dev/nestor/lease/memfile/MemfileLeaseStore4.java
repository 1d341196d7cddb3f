package dev.nestor.lease.memfile;

import dev.nestor.common.Bytes;
import dev.nestor.common.net.HwAddress;
import dev.nestor.lease.Lease4;
import dev.nestor.lease.LeaseStore4;
import dev.nestor.lease.LeaseStoreException;
import dev.nestor.lease.StoreContext;
import dev.nestor.lease.SubnetLeaseCounts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kea's "memfile" lease database for DHCPv4: every lease in memory, every change appended to a CSV lease file
 * that Kea can read (and that Nestor reads from Kea), compacted by lease file cleanup (LFC).
 *
 * <p>Parameters (Kea's {@code lease-database} map, values as strings):
 * <ul>
 *   <li>{@code persist}: {@code "true"} (default) or {@code "false"} (memory only);</li>
 *   <li>{@code name}: lease file; relative names resolve against the data directory; default
 *       {@code <data-directory>/kea-leases4.csv};</li>
 *   <li>{@code lfc-interval}: seconds between cleanups, 0 = never (default 3600). A file in an older schema is
 *       cleaned up once right after opening, as Kea does, so it is rewritten with the current header;</li>
 *   <li>{@code max-row-errors}: give up loading after this many invalid rows, 0 = never (default 0);</li>
 *   <li>{@code nestor-sync} (Nestor's own): when a write call may return. {@code "write"} (default): the row
 *       has been handed to the OS with write(2), so it survives a crash or kill -9 of the server, as in Kea.
 *       {@code "fsync"}: the row has also been fdatasync'ed, so it survives a power loss (costs one disk flush
 *       per change). {@code "none"}: rows are buffered in the process and may be lost if it dies.</li>
 * </ul>
 *
 * <p>Concurrency: reads share a read lock; writes are serialised under the write lock, and the file row is
 * written before memory changes, so a failed write ({@link LeaseStoreException}) leaves the store as it was.
 * Cleanup runs on a background thread and holds the write lock only to rotate the file.
 *
 * <p>File format caveats inherited from Kea: a lease with valid lifetime 0 is written as a deletion row and so
 * does not survive a restart; the hardware type is not stored (read back as Ethernet); user context text is kept
 * verbatim.
 */
public final class MemfileLeaseStore4 implements LeaseStore4 {
    private static final Logger LOG = LoggerFactory.getLogger(MemfileLeaseStore4.class);
    static final long DEFAULT_LFC_INTERVAL = 3600;

    private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
    private final LeaseIndex4 index = new LeaseIndex4();
    /** Null when persist=false. Guarded by the write lock. */
    private LeaseFileWriter writer;
    private final Path file;
    private final SyncPolicy sync;
    private final long maxRowErrors;
    private final LeaseFileCleanup cleanup;
    /** Serialises cleanups (background timer and compactNow). */
    private final Lock cleanupLock = new ReentrantLock();
    private final ScheduledExecutorService timer;
    private boolean closed;

    private MemfileLeaseStore4(Path file, SyncPolicy sync, long maxRowErrors) {
        this.file = file;
        this.sync = sync;
        this.maxRowErrors = maxRowErrors;
        this.cleanup = file == null ? null : new LeaseFileCleanup(file);
        this.timer = file == null ? null : Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "nestor-lfc " + file.getFileName());
            t.setDaemon(true);
            return t;
        });
    }

    /** A store that keeps leases in memory only (persist=false). */
    public static MemfileLeaseStore4 inMemory() {
        return new MemfileLeaseStore4(null, SyncPolicy.NONE, 0);
    }

    /**
     * Opens a store from Kea's lease-database parameters, loading the lease file and any LFC leftovers.
     *
     * @throws LeaseStoreException on an invalid parameter, an unreadable file, a cleanup in progress in another
     *                             process, or a file that cannot be opened for writing
     */
    public static MemfileLeaseStore4 open(Map<String, String> params, StoreContext ctx) throws LeaseStoreException {
        String persist = params.getOrDefault("persist", "true");
        if (persist.equals("false")) return inMemory();
        if (!persist.equals("true")) throw new LeaseStoreException("invalid value 'persist=" + persist + "'");
        String name = params.get("name");
        Path path = name == null || name.isEmpty()
                ? ctx.dataDirectory().resolve("kea-leases4.csv")
                : ctx.dataDirectory().resolve(name);
        long lfcInterval = unsigned(params, "lfc-interval", DEFAULT_LFC_INTERVAL);
        long maxRowErrors = unsigned(params, "max-row-errors", 0);
        SyncPolicy sync = SyncPolicy.parse(params.get("nestor-sync"));

        MemfileLeaseStore4 store = new MemfileLeaseStore4(path.toAbsolutePath(), sync, maxRowErrors);
        try {
            boolean conversion = store.load();
            store.startCleanup(lfcInterval, conversion);
            return store;
        } catch (LeaseStoreException | RuntimeException e) {
            store.close();
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
    private boolean load() throws LeaseStoreException {
        long other = cleanup.runningElsewhere();
        if (other != 0)
            throw new LeaseStoreException("unable to load leases from files while the lease file cleanup is in progress"
                    + " (process " + other + ", " + cleanup.pidFile() + ")");
        Map<Integer, Lease4> leases = new HashMap<>();
        boolean conversion = false;
        for (Path p : cleanup.loadOrder()) conversion |= LeaseFileReader.load(p, leases, maxRowErrors).needsConversion();
        conversion |= LeaseFileReader.load(file, leases, maxRowErrors).needsConversion();
        leases.values().forEach(index::put);
        try {
            Files.createDirectories(file.getParent());
            writer = LeaseFileWriter.open(file, sync);
        } catch (IOException e) {
            throw new LeaseStoreException("cannot open lease file " + file + " for writing: " + e.getMessage(), e);
        }
        LOG.info("memfile lease store {} opened with {} leases", file, index.size());
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

    /** The lease file, or empty for an in-memory store. */
    public Optional<Path> leaseFile() {
        return Optional.ofNullable(file);
    }

    /**
     * Runs a lease file cleanup now, on the calling thread, and returns when it has finished (see
     * {@link LeaseFileCleanup} for the protocol). Does nothing for an in-memory store, or when another
     * process's cleanup of the same file is running.
     */
    public void compactNow() throws LeaseStoreException {
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
                writer = LeaseFileWriter.open(file, sync);
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

    // ---- writes --------------------------------------------------------------------------------------------

    @Override
    public boolean add(Lease4 lease) throws LeaseStoreException {
        Objects.requireNonNull(lease, "lease");
        rw.writeLock().lock();
        try {
            checkOpen();
            if (index.get(lease.address()) != null) return false;
            persist(List.of(LeaseCsv4.format(lease)));
            index.put(lease);
            return true;
        } finally {
            rw.writeLock().unlock();
        }
    }

    @Override
    public boolean replace(Lease4 expected, Lease4 updated) throws LeaseStoreException {
        if (expected.address() != updated.address())
            throw new IllegalArgumentException("replace across addresses: " + expected + " -> " + updated);
        rw.writeLock().lock();
        try {
            checkOpen();
            if (!expected.equals(index.get(expected.address()))) return false;
            persist(List.of(LeaseCsv4.format(updated)));
            index.put(updated);
            return true;
        } finally {
            rw.writeLock().unlock();
        }
    }

    @Override
    public boolean delete(Lease4 expected) throws LeaseStoreException {
        rw.writeLock().lock();
        try {
            checkOpen();
            if (!expected.equals(index.get(expected.address()))) return false;
            persist(List.of(LeaseCsv4.formatDeletion(expected)));
            index.remove(expected.address());
            return true;
        } finally {
            rw.writeLock().unlock();
        }
    }

    @Override
    public int deleteReclaimedExpiredBefore(long expireBefore) throws LeaseStoreException {
        rw.writeLock().lock();
        try {
            checkOpen();
            return removeAll(index.reclaimedBefore(expireBefore));
        } finally {
            rw.writeLock().unlock();
        }
    }

    @Override
    public int wipe(long subnetId) throws LeaseStoreException {
        rw.writeLock().lock();
        try {
            checkOpen();
            return removeAll(subnetId == 0 ? index.all() : index.bySubnet(subnetId));
        } finally {
            rw.writeLock().unlock();
        }
    }

    /** Deletes several leases with one file write, so a failure removes none of them. */
    private int removeAll(List<Lease4> victims) throws LeaseStoreException {
        if (victims.isEmpty()) return 0;
        persist(victims.stream().map(LeaseCsv4::formatDeletion).toList());
        for (Lease4 l : victims) index.remove(l.address());
        return victims.size();
    }

    private void persist(List<String> rows) throws LeaseStoreException {
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

    private void checkOpen() throws LeaseStoreException {
        if (closed) throw new LeaseStoreException("lease store is closed");
    }

    // ---- reads ---------------------------------------------------------------------------------------------

    @Override
    public Optional<Lease4> get(int address) {
        rw.readLock().lock();
        try {
            return Optional.ofNullable(index.get(address));
        } finally {
            rw.readLock().unlock();
        }
    }

    @Override
    public List<Lease4> getByHwAddress(HwAddress hwAddress) {
        rw.readLock().lock();
        try {
            return index.byHwAddress(hwAddress, l -> true);
        } finally {
            rw.readLock().unlock();
        }
    }

    @Override
    public List<Lease4> getByHwAddress(HwAddress hwAddress, long subnetId) {
        rw.readLock().lock();
        try {
            return index.byHwAddress(hwAddress, l -> l.subnetId() == subnetId);
        } finally {
            rw.readLock().unlock();
        }
    }

    @Override
    public List<Lease4> getByClientId(Bytes clientId) {
        rw.readLock().lock();
        try {
            return index.byClientId(clientId, l -> true);
        } finally {
            rw.readLock().unlock();
        }
    }

    @Override
    public List<Lease4> getByClientId(Bytes clientId, long subnetId) {
        rw.readLock().lock();
        try {
            return index.byClientId(clientId, l -> l.subnetId() == subnetId);
        } finally {
            rw.readLock().unlock();
        }
    }

    @Override
    public List<Lease4> getByHostname(String hostname) {
        if (hostname.isEmpty()) return List.of();
        rw.readLock().lock();
        try {
            return index.byHostname(hostname);
        } finally {
            rw.readLock().unlock();
        }
    }

    @Override
    public List<Lease4> getAll() {
        rw.readLock().lock();
        try {
            return index.all();
        } finally {
            rw.readLock().unlock();
        }
    }

    @Override
    public List<Lease4> getBySubnet(long subnetId) {
        rw.readLock().lock();
        try {
            return index.bySubnet(subnetId);
        } finally {
            rw.readLock().unlock();
        }
    }

    @Override
    public List<Lease4> getPage(int fromAddressExclusive, int limit) {
        if (limit < 1) throw new IllegalArgumentException("page limit must be at least 1: " + limit);
        rw.readLock().lock();
        try {
            return index.page(fromAddressExclusive, fromAddressExclusive == 0, limit);
        } finally {
            rw.readLock().unlock();
        }
    }

    @Override
    public List<Lease4> getExpired(long now, int max) {
        if (max < 0) throw new IllegalArgumentException("negative max: " + max);
        rw.readLock().lock();
        try {
            return index.expired(now, max);
        } finally {
            rw.readLock().unlock();
        }
    }

    @Override
    public Map<Long, SubnetLeaseCounts> countBySubnet() {
        rw.readLock().lock();
        try {
            return index.counts();
        } finally {
            rw.readLock().unlock();
        }
    }

    // ---- lifecycle -----------------------------------------------------------------------------------------

    @Override
    public void flush() throws LeaseStoreException {
        rw.writeLock().lock();
        try {
            checkOpen();
            if (writer != null) writer.flush();
        } catch (IOException e) {
            throw new LeaseStoreException("cannot flush lease file " + file + ": " + e.getMessage(), e);
        } finally {
            rw.writeLock().unlock();
        }
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
