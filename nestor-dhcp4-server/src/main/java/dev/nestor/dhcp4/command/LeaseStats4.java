package dev.nestor.dhcp4.command;

import dev.nestor.common.stats.StatsRegistry;
import dev.nestor.lease.Lease4;
import dev.nestor.lease.LeaseState;

/**
 * Keeps the lease statistics right when a command adds, changes or removes a lease (Kea's
 * {@code LeaseMgr::updateStatsOn*}), with the same counting rule the server uses when it recounts a store:
 * {@code subnet[id].assigned-addresses} counts assigned and declined leases, {@code subnet[id].declined-addresses}
 * and the global {@code declined-addresses} count declined ones.
 */
final class LeaseStats4 {
    private LeaseStats4() {}

    /** Moves the counters from {@code old} (null when added) to {@code updated} (null when deleted). */
    static void change(StatsRegistry stats, Lease4 old, Lease4 updated) {
        if (old != null) count(stats, old, -1);
        if (updated != null) count(stats, updated, 1);
    }

    private static void count(StatsRegistry stats, Lease4 l, int delta) {
        boolean declined = l.state() == LeaseState.DECLINED;
        if (l.state() != LeaseState.DEFAULT && !declined) return;
        String p = "subnet[" + l.subnetId() + "].";
        stats.add(p + "assigned-addresses", (long) delta);
        if (declined) {
            stats.add(p + "declined-addresses", (long) delta);
            stats.add("declined-addresses", (long) delta);
        }
    }
}
