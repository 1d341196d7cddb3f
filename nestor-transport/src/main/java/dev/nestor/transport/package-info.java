/**
 * DHCPv4 datagram transport on Linux, written with the Foreign Function &amp; Memory API (no JNI, no Netty).
 *
 * <p>Entry point: {@link dev.nestor.transport.Dhcp4Transports#open(TransportOptions)} returns a
 * {@link dev.nestor.transport.Dhcp4Transport}. Received datagrams carry their ingress interface and IP destination
 * ({@link dev.nestor.transport.InboundDatagram}); replies are {@link dev.nestor.transport.UdpDatagram} (kernel UDP,
 * with egress interface and source address pinned by IP_PKTINFO) or {@link dev.nestor.transport.LinkLayerDatagram}
 * (a hand-built Ethernet frame to a MAC, for clients without an address, in raw mode).
 *
 * <p>Design choices:
 * <ul>
 *   <li>One UDP socket bound to 0.0.0.0:port receives for all interfaces; IP_PKTINFO tells the interface and the
 *       filter applies Kea's {@code interfaces-config} rules. No per-interface SO_BINDTODEVICE sockets: one socket
 *       means one receive thread and no fan-in, and the pktinfo filter is equivalent for DHCP.</li>
 *   <li>Raw mode differs from Kea's only on the send side (an AF_PACKET socket for link-layer replies); receiving goes
 *       through the kernel's UDP stack, so the host firewall's INPUT rules apply (Kea's packet sockets bypass them).</li>
 *   <li>Native memory for receive lives in an automatic arena and file descriptors are closed only when no call is
 *       using them, so {@code close()} is safe from any thread.</li>
 * </ul>
 */
package dev.nestor.transport;
