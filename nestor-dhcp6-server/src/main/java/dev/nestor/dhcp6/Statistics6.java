package dev.nestor.dhcp6;

import dev.nestor.common.stats.StatsRegistry;
import dev.nestor.config.model.PdPool6;
import dev.nestor.config.model.Pool6;
import dev.nestor.config.model.Subnet6;
import dev.nestor.engine.stats.StatNames;
import dev.nestor.engine.v6.LeaseCounters6;
import dev.nestor.lease.Lease6;
import dev.nestor.lease.LeaseState;
import dev.nestor.lease.LeaseStore6;
import dev.nestor.lease.LeaseType6;
import dev.nestor.lease.SubnetLeaseCounts6;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Kea's DHCPv6 statistics at start and after each reconfiguration: packet counters start at 0, lease counters are
 * recounted from the store (globally, per subnet and per pool), cumulative ones are kept.
 */
final class Statistics6 {
    static final List<String> GLOBAL = List.of("pkt6-received", "pkt6-solicit-received", "pkt6-advertise-received",
            "pkt6-request-received", "pkt6-reply-received", "pkt6-renew-received", "pkt6-rebind-received",
            "pkt6-decline-received", "pkt6-release-received", "pkt6-infrequest-received", "pkt6-dhcpv4-query-received",
            "pkt6-dhcpv4-response-received", "pkt6-unknown-received", "pkt6-sent", "pkt6-advertise-sent", "pkt6-reply-sent",
            "pkt6-dhcpv4-response-sent", "pkt6-service-disabled", "pkt6-parse-failed", "pkt6-queue-full", "pkt6-rfc-violation", "pkt6-not-for-us",
            "pkt6-processing-failed", "pkt6-receive-drop", "v6-allocation-fail", "v6-allocation-fail-shared-network",
            "v6-allocation-fail-subnet", "v6-allocation-fail-no-pools", "v6-allocation-fail-classes",
            "v6-ia-na-lease-reuses", "v6-ia-pd-lease-reuses", "reclaimed-leases", "reclaimed-declined-addresses",
            "declined-addresses", "cumulative-assigned-nas", "cumulative-assigned-pds");
    private static final List<String> PER_SUBNET = List.of("cumulative-assigned-nas", "cumulative-assigned-pds",
            "reclaimed-leases", "reclaimed-declined-addresses", "v6-allocation-fail", "v6-ia-na-lease-reuses",
            "v6-ia-pd-lease-reuses");
    /** Kept across reconfiguration, created at 0 (Kea's updateStatistics and recountLeaseStats6). */
    private static final List<String> PER_POOL = List.of("cumulative-assigned-nas", "reclaimed-leases", "reclaimed-declined-addresses");
    private static final List<String> PER_PD_POOL = List.of("cumulative-assigned-pds", "reclaimed-leases");
    private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private Statistics6() {}

