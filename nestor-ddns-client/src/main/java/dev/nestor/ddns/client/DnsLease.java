package dev.nestor.ddns.client;

import dev.nestor.common.Bytes;
import dev.nestor.common.net.HwAddress;

import java.net.InetAddress;
import java.util.Locale;
import java.util.Objects;

/**
 * The DNS-relevant part of a lease of either family: what a NameChangeRequest is built from.
 *
 * @param address       the leased address (IPv4 or IPv6)
 * @param hostname      the lease's name ("" = none: no request)
 * @param forward       the lease's {@code fqdn_fwd}
 * @param reverse       the lease's {@code fqdn_rev}
 * @param validLifetime seconds; the records' TTL derives from it
 * @param cltt          client last transmission time, epoch seconds ({@code lease-expires-on} = cltt + lifetime)
 * @param identity      the client's DHCID source; null when the lease has none (no request can be built)
 */
public record DnsLease(InetAddress address, String hostname, boolean forward, boolean reverse, long validLifetime,
                       long cltt, ClientIdentity identity) {
    public DnsLease {
        Objects.requireNonNull(address, "address");
        hostname = hostname == null ? "" : hostname;
    }

    /** A DHCPv4 lease: the DHCID comes from the client identifier when present, else from the hardware address. */
    public static DnsLease v4(InetAddress address, String hostname, boolean forward, boolean reverse, long validLifetime,
                              long cltt, Bytes clientId, HwAddress hwAddress) {
        return new DnsLease(address, hostname, forward, reverse, validLifetime, cltt, ClientIdentity.v4(clientId, hwAddress));
    }

    /** A DHCPv6 address lease: the DHCID comes from the DUID. */
    public static DnsLease v6(InetAddress address, String hostname, boolean forward, boolean reverse, long validLifetime,
                              long cltt, Bytes duid) {
        return new DnsLease(address, hostname, forward, reverse, validLifetime, cltt,
                duid == null || duid.isEmpty() ? null : new ClientIdentity.Duid(duid));
    }

    /** Kea's {@code Lease::hasIdenticalFqdn}: same name (ignoring case) and same update directions. */
    public boolean hasIdenticalFqdn(DnsLease other) {
        return hostname.toLowerCase(Locale.ROOT).equals(other.hostname.toLowerCase(Locale.ROOT))
                && forward == other.forward && reverse == other.reverse;
    }

    /** Epoch seconds when the lease expires (saturating for infinite lifetimes). */
    public long expiresOn() {
        long e = cltt + validLifetime;
        return e < 0 ? Long.MAX_VALUE : e;
    }
}
