package dev.nestor.engine.v6;

import dev.nestor.common.stats.StatsRegistry;
import dev.nestor.common.time.Clock;
import dev.nestor.config.model.ExpiredLeasesProcessing;
import dev.nestor.engine.reclaim.ReclaimPass;
import dev.nestor.engine.stats.StatNames;
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
    private final StatsRegistry stats;
    private final Clock clock;

    public LeaseReclaimer6(LeaseStore6 store, StatsRegistry stats, Clock clock) {
        this.store = store;
        this.stats = stats;
        this.clock = clock;
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
        boolean ok = keep && !declined
                ? store.replace(lease, lease.withState(LeaseState.EXPIRED_RECLAIMED).withFqdn(false, false).withHostname(""))
                : store.delete(lease);
        if (!ok) return false; // renewed meanwhile
        stats.add(StatNames.subnet(lease.subnetId(), AllocationEngine6.assigned(lease.type())), -1);
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
