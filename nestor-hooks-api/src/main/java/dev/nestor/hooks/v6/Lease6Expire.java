package dev.nestor.hooks.v6;

import dev.nestor.lease.Lease6;
import java.util.Objects;

/** {@code lease6_expire}: see {@code Lease4Expire}. In/out: {@code lease}. Steps: SKIP = the callout reclaimed it. */
public record Lease6Expire(Lease6 lease, boolean removeLease) {
    public Lease6Expire {
        Objects.requireNonNull(lease, "lease");
    }

    public Lease6Expire withLease(Lease6 l) { return new Lease6Expire(l, removeLease); }
}
