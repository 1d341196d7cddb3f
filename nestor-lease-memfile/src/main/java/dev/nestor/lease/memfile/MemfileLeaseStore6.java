package dev.nestor.lease.memfile;

import dev.nestor.common.Bytes;
import dev.nestor.lease.Lease6;
import dev.nestor.lease.LeaseStore6;
import dev.nestor.lease.LeaseStoreException;
import dev.nestor.lease.LeaseType6;
import dev.nestor.lease.StoreContext;
import dev.nestor.lease.SubnetLeaseCounts6;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Kea's "memfile" lease database for DHCPv6: every lease in memory, every change appended to a CSV lease file in
 * Kea's v6 format ({@link LeaseCsv6}), compacted by the same lease file cleanup as v4 (run by Kea with
 * {@code kea-lfc -6}).
 *
 * <p>Parameters are those of {@link MemfileLeaseStore4} ({@code persist}, {@code name}, {@code lfc-interval},
 * {@code max-row-errors}, {@code nestor-sync}); the default file is {@code <data-directory>/kea-leases6.csv}.
 *
 * <p>As in Kea, one address holds one lease whatever its type, and a lease other than a declined one must have a
 * DUID: Kea cannot write such a lease to its file, so {@link #add} and {@link #replace} refuse it with a
 * {@link LeaseStoreException}.
 *
 * <p>File format caveats inherited from Kea: a lease with valid lifetime 0 is written as a deletion row and so
 * does not survive a restart; the hardware address source is not kept (written as 0, unknown); user context text
 * is kept verbatim.
 */
public final class MemfileLeaseStore6 implements LeaseStore6 {
    private static final Bytes ZERO = Bytes.of(new byte[16]);

    private final LeaseIndex6 index;
    private final LeaseFileBackend<Bytes, Lease6> files;

    private MemfileLeaseStore6(LeaseIndex6 index, LeaseFileBackend<Bytes, Lease6> files) {
        this.index = index;
        this.files = files;
    }

    /** A store that keeps leases in memory only (persist=false). */
    public static MemfileLeaseStore6 inMemory() {
        return new MemfileLeaseStore6(new LeaseIndex6(), LeaseFileBackend.inMemory(LeaseCsv6.CODEC));
    }

    /**
     * Opens a store from Kea's lease-database parameters, loading the lease file and any LFC leftovers.
     *
     * @throws LeaseStoreException on an invalid parameter, an unreadable file, a cleanup in progress in another
     *                             process, or a file that cannot be opened for writing
     */
    public static MemfileLeaseStore6 open(Map<String, String> params, StoreContext ctx) throws LeaseStoreException {
        LeaseIndex6 index = new LeaseIndex6();
        return new MemfileLeaseStore6(index,
                LeaseFileBackend.open(params, ctx, LeaseCsv6.CODEC, "kea-leases6.csv", index.replay()));
    }

    /** The lease file, or empty for an in-memory store. */
    public Optional<Path> leaseFile() {
        return files.file();
    }

    /** Runs a lease file cleanup now, on the calling thread (see {@link MemfileLeaseStore4#compactNow()}). */
    public void compactNow() throws LeaseStoreException {
        files.compactNow();
    }

    // ---- writes --------------------------------------------------------------------------------------------

    @Override
    public boolean add(Lease6 lease) throws LeaseStoreException {
        Objects.requireNonNull(lease, "lease");
        checkWritable(lease);
        return files.change(lease.address(),
                () -> index.get(lease.address()) != null ? null : List.of(LeaseCsv6.format(lease)),
                () -> index.put(lease));
    }

    @Override
    public boolean replace(Lease6 expected, Lease6 updated) throws LeaseStoreException {
        if (!expected.address().equals(updated.address()) || expected.type() != updated.type())
            throw new IllegalArgumentException("replace across addresses or types: " + expected + " -> " + updated);
        checkWritable(updated);
        return files.change(expected.address(),
                () -> !expected.equals(index.get(expected.address())) ? null : List.of(LeaseCsv6.format(updated)),
                () -> index.put(updated));
    }

    @Override
    public boolean delete(Lease6 expected) throws LeaseStoreException {
        return files.change(expected.address(),
                () -> !expected.equals(index.get(expected.address())) ? null : List.of(LeaseCsv6.formatDeletion(expected)),
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
    private int removeAll(List<Lease6> victims) throws LeaseStoreException {
        if (victims.isEmpty()) return 0;
        files.append(victims.stream().map(LeaseCsv6::formatDeletion).toList());
        for (Lease6 l : victims) index.remove(l.address());
        return victims.size();
    }

    private static void checkWritable(Lease6 lease) throws LeaseStoreException {
        if (LeaseCsv6.lacksDuid(lease))
            throw new LeaseStoreException("Lease6: " + lease.addressText() + ", state: " + lease.state()
                    + ", has no DUID (only a declined lease may have the empty DUID)");
    }

    // ---- reads ---------------------------------------------------------------------------------------------

    @Override
    public Optional<Lease6> get(LeaseType6 type, Bytes address) {
        Objects.requireNonNull(type, "type");
        return files.read(() -> Optional.ofNullable(index.get(type, address)));
    }

    @Override
    public List<Lease6> getByDuidIaid(Bytes duid, long iaid, LeaseType6 type) {
        return files.read(() -> index.byDuid(duid, l -> l.iaid() == iaid && l.type() == type));
    }

    @Override
    public List<Lease6> getByDuidIaid(Bytes duid, long iaid, LeaseType6 type, long subnetId) {
        return files.read(() -> index.byDuid(duid, l -> l.iaid() == iaid && l.type() == type && l.subnetId() == subnetId));
    }

    @Override
    public List<Lease6> getByDuid(Bytes duid) {
        return files.read(() -> index.byDuid(duid, l -> true));
    }

    @Override
    public List<Lease6> getByHostname(String hostname) {
        if (hostname.isEmpty()) return List.of();
        return files.read(() -> index.byHostname(hostname));
    }

    @Override
    public List<Lease6> getAll() {
        return files.read(index::all);
    }

    @Override
    public List<Lease6> getBySubnet(long subnetId) {
        return files.read(() -> index.bySubnet(subnetId));
    }

    @Override
    public List<Lease6> getPage(Bytes fromExclusive, int limit) {
        if (fromExclusive.length() != 16) throw new IllegalArgumentException("not an IPv6 address: " + fromExclusive);
        if (limit < 1) throw new IllegalArgumentException("page limit must be at least 1: " + limit);
        return files.read(() -> index.page(fromExclusive, fromExclusive.equals(ZERO), limit));
    }

    @Override
    public List<Lease6> getExpired(long now, int max) {
        if (max < 0) throw new IllegalArgumentException("negative max: " + max);
        return files.read(() -> index.expired(now, max));
    }

    @Override
    public Map<Long, SubnetLeaseCounts6> countBySubnet() {
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
