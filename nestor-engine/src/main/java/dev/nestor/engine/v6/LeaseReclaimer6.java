package dev.nestor.engine.v6;

import dev.nestor.common.stats.StatsRegistry;
import dev.nestor.common.time.Clock;
import dev.nestor.config.model.ExpiredLeasesProcessing;
import dev.nestor.engine.reclaim.ReclaimPass;
import dev.nestor.lease.Lease6;
import dev.nestor.lease.LeaseState;
import dev.nestor.lease.LeaseStore6;
import dev.nestor.lease.LeaseStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DHCPv6 expired-lease reclamation, with the same bounds as DHCPv4 ({@link ReclaimPass}): expired leases become
 * expired-reclaimed (the DUID is kept, so a returning client gets its address or prefix back) or are deleted;
 * declined addresses whose probation ended return to the pool.
 */
public final class LeaseReclaimer6 {
    private static final Logger log = LoggerFactory.getLogger(LeaseReclaimer6.class);

    private final LeaseStore6 store;
    private final LeaseCounters6 counters;
    private final Clock clock;
    private final ReclaimCallouts6 callouts;

    public LeaseReclaimer6(LeaseStore6 store, StatsRegistry stats, Clock clock) {
        this(store, stats, clock, ReclaimCallouts6.NONE);
    }

    /** A reclaimer that lets hook callouts take part (lease6_expire, lease6_recover). */
    public LeaseReclaimer6(LeaseStore6 store, StatsRegistry stats, Clock clock, ReclaimCallouts6 callouts) {
        this(store, new LeaseCounters6(stats, id -> null), clock, callouts);
    }

    /** As above, with counters that also keep the per-pool statistics of the running config. */
    public LeaseReclaimer6(LeaseStore6 store, LeaseCounters6 counters, Clock clock, ReclaimCallouts6 callouts) {
        this.store = store;
        this.counters = counters;
        this.clock = clock;
        this.callouts = callouts;
    }

    /** One bounded pass; {@code removeLeases} deletes instead of keeping. Returns how many were reclaimed. */
    public int reclaim(ExpiredLeasesProcessing p, boolean removeLeases) {
        int done = 0;
        try {
            done = ReclaimPass.run(p, removeLeases, clock.epochSeconds(), store::getExpired, this::reclaimOne);
        } catch (LeaseStoreException e) {
            log.warn("lease reclamation failed: {}", e.getMessage());
        }
        if (done > 0) log.debug("reclaimed {} expired leases", done);
        return done;
    }

    private boolean reclaimOne(Lease6 lease, boolean keep) throws LeaseStoreException {
        boolean declined = lease.state() == LeaseState.DECLINED;
        // lease6_expire SKIP: the callout reclaimed it; lease6_recover SKIP: the address stays declined
        java.util.Optional<Lease6> expiring = callouts.expire(lease, !keep);
        if (expiring.isEmpty()) return false;
        if (declined && !callouts.recover(lease)) return false;
        Lease6 base = expiring.get().address().equals(lease.address()) && expiring.get().type() == lease.type() ? expiring.get() : lease;
        boolean ok = keep && !declined
                ? store.replace(lease, base.withState(LeaseState.EXPIRED_RECLAIMED).withFqdn(false, false).withHostname(""))
                : store.delete(lease);
        if (!ok) return false; // renewed meanwhile
        counters.assigned(lease, -1);
        if (declined) counters.declined(lease, -1);
        counters.reclaimed(lease, declined);
        return true;
    }

    /** Removes reclaimed leases older than {@code hold-reclaimed-time}. */
    public int flushReclaimed(ExpiredLeasesProcessing p) {
        try {
            return store.deleteReclaimedExpiredBefore(clock.epochSeconds() - p.holdReclaimedTime());
        } catch (LeaseStoreException e) {
            log.warn("flushing reclaimed leases failed: {}", e.getMessage());
            return 0;
        }
    }
}
