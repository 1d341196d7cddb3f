package dev.nestor.transport;

import java.util.Arrays;
import java.util.Objects;

/**
 * A UDP payload received on the DHCPv6 server port, with its envelope.
 *
 * @param data               exactly the UDP payload (copied in and out)
 * @param sourceAddress      IPv6 source (16 bytes): a client's link-local address, or a relay's address
 * @param sourcePort         UDP source port (546 for a client, 547 for a relay)
 * @param destinationAddress IPv6 header destination from IPV6_PKTINFO {@code ipi6_addr} (16 bytes): ff02::1:2 for a
 *                           multicast, one of our addresses for a unicast
 * @param interfaceIndex     ingress interface index ({@code ipi6_ifindex}); also the scope of a link-local source
 * @param interfaceName      ingress interface name
 * @param receivedNanos      {@link System#nanoTime()} when the datagram was taken off the socket (monotonic)
 */
public record InboundDatagram6(byte[] data, byte[] sourceAddress, int sourcePort, byte[] destinationAddress,
                               int interfaceIndex, String interfaceName, long receivedNanos) {
    public InboundDatagram6 {
        data = data.clone();
        sourceAddress = Ipv6Text.check(sourceAddress, "source address");
        destinationAddress = Ipv6Text.check(destinationAddress, "destination address");
        if (sourcePort < 0 || sourcePort > 0xFFFF) throw new IllegalArgumentException("source port out of range: " + sourcePort);
        Objects.requireNonNull(interfaceName, "interfaceName");
    }

    @Override
    public byte[] data() { return data.clone(); }

    /**
     * Reads the payload where it is, without the copy {@link #data()} makes (a decoder that copies what it keeps):
     * {@code reader} must neither modify the array nor hold on to it.
     */
    public <T, X extends Exception> T read(PayloadReader<T, X> reader) throws X {
        return reader.read(data, 0, data.length);
    }

    @Override
    public byte[] sourceAddress() { return sourceAddress.clone(); }

    @Override
    public byte[] destinationAddress() { return destinationAddress.clone(); }

    /** Payload length without copying. */
    public int length() { return data.length; }

    /** True when sent to a multicast group (ff02::1:2): a client on the link, not a unicast to one of our addresses. */
    public boolean isMulticast() { return Ipv6Text.isMulticast(destinationAddress); }

    /** True when the sender used a link-local address (a client on this link, or a relay on it). */
    public boolean fromLinkLocal() { return Ipv6Text.isLinkLocal(sourceAddress); }

    /** RFC 5952 text of the source address. */
    public String sourceText() { return Ipv6Text.toString(sourceAddress); }

    /** RFC 5952 text of the destination address. */
    public String destinationText() { return Ipv6Text.toString(destinationAddress); }

    @Override
    public boolean equals(Object o) {
        return o instanceof InboundDatagram6 d && Arrays.equals(d.data, data) && Arrays.equals(d.sourceAddress, sourceAddress)
                && d.sourcePort == sourcePort && Arrays.equals(d.destinationAddress, destinationAddress)
                && d.interfaceIndex == interfaceIndex && d.interfaceName.equals(interfaceName) && d.receivedNanos == receivedNanos;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(data), Arrays.hashCode(sourceAddress), sourcePort, Arrays.hashCode(destinationAddress),
                interfaceIndex, interfaceName, receivedNanos);
    }

    @Override
    public String toString() {
        return "InboundDatagram6[" + data.length + " bytes from [" + sourceText() + "]:" + sourcePort + " to " + destinationText()
                + " on " + interfaceName + "(" + interfaceIndex + ")]";
    }
}
