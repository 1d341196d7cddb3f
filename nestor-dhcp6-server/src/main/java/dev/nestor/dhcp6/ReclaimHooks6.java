package dev.nestor.dhcp6;

import dev.nestor.engine.v6.ReclaimCallouts6;
import dev.nestor.hooks.HookPoint;
import dev.nestor.hooks.NextStep;
import dev.nestor.hooks.runtime.HookDispatcher;
import dev.nestor.hooks.runtime.Outcome;
import dev.nestor.hooks.v6.Lease6Expire;
import dev.nestor.hooks.v6.Lease6Recover;
import dev.nestor.lease.Lease6;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * lease6_expire and lease6_recover for the reclaimer. A failing callout counts as CONTINUE here (there is no packet
 * to drop): the server reclaims the lease itself. A lease that is reclaimed (not skipped by a callout) is handed to
 * {@code reclaiming} first: Kea queues its DNS removal at that point.
 */
final class ReclaimHooks6 implements ReclaimCallouts6 {
    private final HookDispatcher hooks;
    private final Consumer<Lease6> reclaiming;

    ReclaimHooks6(HookDispatcher hooks) {
        this(hooks, _ -> {});
    }

    ReclaimHooks6(HookDispatcher hooks, Consumer<Lease6> reclaiming) {
        this.hooks = hooks;
        this.reclaiming = reclaiming;
    }

    @Override
    public Optional<Lease6> expire(Lease6 lease, boolean remove) {
        if (!hooks.has(HookPoint.LEASE6_EXPIRE)) return reclaiming(lease);
        Outcome<Lease6Expire> o = hooks.fire(HookPoint.LEASE6_EXPIRE, new Lease6Expire(lease, remove));
        if (o.failed()) return reclaiming(lease);
        return o.is(NextStep.SKIP) ? Optional.empty() : reclaiming(o.event().lease());
    }

    private Optional<Lease6> reclaiming(Lease6 lease) {
        reclaiming.accept(lease);
        return Optional.of(lease);
    }

    @Override
    public boolean recover(Lease6 lease) {
        if (!hooks.has(HookPoint.LEASE6_RECOVER)) return true;
        Outcome<Lease6Recover> o = hooks.fire(HookPoint.LEASE6_RECOVER, new Lease6Recover(lease));
        return o.failed() || !o.is(NextStep.SKIP);
    }
}
