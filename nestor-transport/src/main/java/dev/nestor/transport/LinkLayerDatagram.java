package dev.nestor.transport;

import dev.nestor.common.net.Ipv4;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A UDP datagram sent as a complete Ethernet frame to a MAC address, bypassing ARP: how a server reaches a client
 * that has no address yet (RFC 2131 4.1: unicast to chaddr and yiaddr) when the broadcast flag is clear.
 * In {@code udp} socket mode this cannot be done; the transport broadcasts to 255.255.255.255 on the interface instead,
 * as Kea does.
 *
 * @param data               UDP payload (copied in and out)
 * @param destinationMac     6-byte Ethernet destination (the client's chaddr); copied in and out
 * @param destinationAddress IP header destination, e.g. the yiaddr being offered
 * @param destinationPort    UDP destination port (68)
 * @param interfaceIndex     egress interface (required, > 0)
 * @param sourceAddress      IP header source (the server identifier on that interface)
 * @param sourcePort         UDP source port (67)
 */
public record LinkLayerDatagram(byte[] data, byte[] destinationMac, int destinationAddress, int destinationPort,
                                int interfaceIndex, int sourceAddress, int sourcePort) implements OutboundDatagram {
    public LinkLayerDatagram {
        data = data.clone();
        destinationMac = destinationMac.clone();
        if (destinationMac.length != 6) throw new IllegalArgumentException("destination MAC must be 6 bytes, got " + destinationMac.length);
        UdpDatagram.checkPort(destinationPort);
        UdpDatagram.checkPort(sourcePort);
        if (interfaceIndex <= 0) throw new IllegalArgumentException("a link-layer datagram needs an interface index, got " + interfaceIndex);
    }

    @Override
    public byte[] data() { return data.clone(); }

    /** The payload itself, for this package's send path only, which reads it and never keeps or changes it. */
    byte[] payload() { return data; }

    @Override
    public byte[] destinationMac() { return destinationMac.clone(); }

    /** Payload length without copying. */
    public int length() { return data.length; }

    @Override
    public boolean equals(Object o) {
        return o instanceof LinkLayerDatagram d && Arrays.equals(d.data, data) && Arrays.equals(d.destinationMac, destinationMac)
                && d.destinationAddress == destinationAddress && d.destinationPort == destinationPort
                && d.interfaceIndex == interfaceIndex && d.sourceAddress == sourceAddress && d.sourcePort == sourcePort;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(data), Arrays.hashCode(destinationMac), destinationAddress, destinationPort,
                interfaceIndex, sourceAddress, sourcePort);
    }

    @Override
    public String toString() {
        return "LinkLayerDatagram[" + data.length + " bytes to " + HexFormat.ofDelimiter(":").formatHex(destinationMac) + " "
                + Ipv4.toString(destinationAddress) + ":" + destinationPort + " via " + interfaceIndex + " from "
                + Ipv4.toString(sourceAddress) + ":" + sourcePort + "]";
    }
}
