package dev.nestor.hooks.v4;

import dev.nestor.lease.Lease4;
import java.util.Objects;

/**
 * {@code lease4_expire}: reclamation is about to reclaim an expired lease. In: {@code removeLease} (true when
 * reclaimed leases are deleted rather than kept as expired-reclaimed). In/out: {@code lease}.
 *
 * <p>Steps: SKIP = the callout reclaimed the lease itself; the server does nothing more with it (if the callout
 * did not update the store, the lease comes back in the next pass).
 */
public record Lease4Expire(Lease4 lease, boolean removeLease) {
    public Lease4Expire {
        Objects.requireNonNull(lease, "lease");
    }

    public Lease4Expire withLease(Lease4 l) { return new Lease4Expire(l, removeLease); }
}
