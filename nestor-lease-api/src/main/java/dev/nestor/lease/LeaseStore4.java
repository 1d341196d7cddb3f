package dev.nestor.lease;

import dev.nestor.common.Bytes;
import dev.nestor.common.net.HwAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Storage for DHCPv4 leases. It stores and never decides: allocation, expiry policy and reclamation live in the
 * engine. Several servers may share one store (SQL, HA), so there is no check-then-act: writes are atomic
 * primitives keyed by address, and an update names the lease it expects to replace (compare-and-set on
 * {@link Lease4#equals}). A {@code false} result means someone else changed the lease first: re-read and decide
 * again.
 *
 * <p>Implementations are thread-safe. Reads return snapshots; lists are immutable. Lookup results are in
 * ascending unsigned address order unless stated otherwise.
 *
 * <p>A write that throws {@link LeaseStoreException} has not happened: the stored state is unchanged and the
 * caller must not acknowledge the lease to the client.
 */
public interface LeaseStore4 extends AutoCloseable {

    /**
     * Inserts a lease if no lease exists for its address (in any state).
     *
     * @return {@code true} if inserted (and durable to the store's sync policy), {@code false} if a lease for the
     * address already exists
     */
    boolean add(Lease4 lease) throws LeaseStoreException;

    /**
     * Compare-and-set: replaces the stored lease for {@code updated.address()} with {@code updated}, only if the
     * stored lease equals {@code expected}.
     *
     * @return {@code false} if no lease is stored for the address or it differs from {@code expected}
     * @throws IllegalArgumentException if {@code expected} and {@code updated} have different addresses
     */
    boolean replace(Lease4 expected, Lease4 updated) throws LeaseStoreException;

    /**
     * Removes the lease for {@code expected.address()} only if the stored lease equals {@code expected}.
     *
     * @return {@code false} if there is no such lease or it differs
     */
    boolean delete(Lease4 expected) throws LeaseStoreException;

    Optional<Lease4> get(int address);

    /** All leases with this hardware address (htype and bytes), in any subnet. */
    List<Lease4> getByHwAddress(HwAddress hwAddress);

    List<Lease4> getByHwAddress(HwAddress hwAddress, long subnetId);

    List<Lease4> getByClientId(Bytes clientId);

    List<Lease4> getByClientId(Bytes clientId, long subnetId);

    /**
     * A client's leases in one subnet: those with this client identifier and those with this hardware address
     * (htype and bytes), each lease once, in ascending address order; either key may be {@code null}. The same
     * rows as {@link #getByClientId(Bytes, long)} and {@link #getByHwAddress(HwAddress, long)} together; SQL
     * stores answer it in one round trip.
     */
    default List<Lease4> getByClient(Bytes clientId, HwAddress hwAddress, long subnetId) {
        TreeMap<Integer, Lease4> found = new TreeMap<>(Integer::compareUnsigned);
        if (clientId != null) for (Lease4 l : getByClientId(clientId, subnetId)) found.put(l.address(), l);
        if (hwAddress != null && hwAddress.length() > 0)
            for (Lease4 l : getByHwAddress(hwAddress, subnetId)) found.putIfAbsent(l.address(), l);
        return List.copyOf(found.values());
    }

    /** Leases whose host name equals {@code hostname} exactly (case-sensitive, as stored). */
    List<Lease4> getByHostname(String hostname);

    List<Lease4> getAll();

    List<Lease4> getBySubnet(long subnetId);

    /**
     * One page of leases in ascending unsigned address order, for paging through a large store
     * ({@code lease4-get-page}).
     *
     * @param fromAddressExclusive leases with addresses strictly greater (unsigned) than this; as an exception,
     *                             {@code 0} (0.0.0.0) starts at the very beginning and includes address 0. To get the
     *                             next page, pass the address of the last lease of the previous page.
     * @param limit                maximum number of leases, at least 1
     */
    List<Lease4> getPage(int fromAddressExclusive, int limit);

    /**
     * Leases in state {@link LeaseState#DEFAULT} or {@link LeaseState#DECLINED} (probation over) whose
     * {@link Lease4#expire()} is before {@code now}, oldest expiry
     * first (ties by address); infinite leases are never returned.
     *
     * @param max maximum number returned; 0 means no limit
     */
    List<Lease4> getExpired(long now, int max);

    /**
     * Removes {@link LeaseState#EXPIRED_RECLAIMED} leases whose {@link Lease4#expire()} is before
     * {@code expireBefore} (Kea's flush of reclaimed leases).
     *
     * @return the number removed
     */
    int deleteReclaimedExpiredBefore(long expireBefore) throws LeaseStoreException;

    /**
     * Removes all leases of a subnet, or all leases when {@code subnetId} is 0.
     *
     * @return the number removed
     */
    int wipe(long subnetId) throws LeaseStoreException;

    /** Per-subnet counts of assigned and declined leases; subnets with no such leases may be absent. */
    Map<Long, SubnetLeaseCounts> countBySubnet();

    /** Forces everything written so far to stable storage, whatever the sync policy. */
    void flush() throws LeaseStoreException;

    /** Flushes and releases files, connections and threads. Idempotent. */
    @Override
    void close();
}
