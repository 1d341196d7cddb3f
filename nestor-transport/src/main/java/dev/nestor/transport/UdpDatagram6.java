package dev.nestor.transport;

import java.util.Arrays;
import java.util.Objects;

/**
 * A datagram sent from the DHCPv6 server port through the kernel's UDP stack.
 *
 * @param data               UDP payload (copied in and out)
 * @param destinationAddress IPv6 destination (16 bytes): a client's link-local address, a relay's address
 * @param destinationPort    UDP destination port (546 to a client, 547 to a relay)
 * @param interfaceIndex     egress interface, 0 = the routing table decides; required (non-zero) for a link-local or
 *                           multicast destination, whose scope it is
 * @param sourceAddress      IPv6 source (16 bytes), all-zero = the kernel picks (the interface's link-local address
 *                           for a link-local destination)
 */
public record UdpDatagram6(byte[] data, byte[] destinationAddress, int destinationPort, int interfaceIndex, byte[] sourceAddress) {
    public UdpDatagram6 {
        data = data.clone();
        destinationAddress = Ipv6Text.check(destinationAddress, "destination address");
        sourceAddress = Ipv6Text.check(sourceAddress, "source address");
        UdpDatagram.checkPort(destinationPort);
        if (interfaceIndex < 0) throw new IllegalArgumentException("negative interface index: " + interfaceIndex);
        if (interfaceIndex == 0 && (Ipv6Text.isLinkLocal(destinationAddress) || Ipv6Text.isMulticast(destinationAddress)))
            throw new IllegalArgumentException("a link-local or multicast destination needs an interface index: "
                    + Ipv6Text.toString(destinationAddress));
        if (Ipv6Text.isMulticast(sourceAddress)) throw new IllegalArgumentException("multicast source address: " + Ipv6Text.toString(sourceAddress));
    }

    /** The kernel picks the source address. */
    public UdpDatagram6(byte[] data, byte[] destinationAddress, int destinationPort, int interfaceIndex) {
        this(data, destinationAddress, destinationPort, interfaceIndex, Ipv6Text.UNSPECIFIED);
    }

    @Override
    public byte[] data() { return data.clone(); }

    /** The payload itself, for this package's send path only, which reads it and never keeps or changes it. */
    byte[] payload() { return data; }

    @Override
    public byte[] destinationAddress() { return destinationAddress.clone(); }

    @Override
    public byte[] sourceAddress() { return sourceAddress.clone(); }

    /** Payload length without copying. */
    public int length() { return data.length; }

    @Override
    public boolean equals(Object o) {
        return o instanceof UdpDatagram6 d && Arrays.equals(d.data, data) && Arrays.equals(d.destinationAddress, destinationAddress)
                && d.destinationPort == destinationPort && d.interfaceIndex == interfaceIndex && Arrays.equals(d.sourceAddress, sourceAddress);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(data), Arrays.hashCode(destinationAddress), destinationPort, interfaceIndex, Arrays.hashCode(sourceAddress));
    }

    @Override
    public String toString() {
        return "UdpDatagram6[" + data.length + " bytes to [" + Ipv6Text.toString(destinationAddress) + "]:" + destinationPort
                + " via " + interfaceIndex + " from " + Ipv6Text.toString(sourceAddress) + "]";
    }
}
