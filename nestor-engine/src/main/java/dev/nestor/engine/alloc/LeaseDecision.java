package dev.nestor.engine.alloc;

import dev.nestor.config.model.Subnet4;
import dev.nestor.lease.Lease4;

/** What the allocation engine decided for a DISCOVER or REQUEST. */
public sealed interface LeaseDecision {
    /**
     * A lease offered (DISCOVER) or granted (REQUEST). {@code lease} is what the client is told; for a reused
     * lease (cache-threshold) its lifetime is the remaining one. {@code previous} is the lease the client held
     * before, if any (statistics, DDNS removal).
     */
    record Granted(Lease4 lease, Subnet4 subnet, Lease4 previous, boolean reused) implements LeaseDecision {}

    /** The client asked for an address it cannot have: answer NAK (REQUEST only). */
    record Nak(String reason) implements LeaseDecision {}

    /** No address could be found (pools exhausted or all reserved). */
    record NoAddress(String reason) implements LeaseDecision {}

    /** The store failed: answer nothing, the client retries (never acknowledge an unwritten lease). */
    record StoreFailed(String reason) implements LeaseDecision {}
}
