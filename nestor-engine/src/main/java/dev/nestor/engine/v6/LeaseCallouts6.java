package dev.nestor.engine.v6;

import dev.nestor.config.model.Subnet6;
import dev.nestor.lease.Lease6;

import java.util.Optional;

/**
 * Where the server lets hook libraries look at and change the DHCPv6 engine's lease decisions (Kea's lease6_select,
 * lease6_renew and lease6_rebind). The engine knows nothing of hooks: the server passes an implementation that runs
 * the callouts. An implementation may throw to abandon the query (a failing callout drops the packet).
 */
public interface LeaseCallouts6 {
    /** No callouts: every decision stands. */
    LeaseCallouts6 NONE = new LeaseCallouts6() {};

    /**
     * lease6_select: a lease was chosen for an IA (new, or one the IA holds in a SOLICIT/REQUEST), before it is
     * written ({@code ctx.fakeAllocation()} false) or advertised. {@return the lease to use (possibly changed), or
     * empty to assign none}
     */
    default Optional<Lease6> select(ClientContext6 ctx, Subnet6 subnet, Lease6 lease) { return Optional.of(lease); }

    /**
     * lease6_renew ({@code rebind} false) or lease6_rebind: a held lease is about to be extended. {@return the
     * extended lease to write (possibly changed), or empty to leave the stored lease as it is}
     */
    default Optional<Lease6> extend(ClientContext6 ctx, Subnet6 subnet, Lease6 extended, boolean rebind) { return Optional.of(extended); }
}
