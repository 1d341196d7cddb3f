package dev.nestor.dhcp.commands;

import dev.nestor.common.stats.StatsRegistry;
import dev.nestor.lease.LeaseState;

/**
 * Keeps the lease statistics right when a command adds, changes or removes a lease (Kea's
 * {@code LeaseMgr::updateStatsOn*}), with the same counting rule the servers use when they recount a store: a
 * subnet's assigned counter ({@code assigned-addresses}, {@code assigned-nas} or {@code assigned-pds}) counts
 * assigned and declined leases, {@code subnet[id].declined-addresses} and the global {@code declined-addresses}
 * count declined ones.
 */
public final class LeaseStats {
    private LeaseStats() {}

    /** One lease's share of the counters, or none: its subnet, which assigned counter, and its state. */
    public record Share(long subnetId, String assigned, LeaseState state) {}

    /** Moves the counters from {@code old} (null when added) to {@code updated} (null when deleted). */
    public static void change(StatsRegistry stats, Share old, Share updated) {
        if (old != null) count(stats, old, -1);
        if (updated != null) count(stats, updated, 1);
    }

    private static void count(StatsRegistry stats, Share l, int delta) {
        boolean declined = l.state() == LeaseState.DECLINED;
        if (l.state() != LeaseState.DEFAULT && !declined) return;
        String p = "subnet[" + l.subnetId() + "].";
        stats.add(p + l.assigned(), (long) delta);
        if (declined) {
            stats.add(p + "declined-addresses", (long) delta);
            stats.add("declined-addresses", (long) delta);
        }
    }
}
