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
     */
    record Granted(IaRequest ia, List<Lease6> leases, Subnet6 subnet, List<Lease6> revoked, boolean reused) implements IaDecision {
        public Granted {
            if (leases.isEmpty()) throw new IllegalArgumentException("a grant needs a lease");
            leases = List.copyOf(leases);
            revoked = List.copyOf(revoked);
        }
    }

    /** Nothing could be allocated: NoAddrsAvail (NA) or NoPrefixAvail (PD). */
    record NoneAvailable(IaRequest ia, String reason) implements IaDecision {}

    /**
     * RENEW/REBIND of an IA the server has no lease for: NoBinding. {@code revoked} are the client's addresses
     * that are not appropriate for the link (REBIND: returned with zero lifetimes).
     */
    record NoBinding(IaRequest ia, List<Lease6> revoked) implements IaDecision {
        public NoBinding {
            revoked = List.copyOf(revoked);
        }
    }

    /** The store failed: answer nothing for the query, the client retries. */
    record StoreFailed(IaRequest ia, String reason) implements IaDecision {}
}
