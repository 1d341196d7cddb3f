package dev.nestor.dhcp4;

import dev.nestor.engine.reclaim.ReclaimCallouts4;
import dev.nestor.hooks.HookPoint;
import dev.nestor.hooks.NextStep;
import dev.nestor.hooks.runtime.HookDispatcher;
import dev.nestor.hooks.runtime.Outcome;
import dev.nestor.hooks.v4.Lease4Expire;
import dev.nestor.hooks.v4.Lease4Recover;
import dev.nestor.lease.Lease4;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * lease4_expire and lease4_recover for the reclaimer. A failing callout counts as CONTINUE here (there is no packet
 * to drop; Kea's DROP is ignored at these points): the server reclaims the lease itself. A lease that is reclaimed
 * (not skipped by a callout) is handed to {@code reclaiming} first: Kea queues its DNS removal at that point.
 */
final class ReclaimHooks4 implements ReclaimCallouts4 {
    private final HookDispatcher hooks;
    private final Consumer<Lease4> reclaiming;

    ReclaimHooks4(HookDispatcher hooks) {
        this(hooks, _ -> {});
    }

    ReclaimHooks4(HookDispatcher hooks, Consumer<Lease4> reclaiming) {
        this.hooks = hooks;
        this.reclaiming = reclaiming;
    }

    @Override
    public Optional<Lease4> expire(Lease4 lease, boolean remove) {
        if (!hooks.has(HookPoint.LEASE4_EXPIRE)) return reclaiming(lease);
        Outcome<Lease4Expire> o = hooks.fire(HookPoint.LEASE4_EXPIRE, new Lease4Expire(lease, remove));
        if (o.failed()) return reclaiming(lease);
        return o.is(NextStep.SKIP) ? Optional.empty() : reclaiming(o.event().lease());
    }

    private Optional<Lease4> reclaiming(Lease4 lease) {
        reclaiming.accept(lease);
        return Optional.of(lease);
    }

    @Override
    public boolean recover(Lease4 lease) {
        if (!hooks.has(HookPoint.LEASE4_RECOVER)) return true;
        Outcome<Lease4Recover> o = hooks.fire(HookPoint.LEASE4_RECOVER, new Lease4Recover(lease));
        return o.failed() || !o.is(NextStep.SKIP);
    }
}
