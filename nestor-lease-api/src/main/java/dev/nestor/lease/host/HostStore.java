package dev.nestor.lease.host;

import dev.nestor.common.Bytes;
import dev.nestor.lease.LeaseStoreException;
import java.util.List;
import java.util.Optional;

/**
 * Host reservations in a database ({@code hosts-database}), the narrow part of Kea's {@code BaseHostDataSource}
 * a server and host_cmds need. Every query names the protocol: a DHCPv4 query sees only hosts with a DHCPv4 subnet
 * id, a DHCPv6 query only those with a DHCPv6 one. Subnet id 0 means the global reservations. The store keeps what
 * it is given and never decides (duplicate checks beyond the database's unique keys are the caller's).
 *
 * <p>Every lookup the packet path makes ({@link #get}, {@link #getByAddress}) uses an index; the listing
 * operations are for commands. Reads may throw an unchecked exception when the database fails; writes throw
 * {@link LeaseStoreException}. Implementations are thread-safe.
 */
public interface HostStore extends AutoCloseable {

    /** Which protocol's part of a host a call is about. */
    enum Family { V4, V6 }

    /** The client's reservation in a subnet (0 = global), by one identifier. */
    Optional<Host> get(Family family, long subnetId, HostIdentifierType type, Bytes identifier);

    /**
     * The hosts of a subnet reserving an address: a 4-byte IPv4 address for {@link Family#V4}; a 16-byte address for
     * {@link Family#V6}, matching reserved addresses and prefixes starting there. More than one when the database
     * holds non-unique reservations ({@code ip-reservations-unique false}).
     */
    List<Host> getByAddress(Family family, long subnetId, Bytes address);

    /** Every host with this identifier, in all subnets of both protocols. */
    List<Host> getByIdentifier(HostIdentifierType type, Bytes identifier);

    /** Every host of a subnet (0 = global). */
    List<Host> getAll(Family family, long subnetId);

    /**
     * A page in {@code host_id} order: hosts with an id above {@code afterHostId}, at most {@code limit}, in one
     * subnet or (subnetId null) all of this protocol's.
     */
    List<Host> getPage(Family family, Long subnetId, long afterHostId, int limit);

    /** Hosts with this hostname (case-insensitive), in one subnet or (subnetId null) any. */
    List<Host> getByHostname(Family family, String hostname, Long subnetId);

    /**
     * Stores a new host with its reservations and options (one transaction).
     *
     * @return the host as stored, with its {@code hostId}
     * @throws LeaseStoreException when the store is read-only, the identifier is already reserved in that subnet,
     *                             or the database fails
     */
    Host add(Host host) throws LeaseStoreException;

    /**
     * Kea's update (host_cmds {@code reservation-update}): the host with {@code host}'s identifier in its subnet (the
     * DHCPv4 subnet when set, otherwise the DHCPv6 one) is replaced by {@code host}, as a delete and an add in one
     * transaction, so a failing add (a duplicate, the database gone) leaves the old host in place.
     *
     * @return the host as stored, with its new {@code hostId}; empty when there is no such host (nothing changed)
     * @throws LeaseStoreException when the store is read-only, the new host clashes with another, or the database fails
     */
    Optional<Host> update(Host host) throws LeaseStoreException;

    /** Deletes the hosts of a subnet reserving {@code address} (as in {@link #getByAddress}); false when none. */
    boolean delete(Family family, long subnetId, Bytes address) throws LeaseStoreException;

    /** Deletes the host of a subnet with this identifier; false when none. */
    boolean delete(Family family, long subnetId, HostIdentifierType type, Bytes identifier) throws LeaseStoreException;

    /** Whether the database was opened {@code readonly}: then {@link #add} and delete refuse. */
    boolean readonly();

    /** A short description for logs, e.g. {@code postgresql hosts kea@127.0.0.1:5432}. */
    String describe();

    /** Releases connections. Idempotent. */
    @Override
    void close();
}
