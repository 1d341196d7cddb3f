/**
 * DHCPv4 and DHCPv6 datagram transports on Linux, written with the Foreign Function &amp; Memory API (no JNI, no Netty).
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
 *
 * <p>DHCPv6: {@link dev.nestor.transport.Dhcp6Transports#open(Transport6Options)} returns a
 * {@link dev.nestor.transport.Dhcp6Transport} (same thread contract). Received
 * {@link dev.nestor.transport.InboundDatagram6}s carry the ingress interface and the IPv6 destination (ff02::1:2 for
 * a multicast, else one of our addresses); replies are {@link dev.nestor.transport.UdpDatagram6}s (egress interface
 * and optional source pinned by IPV6_PKTINFO; a link-local destination takes the interface as its scope).
 * <ul>
 *   <li>One {@code AF_INET6} socket (IPV6_V6ONLY, SO_REUSEADDR, IPV6_RECVPKTINFO) bound to {@code [::]:547}, member
 *       of ff02::1:2 (IPV6_JOIN_GROUP) on each listened interface. The kernel hands a group's packets to every member
 *       socket whatever interface the membership was made on, so the IPV6_PKTINFO interface filter is what limits
 *       a transport to its interfaces.</li>
 *   <li>Kea's rules: {@code "eth0"} = link-local addresses and ff02::1:2; {@code "eth0/2001:db8::1"} adds unicast to
 *       that address; unicast to any other global address is dropped (Kea has no socket on it).</li>
 *   <li>Interface IPv6 addresses ({@link dev.nestor.transport.NetInterface#ipv6()}, added as a last record component
 *       with the old seven-argument constructor kept) come from {@code /proc/net/if_inet6}.</li>
 *   <li>Constants and layouts, checked on this machine (x86_64, Linux 6.18, glibc headers and python's socket module):
 *       {@code AF_INET6=10, IPPROTO_IPV6=41, IPV6_V6ONLY=26, IPV6_RECVPKTINFO=49, IPV6_PKTINFO=50,
 *       IPV6_JOIN_GROUP=IPV6_ADD_MEMBERSHIP=20, IPV6_LEAVE_GROUP=21}; {@code sockaddr_in6} 28 bytes (port @2, addr @8,
 *       scope_id @24); {@code in6_pktinfo} 20 (addr @0, ifindex @16), cmsg_len 36, CMSG_SPACE 40; {@code ipv6_mreq}
 *       20 (group @0, ifindex @16).</li>
 * </ul>
 */
package dev.nestor.transport;
