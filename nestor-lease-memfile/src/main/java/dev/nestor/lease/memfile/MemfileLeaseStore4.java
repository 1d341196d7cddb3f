package dev.nestor.lease.memfile;

import dev.nestor.common.Bytes;
import dev.nestor.common.net.HwAddress;
import dev.nestor.lease.Lease4;
import dev.nestor.lease.LeaseStore4;
import dev.nestor.lease.LeaseStoreException;
import dev.nestor.lease.StoreContext;
import dev.nestor.lease.SubnetLeaseCounts;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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
 * <p>Concurrency: reads share a read lock. A change of one lease checks its compare-and-set under the write lock,
 * then its row is group-committed with the rows of concurrent changes (one write, one fdatasync) without the
 * lock, and memory changes only once the row is durable, so a failed write ({@link LeaseStoreException}) leaves
 * the store as it was and readers never see a lease the file does not have. Cleanup runs on a background thread
 * and holds the write lock only to rotate the file.
 *
 * <p>File format caveats inherited from Kea: a lease with valid lifetime 0 is written as a deletion row and so
 * does not survive a restart; the hardware type is not stored (read back as Ethernet); user context text is kept
 * verbatim.
 */
public final class MemfileLeaseStore4 implements LeaseStore4 {
    private final LeaseIndex4 index;
    private final LeaseFileBackend<Integer, Lease4> files;

    private MemfileLeaseStore4(LeaseIndex4 index, LeaseFileBackend<Integer, Lease4> files) {
        this.index = index;
        this.files = files;
    }

    /** A store that keeps leases in memory only (persist=false). */
    public static MemfileLeaseStore4 inMemory() {
        return new MemfileLeaseStore4(new LeaseIndex4(), LeaseFileBackend.inMemory(LeaseCsv4.CODEC));
    }

    /**
     * Opens a store from Kea's lease-database parameters, loading the lease file and any LFC leftovers.
     *
     * @throws LeaseStoreException on an invalid parameter, an unreadable file, a cleanup in progress in another
     *                             process, or a file that cannot be opened for writing
     */
    public static MemfileLeaseStore4 open(Map<String, String> params, StoreContext ctx) throws LeaseStoreException {
        LeaseIndex4 index = new LeaseIndex4();
        return new MemfileLeaseStore4(index,
                LeaseFileBackend.open(params, ctx, LeaseCsv4.CODEC, "kea-leases4.csv", index.replay()));
    }

    /** The lease file, or empty for an in-memory store. */
    public Optional<Path> leaseFile() {
        return files.file();
    }

    /**
     * Runs a lease file cleanup now, on the calling thread, and returns when it has finished (see
     * {@link LeaseFileCleanup} for the protocol). Does nothing for an in-memory store, or when another
     * process's cleanup of the same file is running.
     */
    public void compactNow() throws LeaseStoreException {
        files.compactNow();
    }

    // ---- writes --------------------------------------------------------------------------------------------

    @Override
    public boolean add(Lease4 lease) throws LeaseStoreException {
        Objects.requireNonNull(lease, "lease");
        return files.change(lease.address(),
                () -> index.get(lease.address()) != null ? null : List.of(LeaseCsv4.format(lease)),
                () -> index.put(lease));
    }

    @Override
    public boolean replace(Lease4 expected, Lease4 updated) throws LeaseStoreException {
        if (expected.address() != updated.address())
            throw new IllegalArgumentException("replace across addresses: " + expected + " -> " + updated);
        return files.change(expected.address(),
                () -> !expected.equals(index.get(expected.address())) ? null : List.of(LeaseCsv4.format(updated)),
                () -> index.put(updated));
    }

    @Override
    public boolean delete(Lease4 expected) throws LeaseStoreException {
        return files.change(expected.address(),
                () -> !expected.equals(index.get(expected.address())) ? null : List.of(LeaseCsv4.formatDeletion(expected)),
                () -> index.remove(expected.address()));
    }

    @Override
    public int deleteReclaimedExpiredBefore(long expireBefore) throws LeaseStoreException {
        return files.write(() -> removeAll(index.reclaimedBefore(expireBefore)));
    }

    @Override
    public int wipe(long subnetId) throws LeaseStoreException {
        return files.write(() -> removeAll(subnetId == 0 ? index.all() : index.bySubnet(subnetId)));
    }

    /** Deletes several leases with one file write, so a failure removes none of them. */
    private int removeAll(List<Lease4> victims) throws LeaseStoreException {
        if (victims.isEmpty()) return 0;
        files.append(victims.stream().map(LeaseCsv4::formatDeletion).toList());
        for (Lease4 l : victims) index.remove(l.address());
        return victims.size();
    }

    // ---- reads ---------------------------------------------------------------------------------------------

    @Override
    public Optional<Lease4> get(int address) {
        return files.read(() -> Optional.ofNullable(index.get(address)));
    }

    @Override
    public List<Lease4> getByHwAddress(HwAddress hwAddress) {
        return files.read(() -> index.byHwAddress(hwAddress, l -> true));
    }

    @Override
    public List<Lease4> getByHwAddress(HwAddress hwAddress, long subnetId) {
        return files.read(() -> index.byHwAddress(hwAddress, l -> l.subnetId() == subnetId));
    }

    @Override
    public List<Lease4> getByClientId(Bytes clientId) {
        return files.read(() -> index.byClientId(clientId, l -> true));
    }

    @Override
    public List<Lease4> getByClientId(Bytes clientId, long subnetId) {
        return files.read(() -> index.byClientId(clientId, l -> l.subnetId() == subnetId));
    }

    @Override
    public List<Lease4> getByHostname(String hostname) {
        if (hostname.isEmpty()) return List.of();
        return files.read(() -> index.byHostname(hostname));
    }

    @Override
    public List<Lease4> getAll() {
        return files.read(index::all);
    }

    @Override
    public List<Lease4> getBySubnet(long subnetId) {
        return files.read(() -> index.bySubnet(subnetId));
    }

    @Override
    public List<Lease4> getPage(int fromAddressExclusive, int limit) {
        if (limit < 1) throw new IllegalArgumentException("page limit must be at least 1: " + limit);
        return files.read(() -> index.page(fromAddressExclusive, fromAddressExclusive == 0, limit));
    }

    @Override
    public List<Lease4> getExpired(long now, int max) {
        if (max < 0) throw new IllegalArgumentException("negative max: " + max);
        return files.read(() -> index.expired(now, max));
    }

    @Override
    public Map<Long, SubnetLeaseCounts> countBySubnet() {
        return files.read(index::counts);
    }

    // ---- lifecycle -----------------------------------------------------------------------------------------

    @Override
    public void flush() throws LeaseStoreException {
        files.flush();
    }

    @Override
    public void close() {
        files.close();
    }
}
