package dev.nestor.lease.host;

import dev.nestor.common.Bytes;
import java.util.List;
import java.util.Objects;

/**
 * A host reservation as Kea's host backends store it: one {@code hosts} row with its IPv6 reservations and
 * options. A host may carry a DHCPv4 part, a DHCPv6 part, or both (Kea's {@code Host}); the part a protocol does
 * not use has a null subnet id (Kea's {@code SUBNET_ID_UNUSED}), and subnet id 0 is a global reservation.
 *
 * @param hostId            the database's {@code host_id}; 0 for a host not stored yet
 * @param ipv4SubnetId      the DHCPv4 subnet, 0 for global, null when not a DHCPv4 reservation
 * @param ipv6SubnetId      the DHCPv6 subnet, 0 for global, null when not a DHCPv6 reservation
 * @param ipv4Address       reserved IPv4 address, or null
 * @param hostname          "" when none
 * @param dhcp4ClientClasses / dhcp6ClientClasses classes the reservation assigns (Kea keeps them comma-separated)
 * @param nextServer        siaddr (IPv4 as int), or null
 * @param serverHostname    sname, "" when none
 * @param bootFileName      file, "" when none
 * @param userContext       JSON text of the user context, or null
 * @param authKey           Kea's reconfigure authentication key (hex), or null
 */
public record Host(long hostId, HostIdentifierType identifierType, Bytes identifier, Long ipv4SubnetId,
                   Long ipv6SubnetId, Integer ipv4Address, String hostname, List<String> dhcp4ClientClasses,
                   List<String> dhcp6ClientClasses, Integer nextServer, String serverHostname, String bootFileName,
                   String userContext, String authKey, List<Ipv6Reservation> ipv6Reservations,
                   List<HostOption> options4, List<HostOption> options6) {
    /** Kea's identifier limit ({@code hosts.dhcp_identifier} is VARBINARY(128)). */
    public static final int MAX_IDENTIFIER_LENGTH = 128;

    public Host {
        if (hostId < 0) throw new IllegalArgumentException("negative host id");
        Objects.requireNonNull(identifierType, "identifierType");
        Objects.requireNonNull(identifier, "identifier");
        if (identifier.isEmpty() || identifier.length() > MAX_IDENTIFIER_LENGTH)
            throw new IllegalArgumentException("host identifier must have 1 to 128 bytes, not " + identifier.length());
        if (ipv4SubnetId == null && ipv6SubnetId == null)
            throw new IllegalArgumentException("a host needs a DHCPv4 or a DHCPv6 subnet id (0 for global)");
        checkSubnet(ipv4SubnetId);
        checkSubnet(ipv6SubnetId);
        hostname = hostname == null ? "" : hostname;
        dhcp4ClientClasses = List.copyOf(dhcp4ClientClasses);
        dhcp6ClientClasses = List.copyOf(dhcp6ClientClasses);
        serverHostname = serverHostname == null ? "" : serverHostname;
        bootFileName = bootFileName == null ? "" : bootFileName;
        ipv6Reservations = List.copyOf(ipv6Reservations);
        options4 = List.copyOf(options4);
        options6 = List.copyOf(options6);
    }

    private static void checkSubnet(Long id) {
        if (id != null && (id < 0 || id > 0xFFFFFFFFL)) throw new IllegalArgumentException("subnet id out of range: " + id);
    }

    /** A DHCPv4 reservation with no DHCPv6 part and nothing but an identifier and (optionally) an address. */
    public static Host v4(HostIdentifierType type, Bytes identifier, long subnetId, Integer address) {
        return new Host(0, type, identifier, subnetId, null, address, "", List.of(), List.of(), null, "", "", null,
                null, List.of(), List.of(), List.of());
    }

    /** A DHCPv6 reservation with no DHCPv4 part. */
    public static Host v6(HostIdentifierType type, Bytes identifier, long subnetId, List<Ipv6Reservation> reservations) {
        return new Host(0, type, identifier, null, subnetId, null, "", List.of(), List.of(), null, "", "", null, null,
                reservations, List.of(), List.of());
    }

    /** The same host as stored under {@code id}. */
    public Host withHostId(long id) {
        return new Host(id, identifierType, identifier, ipv4SubnetId, ipv6SubnetId, ipv4Address, hostname,
                dhcp4ClientClasses, dhcp6ClientClasses, nextServer, serverHostname, bootFileName, userContext, authKey,
                ipv6Reservations, options4, options6);
    }

    public Host withHostname(String name) {
        return new Host(hostId, identifierType, identifier, ipv4SubnetId, ipv6SubnetId, ipv4Address, name,
                dhcp4ClientClasses, dhcp6ClientClasses, nextServer, serverHostname, bootFileName, userContext, authKey,
                ipv6Reservations, options4, options6);
    }

    public Host withOptions4(List<HostOption> options) {
        return new Host(hostId, identifierType, identifier, ipv4SubnetId, ipv6SubnetId, ipv4Address, hostname,
                dhcp4ClientClasses, dhcp6ClientClasses, nextServer, serverHostname, bootFileName, userContext, authKey,
                ipv6Reservations, options, options6);
    }

    public Host withOptions6(List<HostOption> options) {
        return new Host(hostId, identifierType, identifier, ipv4SubnetId, ipv6SubnetId, ipv4Address, hostname,
                dhcp4ClientClasses, dhcp6ClientClasses, nextServer, serverHostname, bootFileName, userContext, authKey,
                ipv6Reservations, options4, options);
    }

    /** The subnet id of a protocol's part, null when the host has none. */
    public Long subnetId(HostStore.Family family) {
        return family == HostStore.Family.V4 ? ipv4SubnetId : ipv6SubnetId;
    }
}
