package dev.nestor.transport;

import dev.nestor.common.net.Ipv4;
import java.util.Arrays;
import java.util.Objects;

/**
 * A UDP payload received on the server port, with its envelope.
 *
 * @param data               exactly the UDP payload (copied in and out)
 * @param sourceAddress      IPv4 source address of the sender (0.0.0.0 for a client without an address)
 * @param sourcePort         UDP source port (68 for a client, 67 for a relay)
 * @param destinationAddress IP header destination from IP_PKTINFO {@code ipi_addr}: 255.255.255.255 for a
 *                           broadcast, one of our addresses for a unicast (relayed or renewing client)
 * @param interfaceIndex     ingress interface index ({@code ipi_ifindex})
 * @param interfaceName      ingress interface name
 * @param receivedNanos      {@link System#nanoTime()} when the datagram was taken off the socket (monotonic, for
 *                           latency and queue-age decisions, not wall time)
 */
public record InboundDatagram(byte[] data, int sourceAddress, int sourcePort, int destinationAddress,
                              int interfaceIndex, String interfaceName, long receivedNanos) {
    public InboundDatagram {
        data = data.clone();
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

    /** Payload length without copying. */
    public int length() { return data.length; }

    /** One payload byte (0..255) without copying the payload, for callers that look at a few bytes per packet. */
    public int byteAt(int index) { return data[index] & 0xFF; }

    /** True when the datagram was sent to the limited broadcast address (a client without a configured server). */
    public boolean isBroadcast() { return destinationAddress == Ipv4.BROADCAST; }

    @Override
    public boolean equals(Object o) {
        return o instanceof InboundDatagram d && Arrays.equals(d.data, data) && d.sourceAddress == sourceAddress
                && d.sourcePort == sourcePort && d.destinationAddress == destinationAddress
                && d.interfaceIndex == interfaceIndex && d.interfaceName.equals(interfaceName) && d.receivedNanos == receivedNanos;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(data), sourceAddress, sourcePort, destinationAddress, interfaceIndex, interfaceName, receivedNanos);
    }

    @Override
    public String toString() {
        return "InboundDatagram[" + data.length + " bytes from " + Ipv4.toString(sourceAddress) + ":" + sourcePort
                + " to " + Ipv4.toString(destinationAddress) + " on " + interfaceName + "(" + interfaceIndex + ")]";
    }
}
