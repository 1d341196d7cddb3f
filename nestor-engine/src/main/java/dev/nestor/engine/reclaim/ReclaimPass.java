package dev.nestor.engine.reclaim;

import dev.nestor.config.model.ExpiredLeasesProcessing;
import dev.nestor.lease.LeaseStoreException;

import java.util.List;

/**
 * The bounds of one reclamation pass, the same for DHCPv4 and DHCPv6 ({@code expired-leases-processing}): at most
 * {@code max-reclaim-leases} leases, stopping once {@code max-reclaim-time} milliseconds have passed, and whether
 * reclaimed leases are kept (expired-reclaimed, for {@code hold-reclaimed-time}) or deleted.
 */
public final class ReclaimPass {
    /** Reclaims one lease; false when it changed meanwhile (renewed) and was left alone. */
    @FunctionalInterface
    public interface Step<L> {
        boolean reclaim(L lease, boolean keep) throws LeaseStoreException;
    }

    /** Fetches up to {@code limit} leases expired at {@code now}. */
    @FunctionalInterface
    public interface Expired<L> {
        List<L> get(long now, int limit) throws LeaseStoreException;
    }

    private ReclaimPass() {}

    /**
     * Runs one bounded pass.
     * @param removeLeases delete reclaimed leases instead of keeping them (Kea's leases-reclaim "remove": true)
     * @return how many leases were reclaimed
     */
    public static <L> int run(ExpiredLeasesProcessing p, boolean removeLeases, long now, Expired<L> expired, Step<L> step)
            throws LeaseStoreException {
        long deadline = System.nanoTime() + Math.max(1, p.maxReclaimTime()) * 1_000_000L;
        int limit = p.maxReclaimLeases() <= 0 ? Integer.MAX_VALUE : p.maxReclaimLeases();
        boolean keep = !removeLeases && p.holdReclaimedTime() > 0 && p.flushReclaimedTimerWaitTime() > 0;
        int done = 0;
        for (L lease : expired.get(now, limit)) {
            if (p.maxReclaimTime() > 0 && System.nanoTime() > deadline) break;
            if (step.reclaim(lease, keep)) done++;
        }
        return done;
    }
}
