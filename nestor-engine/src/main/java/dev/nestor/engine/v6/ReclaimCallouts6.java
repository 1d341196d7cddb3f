package dev.nestor.engine.v6;

import dev.nestor.lease.Lease6;

import java.util.Optional;

/** Hook libraries' say in DHCPv6 reclamation (Kea's lease6_expire and lease6_recover); the server implements it. */
public interface ReclaimCallouts6 {
    /** No callouts. */
    ReclaimCallouts6 NONE = new ReclaimCallouts6() {};

    /**
     * lease6_expire. {@return the lease to reclaim (possibly changed), or empty when a callout reclaimed it itself}
     * @param remove whether reclaimed leases are deleted rather than kept
     */
    default Optional<Lease6> expire(Lease6 lease, boolean remove) { return Optional.of(lease); }

    /** lease6_recover, for a declined address whose probation ended. {@return false to leave it declined} */
    default boolean recover(Lease6 lease) { return true; }
}
