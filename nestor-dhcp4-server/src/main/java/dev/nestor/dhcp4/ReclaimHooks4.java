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

/**
 * lease4_expire and lease4_recover for the reclaimer. A failing callout counts as CONTINUE here (there is no packet
 * to drop; Kea's DROP is ignored at these points): the server reclaims the lease itself.
 */
final class ReclaimHooks4 implements ReclaimCallouts4 {
    private final HookDispatcher hooks;

    ReclaimHooks4(HookDispatcher hooks) {
        this.hooks = hooks;
    }

    @Override
    public Optional<Lease4> expire(Lease4 lease, boolean remove) {
        if (!hooks.has(HookPoint.LEASE4_EXPIRE)) return Optional.of(lease);
        Outcome<Lease4Expire> o = hooks.fire(HookPoint.LEASE4_EXPIRE, new Lease4Expire(lease, remove));
        if (o.failed()) return Optional.of(lease);
        return o.is(NextStep.SKIP) ? Optional.empty() : Optional.of(o.event().lease());
    }

    @Override
    public boolean recover(Lease4 lease) {
        if (!hooks.has(HookPoint.LEASE4_RECOVER)) return true;
        Outcome<Lease4Recover> o = hooks.fire(HookPoint.LEASE4_RECOVER, new Lease4Recover(lease));
        return o.failed() || !o.is(NextStep.SKIP);
    }
}
