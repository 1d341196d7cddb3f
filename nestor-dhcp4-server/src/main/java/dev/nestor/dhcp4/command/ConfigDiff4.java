package dev.nestor.dhcp4.command;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nestor.common.net.Ipv4;
import dev.nestor.config.model.Dhcp4Config;
import dev.nestor.config.model.Reservation4;
import dev.nestor.config.model.Subnet4;
import dev.nestor.dhcp.commands.ConfigDiff;
import dev.nestor.lease.Lease4;
import dev.nestor.lease.LeaseState;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The DHCPv4 facts of Nestor's config-diff ({@link ConfigDiff}): which live leases a proposed config leaves outside
 * its pools (subnet gone, or address neither in a pool nor reserved), which pool ranges shrank.
 */
record ConfigDiff4(List<Lease4> leases, long now) implements ConfigDiff.Facts<Dhcp4Config> {
    /** @param leases the current leases; only live ones (assigned or declined, not expired at {@code now}) count */
    ConfigDiff4 {
        leases = List.copyOf(leases);
    }

    static ObjectNode diff(Dhcp4Config running, Dhcp4Config proposed, List<Lease4> leases, long now) {
        return ConfigDiff.diff(Dhcp4Family.FAMILY, new ConfigDiff4(leases, now), running, proposed);
    }

    static String summary(ObjectNode diff) {
        return ConfigDiff.summary(diff);
    }

    @Override
    public Map<Long, Long> leasesOutside(Dhcp4Config proposed) {
        Set<Integer> reserved = new HashSet<>();
        for (Reservation4 r : proposed.globalReservations()) if (r.ipAddress() != null) reserved.add(r.ipAddress());
        for (Subnet4 s : proposed.subnets()) {
            for (Reservation4 r : s.reservations()) if (r.ipAddress() != null) reserved.add(r.ipAddress());
        }
        Map<Long, Long> out = new HashMap<>();
        for (Lease4 l : leases) {
            boolean live = (l.state() == LeaseState.DEFAULT || l.state() == LeaseState.DECLINED) && !l.expired(now);
            if (!live) continue;
            Subnet4 s = proposed.subnet(l.subnetId()).orElse(null);
            boolean covered = s != null && s.prefix().contains(l.address()) && (s.inPool(l.address()) || reserved.contains(l.address()));
            if (!covered) out.merge(l.subnetId(), 1L, Long::sum);
        }
        return out;
    }

    @Override
    public Object params(Dhcp4Config config, long id) {
        return config.subnet(id).orElseThrow().params();
    }

    @Override
    public List<BigInteger[]> poolRanges(Dhcp4Config config, long id) {
        return config.subnet(id).orElseThrow().pools().stream().map(p -> new BigInteger[] {
                BigInteger.valueOf(Ipv4.toUnsigned(p.first())), BigInteger.valueOf(Ipv4.toUnsigned(p.last()))}).toList();
    }
}
