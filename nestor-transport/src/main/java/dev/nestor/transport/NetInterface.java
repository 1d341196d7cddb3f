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
 */
public record NetInterface(int index, String name, byte[] mac, List<InterfaceAddress4> ipv4,
                           boolean up, boolean loopback, boolean broadcast) {
    public NetInterface {
        if (index <= 0) throw new IllegalArgumentException("interface index must be positive: " + index);
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) throw new IllegalArgumentException("empty interface name");
        mac = mac == null ? new byte[0] : mac.clone();
        ipv4 = List.copyOf(ipv4);
    }

    @Override
    public byte[] mac() { return mac.clone(); }

    /** The first IPv4 address, or 0 when the interface has none. */
    public int primaryAddress() { return ipv4.isEmpty() ? 0 : ipv4.getFirst().address(); }

    @Override
    public boolean equals(Object o) {
        return o instanceof NetInterface n && n.index == index && n.name.equals(name) && Arrays.equals(n.mac, mac)
                && n.ipv4.equals(ipv4) && n.up == up && n.loopback == loopback && n.broadcast == broadcast;
    }

    @Override
    public int hashCode() { return Objects.hash(index, name, Arrays.hashCode(mac), ipv4, up, loopback, broadcast); }

    @Override
    public String toString() {
        return "NetInterface[" + index + " " + name + " mac=" + HexFormat.ofDelimiter(":").formatHex(mac) + " ipv4=" + ipv4
                + (up ? " up" : " down") + (loopback ? " loopback" : "") + (broadcast ? " broadcast" : "") + "]";
    }
}
