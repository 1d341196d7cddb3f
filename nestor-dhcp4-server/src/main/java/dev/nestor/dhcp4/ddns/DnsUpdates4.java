package dev.nestor.dhcp4.ddns;

import dev.nestor.common.net.Ipv4;
import dev.nestor.config.model.DdnsParams;
import dev.nestor.config.model.Dhcp4Config;
import dev.nestor.config.model.Pool4;
import dev.nestor.config.model.Subnet4;
import dev.nestor.ddns.client.DdnsClient;
import dev.nestor.ddns.client.DdnsScope;
import dev.nestor.ddns.client.DnsLease;
import dev.nestor.lease.Lease4;

import java.util.Optional;

/**
 * DHCPv4 leases and scopes as the DDNS client sees them: the lease's DNS view, the {@code ddns-*} values of its
 * subnet or pool (Kea's {@code DdnsParams(subnet).setPoolFromAddress}), and the removal Kea queues when a lease
 * goes (release, decline, expiry, lease4-del with update-ddns).
 */
public final class DnsUpdates4 {
    private DnsUpdates4() {}

    /** The lease's name, directions, lifetime and DHCID source (client identifier, else hardware address). */
    public static DnsLease dnsLease(Lease4 lease) {
        return DnsLease.v4(Ipv4.toInet(lease.address()), lease.hostname(), lease.fqdnFwd(), lease.fqdnRev(),
                lease.validLifetime(), lease.cltt(), lease.clientId(), lease.hwAddress());
    }

    /** The pool's DDNS values when it sets some, else the subnet's. */
    public static DdnsParams params(Subnet4 subnet, Pool4 pool) {
        return pool != null && pool.ddns() != null ? pool.ddns() : subnet.params().ddns();
    }

    /** The values for a lease, from its subnet and the pool holding its address; empty when the subnet is gone. */
    public static Optional<DdnsParams> params(Dhcp4Config config, Lease4 lease) {
        return config.subnet(lease.subnetId()).map(s -> params(s, poolOf(s, lease.address())));
    }

    /** The client's scope: the pool's overrides over the subnet's values, and whether a DDNS daemon is configured. */
    public static DdnsScope scope(Subnet4 subnet, Pool4 pool, boolean connected) {
        String charSet = pool != null && pool.hostnameCharSet() != null ? pool.hostnameCharSet() : subnet.params().hostnameCharSet();
        String repl = pool != null && pool.hostnameCharReplacement() != null
                ? pool.hostnameCharReplacement() : subnet.params().hostnameCharReplacement();
        return new DdnsScope(params(subnet, pool), charSet, repl, connected);
    }

    /** Queues the removal of a lease's records, if it had any (Kea's {@code queueNCR(CHG_REMOVE, lease)}). */
    public static boolean removed(DdnsClient ddns, Dhcp4Config config, Lease4 lease) {
        if (!ddns.enabled() || lease.hostname().isEmpty() || !(lease.fqdnFwd() || lease.fqdnRev())) return false;
        return ddns.leaseRemoved(dnsLease(lease), params(config, lease).orElse(null));
    }

    static Pool4 poolOf(Subnet4 subnet, int address) {
        for (Pool4 p : subnet.pools()) if (p.contains(address)) return p;
        return null;
    }
}
