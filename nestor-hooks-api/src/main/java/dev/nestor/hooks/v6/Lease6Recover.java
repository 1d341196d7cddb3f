package dev.nestor.hooks.v6;

import dev.nestor.lease.Lease6;
import java.util.Objects;

/** {@code lease6_recover}: a declined address ends its probation. Steps: SKIP = it stays declined. */
public record Lease6Recover(Lease6 lease) {
    public Lease6Recover {
        Objects.requireNonNull(lease, "lease");
    }
}
