package dev.nestor.ddns.ncr;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Objects;

/**
 * One NameChangeRequest: what a DHCP server asks the DDNS daemon to change in DNS, with the content and checks of
 * Kea's {@code dhcp_ddns::NameChangeRequest}. Immutable and valid by construction (see the compact constructor).
 *
 * @param changeType     add or remove
 * @param forwardChange  update the forward zone (A/AAAA + DHCID)
 * @param reverseChange  update the reverse zone (PTR + DHCID)
 * @param fqdn           the client's name, absolute (a trailing dot is added when missing; case is kept)
 * @param ipAddress      the leased address: A and in-addr.arpa for IPv4, AAAA and ip6.arpa for IPv6
 * @param dhcid          the DHCID RDATA identifying the client (see {@link Dhcid})
 * @param leaseExpiresOn expiry of the lease in seconds since the epoch (Kea 2.x/3.0 send it; 0 when not given)
 * @param leaseLength    the TTL for the records, seconds (0..2^32-1)
 * @param conflictResolutionMode how the daemon protects names of other clients
 */
public record NameChangeRequest(ChangeType changeType, boolean forwardChange, boolean reverseChange, String fqdn,
                                InetAddress ipAddress, Dhcid dhcid, long leaseExpiresOn, long leaseLength,
                                ConflictResolutionMode conflictResolutionMode) {
    public NameChangeRequest {
        Objects.requireNonNull(changeType, "changeType");
        Objects.requireNonNull(fqdn, "fqdn");
        Objects.requireNonNull(ipAddress, "ipAddress");
        Objects.requireNonNull(dhcid, "dhcid");
        Objects.requireNonNull(conflictResolutionMode, "conflictResolutionMode");
        if (fqdn.isEmpty()) throw new IllegalArgumentException("FQDN cannot be blank");
        try {
            fqdn = Fqdn.absolute(fqdn);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid FQDN value: " + fqdn + ", reason: " + e.getMessage(), e);
        }
        if (!(ipAddress instanceof Inet4Address) && !(ipAddress instanceof Inet6Address)) {
            throw new IllegalArgumentException("Invalid ip address: " + ipAddress);
        }
        if (ipAddress instanceof Inet6Address v6 && v6.getScopeId() != 0) {
            // a scoped address has no place in DNS; drop the scope rather than carry it into names
            try {
                ipAddress = InetAddress.getByAddress(v6.getAddress());
            } catch (java.net.UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }
        if (leaseLength < 0 || leaseLength > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("lease_length value " + leaseLength + " is out of range 0..4294967295");
        }
        if (leaseExpiresOn < 0) throw new IllegalArgumentException("lease-expires-on must not be negative");
        if (!forwardChange && !reverseChange) {
            throw new IllegalArgumentException("Invalid Request, forward and reverse flags are both false");
        }
    }

    /** A request with Kea's default conflict resolution ({@code check-with-dhcid}). */
    public static NameChangeRequest of(ChangeType type, boolean forward, boolean reverse, String fqdn,
                                       InetAddress address, Dhcid dhcid, long leaseExpiresOn, long leaseLength) {
        return new NameChangeRequest(type, forward, reverse, fqdn, address, dhcid, leaseExpiresOn, leaseLength,
                ConflictResolutionMode.CHECK_WITH_DHCID);
    }

    /** True for an IPv6 lease (AAAA, ip6.arpa). */
    public boolean isV6() {
        return ipAddress instanceof Inet6Address;
    }

    /** The address as Kea writes it: dotted quad, or RFC 5952 compressed IPv6. */
    public String ipAddressText() {
        return AddressText.of(ipAddress);
    }

    /** A one-line description for logs. */
    public String describe() {
        return changeType + " " + fqdn + " " + ipAddressText() + " fwd=" + forwardChange + " rev=" + reverseChange
                + " dhcid=" + dhcid.toHex() + " ttl=" + leaseLength + " mode=" + conflictResolutionMode.keaName();
    }
}
