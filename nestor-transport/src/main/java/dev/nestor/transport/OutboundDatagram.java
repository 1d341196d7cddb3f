package dev.nestor.transport;

/** A datagram the server wants sent: plain UDP through the kernel, or a hand-built frame to a MAC address. */
public sealed interface OutboundDatagram permits UdpDatagram, LinkLayerDatagram {
    /** The UDP payload (a copy). */
    byte[] data();

    int destinationAddress();

    int destinationPort();

    int interfaceIndex();

    int sourceAddress();
}
