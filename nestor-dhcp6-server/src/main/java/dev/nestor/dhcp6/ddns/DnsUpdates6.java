package dev.nestor.dhcp6.ddns;

import dev.nestor.codec.net.Ipv6;
import dev.nestor.config.model.DdnsParams;
import dev.nestor.config.model.Dhcp6Config;
import dev.nestor.config.model.Pool6;
import dev.nestor.config.model.Subnet6;
import dev.nestor.ddns.client.DdnsClient;
import dev.nestor.ddns.client.DdnsScope;
import dev.nestor.ddns.client.DnsLease;
import dev.nestor.lease.Lease6;
import dev.nestor.lease.LeaseType6;

import java.util.Optional;

/**
 * DHCPv6 leases and scopes as the DDNS client sees them: the lease's DNS view (DHCID from the DUID), the
 * {@code ddns-*} values of its subnet or pool (Kea's {@code DdnsParams(subnet).setPoolFromAddress}), and the removal
 * Kea queues when an address lease goes (release, decline, expiry, lease6-del with update-ddns). Prefix delegations
 * never have DNS records of their own (Kea's {@code queueNCR} skips them).
 */
public final class DnsUpdates6 {
    private DnsUpdates6() {}

    /** The lease's name, directions, lifetime and DUID. */
    public static DnsLease dnsLease(Lease6 lease) {
        return DnsLease.v6(Ipv6.toInet(lease.address()), lease.hostname(), lease.fqdnFwd(), lease.fqdnRev(),
                lease.validLifetime(), lease.cltt(), lease.duid().equals(Lease6.EMPTY_DUID) ? null : lease.duid());
    }

    /** The pool's DDNS values when it sets some, else the subnet's. */
    public static DdnsParams params(Subnet6 subnet, Pool6 pool) {
        return pool != null && pool.ddns() != null ? pool.ddns() : subnet.params().ddns();
    }

    /** The values for a lease, from its subnet and the pool holding its address; empty when the subnet is gone. */
    public static Optional<DdnsParams> params(Dhcp6Config config, Lease6 lease) {
        return config.subnet(lease.subnetId()).map(s -> params(s, poolOf(s, lease)));
    }

    /** The client's scope: the pool's overrides over the subnet's values, and whether a DDNS daemon is configured. */
    public static DdnsScope scope(Subnet6 subnet, Pool6 pool, boolean connected) {
        String charSet = pool != null && pool.hostnameCharSet() != null ? pool.hostnameCharSet() : subnet.params().hostnameCharSet();
        String repl = pool != null && pool.hostnameCharReplacement() != null
                ? pool.hostnameCharReplacement() : subnet.params().hostnameCharReplacement();
        return new DdnsScope(params(subnet, pool), charSet, repl, connected);
    }

    /** Whether the lease can have DNS records: an address lease with a name and a direction. */
    public static boolean named(Lease6 lease) {
        return lease.type() != LeaseType6.PD && !lease.hostname().isEmpty() && (lease.fqdnFwd() || lease.fqdnRev());
    }

    /** Queues the removal of a lease's records, if it had any (Kea's {@code queueNCR(CHG_REMOVE, lease)}). */
    public static boolean removed(DdnsClient ddns, Dhcp6Config config, Lease6 lease) {
        if (!ddns.enabled() || !named(lease)) return false;
        return ddns.leaseRemoved(dnsLease(lease), params(config, lease).orElse(null));
    }

    static Pool6 poolOf(Subnet6 subnet, Lease6 lease) {
        if (lease.type() == LeaseType6.PD) return null;
        for (Pool6 p : subnet.pools()) if (p.contains(lease.address())) return p;
        return null;
    }
}
