package dev.nestor.lease;

import dev.nestor.common.Bytes;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Storage for DHCPv6 leases: the same contract as {@link LeaseStore4}. It stores and never decides; writes are
 * atomic primitives and an update names the lease it expects to replace (compare-and-set on
 * {@link Lease6#equals}). A {@code false} result means someone else changed the lease first: re-read and decide
 * again.
 *
 * <p>A lease is identified by (address, type), but as in every Kea backend (memfile storage, the SQL primary
 * key) one address holds at most one lease of any type: {@link #add} refuses an address that already has a lease
 * of another type, and {@link #get} returns nothing when the stored lease has another type.
 *
 * <p>Implementations are thread-safe. Reads return snapshots; lists are immutable. Lookup results are in
 * ascending address order (unsigned bytes) unless stated otherwise.
 *
 * <p>A write that throws {@link LeaseStoreException} has not happened: the stored state is unchanged and the
 * caller must not acknowledge the lease to the client.
 */
public interface LeaseStore6 extends AutoCloseable {

    /**
     * Inserts a lease if no lease exists for its address (of any type, in any state).
     *
     * @return {@code true} if inserted (and durable to the store's sync policy), {@code false} if a lease for the
     * address already exists
     */
    boolean add(Lease6 lease) throws LeaseStoreException;

    /**
     * Compare-and-set: replaces the stored lease for {@code updated}'s address and type with {@code updated}, only
     * if the stored lease equals {@code expected}.
     *
     * @return {@code false} if no such lease is stored or it differs from {@code expected}
     * @throws IllegalArgumentException if {@code expected} and {@code updated} differ in address or type
     */
    boolean replace(Lease6 expected, Lease6 updated) throws LeaseStoreException;

    /**
     * Removes the lease for {@code expected}'s address and type only if the stored lease equals {@code expected}.
     *
     * @return {@code false} if there is no such lease or it differs
     */
    boolean delete(Lease6 expected) throws LeaseStoreException;

    /** The lease of this type for this address (or PD prefix); empty if none, or if the stored one has another type. */
    Optional<Lease6> get(LeaseType6 type, Bytes address);

    /** The leases of one identity association of a client, in any subnet. */
    List<Lease6> getByDuidIaid(Bytes duid, long iaid, LeaseType6 type);

    List<Lease6> getByDuidIaid(Bytes duid, long iaid, LeaseType6 type, long subnetId);

    /** All leases of a client, of every type and IA, in any subnet. */
    List<Lease6> getByDuid(Bytes duid);

    /** Leases whose host name equals {@code hostname} exactly (case-sensitive, as stored). */
    List<Lease6> getByHostname(String hostname);

    List<Lease6> getAll();

    List<Lease6> getBySubnet(long subnetId);

    /**
     * One page of leases (all types) in ascending address order, for paging through a large store
     * ({@code lease6-get-page}).
     *
     * @param fromExclusive leases with addresses strictly greater than this 16-byte address; as an exception,
     *                      {@code ::} (all zero) starts at the very beginning and includes {@code ::}. To get the
     *                      next page, pass the address of the last lease of the previous page.
     * @param limit         maximum number of leases, at least 1
     */
    List<Lease6> getPage(Bytes fromExclusive, int limit);

    /**
     * Leases in state {@link LeaseState#DEFAULT}, {@link LeaseState#DECLINED} (probation over) or
     * {@link LeaseState#REGISTERED} whose {@link Lease6#expire()} is before {@code now}, oldest expiry first (ties by
     * address); infinite leases are never returned.
     *
     * @param max maximum number returned; 0 means no limit
     */
    List<Lease6> getExpired(long now, int max);

    /**
     * Removes {@link LeaseState#EXPIRED_RECLAIMED} leases whose {@link Lease6#expire()} is before
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

    /** Per-subnet counts of assigned and declined addresses and assigned prefixes; subnets with none may be absent. */
    Map<Long, SubnetLeaseCounts6> countBySubnet();

    /** Forces everything written so far to stable storage, whatever the sync policy. */
    void flush() throws LeaseStoreException;

    /** Flushes and releases files, connections and threads. Idempotent. */
    @Override
    void close();
}
