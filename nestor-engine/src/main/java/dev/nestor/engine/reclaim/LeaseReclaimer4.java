package dev.nestor.engine.reclaim;

import dev.nestor.common.stats.StatsRegistry;
import dev.nestor.common.time.Clock;
import dev.nestor.config.model.ExpiredLeasesProcessing;
import dev.nestor.engine.alloc.PoolCursors;
import dev.nestor.engine.stats.StatNames;
import dev.nestor.lease.Lease4;
import dev.nestor.lease.LeaseState;
import dev.nestor.lease.LeaseStore4;
import dev.nestor.lease.LeaseStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Expired-lease reclamation (Kea's {@code expired-leases-processing}): expired leases are marked
 * expired-reclaimed (kept for {@code hold-reclaimed-time} so a returning client gets its address back) or
 * deleted; declined addresses whose probation ended return to the pool.
 */
public final class LeaseReclaimer4 {
    private static final Logger log = LoggerFactory.getLogger(LeaseReclaimer4.class);

    private final LeaseStore4 store;
    private final StatsRegistry stats;
    private final Clock clock;
    private final ReclaimCallouts4 callouts;
    private final PoolCursors cursors;

    public LeaseReclaimer4(LeaseStore4 store, StatsRegistry stats, Clock clock) {
        this(store, stats, clock, ReclaimCallouts4.NONE);
    }

    /** A reclaimer that lets hook callouts take part (lease4_expire, lease4_recover). */
    public LeaseReclaimer4(LeaseStore4 store, StatsRegistry stats, Clock clock, ReclaimCallouts4 callouts) {
        this(store, stats, clock, callouts, null);
    }

    /** With the allocator's pool maps, which learn at once that reclaimed addresses are free again. */
    public LeaseReclaimer4(LeaseStore4 store, StatsRegistry stats, Clock clock, ReclaimCallouts4 callouts, PoolCursors cursors) {
        this.store = store;
        this.stats = stats;
        this.clock = clock;
        this.callouts = callouts;
        this.cursors = cursors;
    }

    /**
     * One reclamation pass, bounded by {@code max-reclaim-leases} and {@code max-reclaim-time}.
     * @param removeLeases delete reclaimed leases instead of keeping them (Kea's leases-reclaim "remove": true)
     * @return how many leases were reclaimed
     */
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

    private boolean reclaimOne(Lease4 lease, boolean keep) throws LeaseStoreException {
        boolean declined = lease.state() == LeaseState.DECLINED;
        // lease4_expire SKIP: the callout reclaimed it; lease4_recover SKIP: the address stays declined
        java.util.Optional<Lease4> expiring = callouts.expire(lease, !keep);
        if (expiring.isEmpty()) return false;
        if (declined && !callouts.recover(lease)) return false;
        boolean ok;
        if (keep && !declined) {
            Lease4 reclaimed = expiring.get().address() == lease.address() ? expiring.get() : lease;
            ok = store.replace(lease, reclaimed.withState(LeaseState.EXPIRED_RECLAIMED).withFqdn(false, false).withHostname(""));
        } else {
            ok = store.delete(lease);
        }
        if (!ok) return false; // renewed meanwhile
        if (cursors != null) cursors.freed(lease.subnetId(), lease.address());
        stats.add(StatNames.subnet(lease.subnetId(), "assigned-addresses"), -1);
        if (declined) {
            stats.add(StatNames.subnet(lease.subnetId(), "declined-addresses"), -1);
            stats.add("declined-addresses", -1);
            stats.add(StatNames.subnet(lease.subnetId(), "reclaimed-declined-addresses"), 1);
            stats.add("reclaimed-declined-addresses", 1);
        }
        stats.add(StatNames.subnet(lease.subnetId(), "reclaimed-leases"), 1);
        stats.add("reclaimed-leases", 1);
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
