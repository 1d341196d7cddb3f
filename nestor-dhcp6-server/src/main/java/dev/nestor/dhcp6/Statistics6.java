package dev.nestor.dhcp6;

import dev.nestor.common.stats.StatsRegistry;
import dev.nestor.config.model.PdPool6;
import dev.nestor.config.model.Pool6;
import dev.nestor.config.model.Subnet6;
import dev.nestor.engine.stats.StatNames;
import dev.nestor.lease.SubnetLeaseCounts6;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/** Kea's DHCPv6 statistics at start and after each reconfiguration: packet counters start at 0, subnet ones are recounted. */
final class Statistics6 {
    static final List<String> GLOBAL = List.of("pkt6-received", "pkt6-solicit-received", "pkt6-advertise-received",
            "pkt6-request-received", "pkt6-reply-received", "pkt6-renew-received", "pkt6-rebind-received",
            "pkt6-decline-received", "pkt6-release-received", "pkt6-infrequest-received", "pkt6-dhcpv4-query-received",
            "pkt6-dhcpv4-response-received", "pkt6-unknown-received", "pkt6-sent", "pkt6-advertise-sent", "pkt6-reply-sent",
            "pkt6-dhcpv4-response-sent", "pkt6-parse-failed", "pkt6-queue-full", "pkt6-rfc-violation", "pkt6-not-for-us",
            "pkt6-processing-failed", "pkt6-receive-drop", "v6-allocation-fail", "v6-allocation-fail-shared-network",
            "v6-allocation-fail-subnet", "v6-allocation-fail-no-pools", "v6-allocation-fail-classes",
            "v6-ia-na-lease-reuses", "v6-ia-pd-lease-reuses", "reclaimed-leases", "reclaimed-declined-addresses",
            "declined-addresses", "cumulative-assigned-nas", "cumulative-assigned-pds");
    private static final List<String> PER_SUBNET = List.of("cumulative-assigned-nas", "cumulative-assigned-pds",
            "reclaimed-leases", "reclaimed-declined-addresses", "v6-allocation-fail", "v6-ia-na-lease-reuses",
            "v6-ia-pd-lease-reuses");
    private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private Statistics6() {}

    static void init(StatsRegistry stats, Dhcp6Runtime rt) {
        for (String name : GLOBAL) if (stats.observation(name).isEmpty()) stats.set(name, 0L);
        Map<Long, SubnetLeaseCounts6> counts = rt.store().countBySubnet();
        long declinedTotal = 0;
        for (Subnet6 s : rt.config().subnets()) {
            BigInteger nas = BigInteger.ZERO, pds = BigInteger.ZERO;
            for (Pool6 p : s.pools()) nas = nas.add(p.size());
            for (PdPool6 p : s.pdPools()) pds = pds.add(p.capacity());
            SubnetLeaseCounts6 c = counts.getOrDefault(s.id(), SubnetLeaseCounts6.ZERO);
            // Kea's counters are 64-bit: a /64 pool's 2^64 addresses saturate
            stats.set(StatNames.subnet(s.id(), "total-nas"), nas.min(MAX).longValue());
            stats.set(StatNames.subnet(s.id(), "total-pds"), pds.min(MAX).longValue());
            stats.set(StatNames.subnet(s.id(), "assigned-nas"), c.assignedNa() + c.declinedNa());
            stats.set(StatNames.subnet(s.id(), "assigned-pds"), c.assignedPd());
            stats.set(StatNames.subnet(s.id(), "declined-addresses"), c.declinedNa());
            declinedTotal += c.declinedNa();
            for (String n : PER_SUBNET) {
                if (stats.observation(StatNames.subnet(s.id(), n)).isEmpty()) stats.set(StatNames.subnet(s.id(), n), 0L);
            }
        }
        stats.set("declined-addresses", declinedTotal);
    }
}