    static void init(StatsRegistry stats, Dhcp6Runtime rt) {
        for (String name : GLOBAL) if (stats.observation(name).isEmpty()) stats.set(name, 0L);
        Map<Long, SubnetLeaseCounts6> counts;
        LeaseStore6 store = rt.store();
        try {
            counts = rt.store().countBySubnet();
        } catch (RuntimeException e) {
            // an SQL store started with retry-on-startup while its database is down: count again on reconfiguration
            org.slf4j.LoggerFactory.getLogger("dev.nestor.dhcp6").warn("lease statistics not recounted: {}", e.getMessage());
            counts = Map.of();
            store = null;
        }
        long declinedTotal = 0, nasTotal = 0, pdsTotal = 0;
        for (Subnet6 s : rt.config().subnets()) {
            BigInteger nas = BigInteger.ZERO, pds = BigInteger.ZERO;
            for (Pool6 p : s.pools()) nas = nas.add(p.size());
            for (PdPool6 p : s.pdPools()) pds = pds.add(p.capacity());
            SubnetLeaseCounts6 c = counts.getOrDefault(s.id(), SubnetLeaseCounts6.ZERO);
            // Kea's counters are 64-bit: a /64 pool's 2^64 addresses saturate
            stats.set(StatNames.subnet(s.id(), "total-nas"), saturated(nas));
            stats.set(StatNames.subnet(s.id(), "total-pds"), saturated(pds));
            stats.set(StatNames.subnet(s.id(), "assigned-nas"), c.assignedNa() + c.declinedNa());
            stats.set(StatNames.subnet(s.id(), "assigned-pds"), c.assignedPd());
            stats.set(StatNames.subnet(s.id(), "declined-addresses"), c.declinedNa());
            declinedTotal += c.declinedNa();
            nasTotal += c.assignedNa() + c.declinedNa();
            pdsTotal += c.assignedPd();
            for (String n : PER_SUBNET) {
                if (stats.observation(StatNames.subnet(s.id(), n)).isEmpty()) stats.set(StatNames.subnet(s.id(), n), 0L);
            }
            if (!s.pools().isEmpty() || !s.pdPools().isEmpty()) pools(stats, store, s);
        }
        stats.set("declined-addresses", declinedTotal);
        stats.set("assigned-nas", nasTotal);
        stats.set("assigned-pds", pdsTotal);
    }

    /**
     * Per pool and pd-pool, by {@code pool-id} as Kea names them (pools sharing an id add up): the capacity and the
     * leases of the subnet that fall in it, declined addresses counting as assigned too. Without a {@code store}
     * (its database unreachable) the leases count as 0.
     */
    private static void pools(StatsRegistry stats, LeaseStore6 store, Subnet6 s) {
        Map<String, BigInteger> totals = new LinkedHashMap<>();
        Map<String, Long> leases = new LinkedHashMap<>();
        for (Pool6 p : s.pools()) {
            totals.merge(StatNames.pool(s.id(), p.poolId(), "total-nas"), p.size(), BigInteger::add);
            leases.put(StatNames.pool(s.id(), p.poolId(), "assigned-nas"), 0L);
            leases.put(StatNames.pool(s.id(), p.poolId(), "declined-addresses"), 0L);
            keep(stats, PER_POOL, n -> StatNames.pool(s.id(), p.poolId(), n));
        }
        for (PdPool6 p : s.pdPools()) {
            totals.merge(StatNames.pdPool(s.id(), p.poolId(), "total-pds"), p.capacity(), BigInteger::add);
            leases.put(StatNames.pdPool(s.id(), p.poolId(), "assigned-pds"), 0L);
            keep(stats, PER_PD_POOL, n -> StatNames.pdPool(s.id(), p.poolId(), n));
        }
        for (Lease6 l : store == null ? List.<Lease6>of() : store.getBySubnet(s.id())) {
            if (l.type() == LeaseType6.TA) continue;
            boolean declined = l.state() == LeaseState.DECLINED && l.type() == LeaseType6.NA;
            if (l.state() != LeaseState.DEFAULT && !declined) continue;
            String assigned = LeaseCounters6.poolStat(s, l, LeaseCounters6.assignedName(l.type()));
            if (assigned == null) continue; // outside every pool (a reservation): counted for the subnet only
            leases.merge(assigned, 1L, Long::sum);
            if (declined) leases.merge(LeaseCounters6.poolStat(s, l, "declined-addresses"), 1L, Long::sum);
        }
        totals.forEach((name, total) -> stats.set(name, saturated(total)));
        leases.forEach(stats::set);
    }

    private static void keep(StatsRegistry stats, List<String> names, UnaryOperator<String> full) {
        for (String n : names) if (stats.observation(full.apply(n)).isEmpty()) stats.set(full.apply(n), 0L);
    }

    private static long saturated(BigInteger n) {
        return n.min(MAX).longValue();
    }
}
