package dev.nestor.engine.v6;

import dev.nestor.common.Bytes;
import dev.nestor.common.stats.StatsRegistry;
import dev.nestor.common.time.Clock;
import dev.nestor.lease.Lease6;
import dev.nestor.lease.LeaseState;
import dev.nestor.lease.LeaseStore6;
import dev.nestor.lease.LeaseStoreException;
import dev.nestor.lease.LeaseType6;

import java.util.Optional;
import java.util.function.Predicate;

/** RELEASE and DECLINE of one address or prefix: the client gives it back, or reports it in use on the link. */
public final class LeaseRelease6 {
    /** Outcome per address, so the pipeline can answer each IA with Kea's status code and text. */
    public enum Outcome { DONE, NO_LEASE, NOT_OWNER, WRONG_IAID, STORE_FAILED, /** a hook callout kept the lease */ SKIPPED }

    private final LeaseStore6 store;
    private final LeaseCounters6 counters;
    private final Clock clock;

    /** Counts at the global and subnet levels only (no config to find pools in). */
    public LeaseRelease6(LeaseStore6 store, StatsRegistry stats, Clock clock) {
        this(store, new LeaseCounters6(stats, id -> null), clock);
    }

    public LeaseRelease6(LeaseStore6 store, LeaseCounters6 counters, Clock clock) {
        this.store = store;
        this.counters = counters;
        this.clock = clock;
    }

    /** RELEASE: the lease is deleted (Kea's default), if this IA of this client holds it. */
    public Outcome release(LeaseType6 type, Bytes address, Bytes duid, long iaid) {
        return release(type, address, duid, iaid, _ -> true);
    }

    /** RELEASE through hook callouts (lease6_release): {@code proceed} answers false to keep the lease (SKIPPED). */
    public Outcome release(LeaseType6 type, Bytes address, Bytes duid, long iaid, Predicate<Lease6> proceed) {
        try {
            Optional<Lease6> l = store.get(type, address);
            Outcome check = check(l, duid, iaid);
            if (check != Outcome.DONE) return check;
            Lease6 lease = l.get();
            if (!proceed.test(lease)) return Outcome.SKIPPED;
            if (!store.delete(lease)) return Outcome.NO_LEASE;
            counters.assigned(lease, -1);
            return Outcome.DONE;
        } catch (LeaseStoreException e) {
            return Outcome.STORE_FAILED;
        }
    }

    /**
     * DECLINE: the address is in use on the link; it is quarantined for the probation period and belongs to no
     * client, as Kea's Lease6::decline does (empty DUID, no hardware address, preferred lifetime 0).
     */
    public Outcome decline(Bytes address, Bytes duid, long iaid, long probationSeconds) {
        return decline(address, duid, iaid, probationSeconds, _ -> true);
    }

    /** DECLINE through hook callouts (lease6_decline): {@code proceed} answers false to leave the lease (SKIPPED). */
    public Outcome decline(Bytes address, Bytes duid, long iaid, long probationSeconds, Predicate<Lease6> proceed) {
        try {
            Optional<Lease6> l = store.get(LeaseType6.NA, address);
            Outcome check = check(l, duid, iaid);
            if (check != Outcome.DONE) return check;
            Lease6 lease = l.get();
            if (!proceed.test(lease)) return Outcome.SKIPPED;
            Lease6 declined = new Lease6(address, LeaseType6.NA, 128, Lease6.EMPTY_DUID, lease.iaid(), 0, probationSeconds,
                    clock.epochSeconds(), lease.subnetId(), false, false, "", null, LeaseState.DECLINED,
                    lease.userContext(), lease.poolId());
            if (!store.replace(lease, declined)) return Outcome.NO_LEASE;
            counters.declined(declined, 1);
            return Outcome.DONE;
        } catch (LeaseStoreException e) {
            return Outcome.STORE_FAILED;
        }
    }

    private static Outcome check(Optional<Lease6> l, Bytes duid, long iaid) {
        if (l.isEmpty() || l.get().state() != LeaseState.DEFAULT) return Outcome.NO_LEASE;
        if (!l.get().duid().equals(duid)) return Outcome.NOT_OWNER;
        if (l.get().iaid() != iaid) return Outcome.WRONG_IAID;
        return Outcome.DONE;
    }
}
