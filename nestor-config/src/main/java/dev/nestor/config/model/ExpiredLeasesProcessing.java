package dev.nestor.config.model;

/**
 * Kea's {@code expired-leases-processing}. Times in seconds except {@code maxReclaimTime} (milliseconds).
 * {@code holdReclaimedTime} 0 = delete reclaimed leases at once; {@code maxReclaimLeases}/{@code maxReclaimTime}
 * 0 = unlimited.
 */
public record ExpiredLeasesProcessing(long reclaimTimerWaitTime, long flushReclaimedTimerWaitTime,
                                      long holdReclaimedTime, int maxReclaimLeases, long maxReclaimTime,
                                      int unwarnedReclaimCycles) {
    public static ExpiredLeasesProcessing defaults() { return new ExpiredLeasesProcessing(10, 25, 3600, 100, 250, 5); }
}
