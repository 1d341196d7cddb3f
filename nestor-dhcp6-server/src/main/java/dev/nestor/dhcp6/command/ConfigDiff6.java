package dev.nestor.dhcp6.command;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nestor.codec.net.Ipv6Prefix;
import dev.nestor.common.Bytes;
import dev.nestor.config.model.Dhcp6Config;
import dev.nestor.config.model.Reservation6;
import dev.nestor.config.model.Subnet6;
import dev.nestor.dhcp.commands.ConfigDiff;
import dev.nestor.lease.Lease6;
import dev.nestor.lease.LeaseState;
import dev.nestor.lease.LeaseType6;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The DHCPv6 facts of Nestor's config-diff ({@link ConfigDiff}): which live leases a proposed config leaves
 * uncovered (an address outside every pool and not reserved, a prefix outside every pd-pool and not reserved, or
 * the subnet gone), and which address pool ranges shrank. A pd-pool change shows as a changed "pd-pools" key.
 */
record ConfigDiff6(List<Lease6> leases, long now) implements ConfigDiff.Facts<Dhcp6Config> {
    /** @param leases the current leases; only live ones (assigned or declined, not expired at {@code now}) count */
    ConfigDiff6 {
        leases = List.copyOf(leases);
    }

    static ObjectNode diff(Dhcp6Config running, Dhcp6Config proposed, List<Lease6> leases, long now) {
        return ConfigDiff.diff(Dhcp6Family.FAMILY, new ConfigDiff6(leases, now), running, proposed);
    }

    @Override
    public Map<Long, Long> leasesOutside(Dhcp6Config proposed) {
        Set<Bytes> reserved = new HashSet<>();
        Set<Ipv6Prefix> reservedPrefixes = new HashSet<>();
        List<Reservation6> all = new ArrayList<>(proposed.globalReservations());
        proposed.subnets().forEach(s -> all.addAll(s.reservations()));
        for (Reservation6 r : all) {
            reserved.addAll(r.ipAddresses());
            r.prefixes().forEach(p -> reservedPrefixes.add(p.prefix()));
        }
        Map<Long, Long> out = new HashMap<>();
        for (Lease6 l : leases) {
            boolean live = (l.state() == LeaseState.DEFAULT || l.state() == LeaseState.DECLINED) && !l.expired(now);
            if (!live) continue;
            Subnet6 s = proposed.subnet(l.subnetId()).orElse(null);
            if (!covered(s, l, reserved, reservedPrefixes)) out.merge(l.subnetId(), 1L, Long::sum);
        }
        return out;
    }

    private static boolean covered(Subnet6 s, Lease6 l, Set<Bytes> reserved, Set<Ipv6Prefix> reservedPrefixes) {
        if (s == null) return false;
        if (l.type() == LeaseType6.PD) {
            Ipv6Prefix p = new Ipv6Prefix(l.address(), l.prefixLength());
            return s.pdPoolOf(p) != null || reservedPrefixes.contains(p);
        }
        return s.prefix().contains(l.address()) && (s.inPool(l.address()) || reserved.contains(l.address()));
    }

    @Override
    public Object params(Dhcp6Config config, long id) {
        return config.subnet(id).orElseThrow().params();
    }

    @Override
    public List<BigInteger[]> poolRanges(Dhcp6Config config, long id) {
        return config.subnet(id).orElseThrow().pools().stream().map(p -> new BigInteger[] {
                new BigInteger(1, p.first().toArray()), new BigInteger(1, p.last().toArray())}).toList();
    }
}
