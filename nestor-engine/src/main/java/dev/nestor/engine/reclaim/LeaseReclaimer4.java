package dev.nestor.engine.reclaim;

import dev.nestor.common.stats.StatsRegistry;
import dev.nestor.common.time.Clock;
import dev.nestor.config.model.ExpiredLeasesProcessing;
import dev.nestor.lease.Lease4;
import dev.nestor.lease.LeaseState;
import dev.nestor.lease.LeaseStore4;
import dev.nestor.lease.LeaseStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

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

    public LeaseReclaimer4(LeaseStore4 store, StatsRegistry stats, Clock clock) {
        this.store = store;
        this.stats = stats;
        this.clock = clock;
    }

    /**
     * One reclamation pass, bounded by {@code max-reclaim-leases} and {@code max-reclaim-time}.
     * @param removeLeases delete reclaimed leases instead of keeping them (Kea's leases-reclaim "remove": true)
     * @return how many leases were reclaimed
     */
    public int reclaim(ExpiredLeasesProcessing p, boolean removeLeases) {
        long now = clock.epochSeconds();
        long deadline = System.nanoTime() + Math.max(1, p.maxReclaimTime()) * 1_000_000L;
        int limit = p.maxReclaimLeases() <= 0 ? Integer.MAX_VALUE : p.maxReclaimLeases();
        boolean keep = !removeLeases && p.holdReclaimedTime() > 0 && p.flushReclaimedTimerWaitTime() > 0;
        int done = 0;
        try {
            List<Lease4> expired = store.getExpired(now, limit);
            for (Lease4 lease : expired) {
                if (p.maxReclaimTime() > 0 && System.nanoTime() > deadline) break;
                if (reclaimOne(lease, keep)) done++;
            }
        } catch (LeaseStoreException e) {
            log.warn("lease reclamation failed: {}", e.getMessage());
        }
        if (done > 0) log.debug("reclaimed {} expired leases", done);
        return done;
    }

    private boolean reclaimOne(Lease4 lease, boolean keep) throws LeaseStoreException {
        boolean declined = lease.state() == LeaseState.DECLINED;
        boolean ok;
        if (keep && !declined) {
            ok = store.replace(lease, lease.withState(LeaseState.EXPIRED_RECLAIMED).withFqdn(false, false).withHostname(""));
        } else {
            ok = store.delete(lease);
        }
        if (!ok) return false; // renewed meanwhile
        String subnet = "subnet[" + lease.subnetId() + "]";
        stats.add(subnet + ".assigned-addresses", -1);
        if (declined) {
            stats.add(subnet + ".declined-addresses", -1);
            stats.add("declined-addresses", -1);
            stats.add(subnet + ".reclaimed-declined-addresses", 1);
            stats.add("reclaimed-declined-addresses", 1);
        }
        stats.add(subnet + ".reclaimed-leases", 1);
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
