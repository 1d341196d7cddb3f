package dev.nestor.engine.alloc;

import dev.nestor.config.model.Subnet4;
import dev.nestor.lease.Lease4;

import java.util.Optional;

/**
 * Where the server lets hook libraries look at and change the engine's lease decisions (Kea's lease4_select and
 * lease4_renew). The engine knows nothing of hooks: the server passes an implementation that runs the callouts.
 * An implementation may throw to abandon the request (a failing callout drops the packet).
 */
public interface LeaseCallouts4 {
    /** No callouts: every decision stands. */
    LeaseCallouts4 NONE = new LeaseCallouts4() {};

    /**
     * lease4_select: a new lease was chosen, before it is written (REQUEST) or offered (DISCOVER).
     * {@return the lease to use (possibly changed), or empty to assign none}
     */
    default Optional<Lease4> select(ClientContext4 ctx, Subnet4 subnet, Lease4 lease) { return Optional.of(lease); }

    /**
     * lease4_renew: the client's current lease is about to be extended (REQUEST).
     * {@return the renewed lease to write (possibly changed), or empty to leave the stored lease as it is}
     */
    default Optional<Lease4> renew(ClientContext4 ctx, Subnet4 subnet, Lease4 renewed) { return Optional.of(renewed); }
}
