package dev.nestor.hooks.v4;

import dev.nestor.lease.Lease4;
import java.util.Objects;

/**
 * {@code lease4_recover}: a declined address finished its probation and is about to return to the pool. In:
 * {@code lease} (no client identity left). Steps: SKIP = the address stays declined (retried next pass).
 */
public record Lease4Recover(Lease4 lease) {
    public Lease4Recover {
        Objects.requireNonNull(lease, "lease");
    }
}
