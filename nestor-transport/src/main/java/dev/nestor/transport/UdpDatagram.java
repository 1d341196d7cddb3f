package dev.nestor.transport;

import dev.nestor.common.net.Ipv4;
import java.util.Arrays;
import java.util.Objects;

/**
 * A datagram sent through the kernel's UDP stack from the server port.
 *
 * @param data               UDP payload (copied in and out)
 * @param destinationAddress IPv4 destination (255.255.255.255 for a broadcast reply, a relay's giaddr, a client's ciaddr)
 * @param destinationPort    UDP destination port
 * @param interfaceIndex     egress interface, 0 = the routing table decides
 * @param sourceAddress      IPv4 source address, 0 = the kernel picks
 */
public record UdpDatagram(byte[] data, int destinationAddress, int destinationPort, int interfaceIndex, int sourceAddress)
        implements OutboundDatagram {
    public UdpDatagram {
        data = data.clone();
        checkPort(destinationPort);
        if (interfaceIndex < 0) throw new IllegalArgumentException("negative interface index: " + interfaceIndex);
    }

    static void checkPort(int port) {
        if (port <= 0 || port > 0xFFFF) throw new IllegalArgumentException("port out of range: " + port);
    }

    @Override
    public byte[] data() { return data.clone(); }

    /** The payload itself, for this package's send path only, which reads it and never keeps or changes it. */
    byte[] payload() { return data; }

    /** Payload length without copying. */
    public int length() { return data.length; }

    @Override
    public boolean equals(Object o) {
        return o instanceof UdpDatagram d && Arrays.equals(d.data, data) && d.destinationAddress == destinationAddress
                && d.destinationPort == destinationPort && d.interfaceIndex == interfaceIndex && d.sourceAddress == sourceAddress;
    }

    @Override
    public int hashCode() { return Objects.hash(Arrays.hashCode(data), destinationAddress, destinationPort, interfaceIndex, sourceAddress); }

    @Override
    public String toString() {
        return "UdpDatagram[" + data.length + " bytes to " + Ipv4.toString(destinationAddress) + ":" + destinationPort
                + " via " + interfaceIndex + " from " + Ipv4.toString(sourceAddress) + "]";
    }
}
