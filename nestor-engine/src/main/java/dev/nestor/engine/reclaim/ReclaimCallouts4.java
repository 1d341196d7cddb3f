package dev.nestor.engine.reclaim;

import dev.nestor.lease.Lease4;

import java.util.Optional;

/** Hook libraries' say in reclamation (Kea's lease4_expire and lease4_recover); the server implements it. */
public interface ReclaimCallouts4 {
    /** No callouts. */
    ReclaimCallouts4 NONE = new ReclaimCallouts4() {};

    /**
     * lease4_expire. {@return the lease to reclaim (possibly changed), or empty when a callout reclaimed it itself}
     * @param remove whether reclaimed leases are deleted rather than kept
     */
    default Optional<Lease4> expire(Lease4 lease, boolean remove) { return Optional.of(lease); }

    /** lease4_recover, for a declined lease whose probation ended. {@return false to leave it declined} */
    default boolean recover(Lease4 lease) { return true; }
}
