package dev.nestor.engine.v6;

import dev.nestor.config.model.Subnet6;
import dev.nestor.lease.Lease6;

import java.util.List;

/** What the DHCPv6 engine decided for one IA. */
public sealed interface IaDecision {
    IaRequest ia();

    /**
     * Leases granted (SOLICIT: chosen, nothing written) or extended.
     *
     * @param subnet  the subnet of the (first) lease, whose timers and options apply to the IA
     * @param revoked addresses or prefixes the client named that it may no longer use: they go back with zero
     *                lifetimes (RFC 8415 section 18.3.4)
     * @param reused  the lease was handed back unchanged (cache-threshold)
     * @param replaced other clients' leases (expired, not yet reclaimed) that the grant took over: their DNS
     *                 records go (Kea reclaims such a lease before reusing it)
     */
    record Granted(IaRequest ia, List<Lease6> leases, Subnet6 subnet, List<Lease6> revoked, boolean reused,
                   List<Lease6> replaced) implements IaDecision {
        public Granted {
            if (leases.isEmpty()) throw new IllegalArgumentException("a grant needs a lease");
            leases = List.copyOf(leases);
            revoked = List.copyOf(revoked);
            replaced = List.copyOf(replaced);
        }

        public Granted(IaRequest ia, List<Lease6> leases, Subnet6 subnet, List<Lease6> revoked, boolean reused) {
            this(ia, leases, subnet, revoked, reused, List.of());
        }
    }

    /**
     * Nothing could be allocated: NoAddrsAvail (NA) or NoPrefixAvail (PD).
     *
     * @param noPools no pool (or pd-pool) of the candidate subnets admits the client: Kea counts
     *                {@code v6-allocation-fail-no-pools} instead of {@code v6-allocation-fail}
     * @param revoked addresses or prefixes the client named (RENEW/REBIND) that go back with zero lifetimes
     */
    record NoneAvailable(IaRequest ia, String reason, boolean noPools, List<Lease6> revoked) implements IaDecision {
        public NoneAvailable {
            revoked = List.copyOf(revoked);
        }

        public NoneAvailable(IaRequest ia, String reason) {
            this(ia, reason, false, List.of());
        }
    }

    /**
     * RENEW/REBIND of an IA for which no subnet could be selected: NoBinding (Kea's extendIA_NA). {@code revoked}
     * are addresses to return with zero lifetimes.
     */
    record NoBinding(IaRequest ia, List<Lease6> revoked) implements IaDecision {
        public NoBinding {
            revoked = List.copyOf(revoked);
        }
    }

    /** The store failed: answer nothing for the query, the client retries. */
    record StoreFailed(IaRequest ia, String reason) implements IaDecision {}
}
