package dev.nestor.engine.v6;

import dev.nestor.codec.net.Ipv6Prefix;
import dev.nestor.common.stats.StatsRegistry;
import dev.nestor.config.model.Dhcp6Config;
import dev.nestor.config.model.PdPool6;
import dev.nestor.config.model.Pool6;
import dev.nestor.config.model.Subnet6;
import dev.nestor.engine.stats.StatNames;
import dev.nestor.lease.Lease6;
import dev.nestor.lease.LeaseType6;

import java.util.function.LongFunction;

/**
 * Kea's DHCPv6 lease counters at their three levels: global ({@code assigned-nas}), per subnet
 * ({@code subnet[1].assigned-nas}) and per pool ({@code subnet[1].pool[0].assigned-nas}; prefixes count in
 * {@code pd-pool[id]}). The pool is looked up in the lease's subnet by address or prefix, as Kea does, so a reserved
 * address outside every pool counts for its subnet only; pools sharing a {@code pool-id} share the counter. Every
 * change to what is assigned, declined or reclaimed goes through here, so the levels never disagree.
 */
public final class LeaseCounters6 {
    private final StatsRegistry stats;
    private final LongFunction<Subnet6> subnets;

    /** @param subnetById the running config's subnet for an id, or null (then only global and subnet counters move) */
    public LeaseCounters6(StatsRegistry stats, LongFunction<Subnet6> subnetById) {
        this.stats = stats;
        this.subnets = subnetById;
    }

    /** Counters for the subnets of {@code config}. */
    public static LeaseCounters6 of(StatsRegistry stats, Dhcp6Config config) {
        return new LeaseCounters6(stats, id -> config.subnet(id).orElse(null));
    }

    /** {@code assigned-nas} or {@code assigned-pds}. */
    public static String assignedName(LeaseType6 type) {
        return type == LeaseType6.PD ? "assigned-pds" : "assigned-nas";
    }

    /** The lease became assigned ({@code +1}) or stopped being assigned ({@code -1}). */
    public void assigned(Lease6 lease, long delta) {
        count(lease, assignedName(lease.type()), delta);
    }

    /** A client got this lease that it did not hold before: {@code cumulative-assigned-nas/-pds}. */
    public void cumulative(Lease6 lease) {
        count(lease, "cumulative-" + assignedName(lease.type()), 1);
    }

    /** The address became declined ({@code +1}) or left probation ({@code -1}). */
    public void declined(Lease6 lease, long delta) {
        count(lease, "declined-addresses", delta);
    }

    /** The lease was reclaimed after expiry; a declined one whose probation ended counts twice, as in Kea. */
    public void reclaimed(Lease6 lease, boolean wasDeclined) {
        count(lease, "reclaimed-leases", 1);
        if (wasDeclined) count(lease, "reclaimed-declined-addresses", 1);
    }

    private void count(Lease6 lease, String name, long delta) {
        stats.add(name, delta);
        stats.add(StatNames.subnet(lease.subnetId(), name), delta);
        String pool = poolStat(subnets.apply(lease.subnetId()), lease, name);
        if (pool != null) stats.add(pool, delta);
    }

    /** The pool-level name of statistic {@code name} for a lease of {@code subnet}, or null when no pool holds it. */
    public static String poolStat(Subnet6 subnet, Lease6 lease, String name) {
        if (subnet == null) return null;
        if (lease.type() == LeaseType6.PD) {
            PdPool6 p = subnet.pdPoolOf(new Ipv6Prefix(lease.address(), lease.prefixLength()));
            return p == null ? null : StatNames.pdPool(subnet.id(), p.poolId(), name);
        }
        for (Pool6 p : subnet.pools()) {
            if (p.contains(lease.address())) return StatNames.pool(subnet.id(), p.poolId(), name);
        }
        return null;
    }
}
