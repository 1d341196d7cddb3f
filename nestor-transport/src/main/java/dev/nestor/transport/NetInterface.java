package dev.nestor.transport;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A network interface as the transport sees it.
 *
 * @param index     kernel interface index (what IP_PKTINFO reports)
 * @param name      interface name, e.g. {@code eth0}
 * @param mac       hardware address (empty when the interface has none, e.g. loopback); copied in and out
 * @param ipv4      IPv4 addresses with prefix lengths, in kernel order
 * @param up        administratively up (IFF_UP) and carrier present (IFF_RUNNING), as Kea requires to listen
 * @param loopback  IFF_LOOPBACK
 * @param broadcast IFF_BROADCAST
 * @param ipv6      IPv6 addresses with prefix lengths (link-local ones included), in kernel order; added for DHCPv6
 *                  after the other components so that the seven-argument constructor keeps working
 */
public record NetInterface(int index, String name, byte[] mac, List<InterfaceAddress4> ipv4,
                           boolean up, boolean loopback, boolean broadcast, List<InterfaceAddress6> ipv6) {
    public NetInterface {
        if (index <= 0) throw new IllegalArgumentException("interface index must be positive: " + index);
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) throw new IllegalArgumentException("empty interface name");
        mac = mac == null ? new byte[0] : mac.clone();
        ipv4 = List.copyOf(ipv4);
        ipv6 = List.copyOf(ipv6);
    }

    /** An interface without IPv6 addresses (the DHCPv4 form). */
    public NetInterface(int index, String name, byte[] mac, List<InterfaceAddress4> ipv4, boolean up, boolean loopback, boolean broadcast) {
        this(index, name, mac, ipv4, up, loopback, broadcast, List.of());
    }

    @Override
    public byte[] mac() { return mac.clone(); }

    /** The first IPv4 address, or 0 when the interface has none. */
    public int primaryAddress() { return ipv4.isEmpty() ? 0 : ipv4.getFirst().address(); }

    /** The first link-local (fe80::/10) IPv6 address, if any: a DHCPv6 server's source address on this link. */
    public java.util.Optional<InterfaceAddress6> linkLocal6() {
        return ipv6.stream().filter(InterfaceAddress6::linkLocal).findFirst();
    }

    /** Whether {@code address} (16 bytes) is one of this interface's IPv6 addresses. */
    public boolean hasIpv6(byte[] address) {
        return ipv6.stream().anyMatch(a -> a.is(address));
    }

    /** A copy with other address lists (used to narrow what a transport reports as listening). */
    NetInterface withAddresses(List<InterfaceAddress4> v4, List<InterfaceAddress6> v6) {
        return new NetInterface(index, name, mac, v4, up, loopback, broadcast, v6);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NetInterface n && n.index == index && n.name.equals(name) && Arrays.equals(n.mac, mac)
                && n.ipv4.equals(ipv4) && n.up == up && n.loopback == loopback && n.broadcast == broadcast && n.ipv6.equals(ipv6);
    }

    @Override
    public int hashCode() { return Objects.hash(index, name, Arrays.hashCode(mac), ipv4, up, loopback, broadcast, ipv6); }

    @Override
    public String toString() {
        return "NetInterface[" + index + " " + name + " mac=" + HexFormat.ofDelimiter(":").formatHex(mac) + " ipv4=" + ipv4
                + (ipv6.isEmpty() ? "" : " ipv6=" + ipv6) + (up ? " up" : " down") + (loopback ? " loopback" : "") + (broadcast ? " broadcast" : "") + "]";
    }
}
