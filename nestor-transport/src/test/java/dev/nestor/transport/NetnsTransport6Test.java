package dev.nestor.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The DHCPv6 transport against real peers: the test JVM (root namespace) owns {@code nt6<rand>a} and
 * {@code nt6<rand>c}; their veth peers {@code b} and {@code d} live in namespace {@code nt6-<rand>} and are driven by
 * python scripts. Needs root; skipped otherwise, except that CI=true turns the skip into a failure.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS) // hang guard only
class NetnsTransport6Test {
    /** The server port is not 547 (the root namespace is shared with other tests); the peer's namespace is private, so 546 it is. */
    private static final int SERVER_PORT = 15470, CLIENT_PORT = 546;
    private static final HexFormat HEX = HexFormat.of();

    /**
     * Sends datagrams, one per argument {@code dev|src|sport|dst|dport|hexpayload} ({@code src} "ll" = the device's
     * link-local address; link-local and multicast destinations are scoped to the device), after printing each
     * device's link-local address as {@code ll <dev> <address>}; with "wait", reports the first socket's reply.
     */
    private static final String PEER = """
            import socket, sys, json, time
            def link_local(dev):
                for line in open('/proc/net/if_inet6'):
                    f = line.split()
                    if f[5] == dev and int(f[3], 16) == 0x20:
                        return socket.inet_ntop(socket.AF_INET6, bytes.fromhex(f[0]))
                raise SystemExit('no link-local address on ' + dev)
            wait, sends = sys.argv[1] == 'wait', [a.split('|') for a in sys.argv[2:]]
            for dev in sorted({s[0] for s in sends}):
                print('ll %s %s' % (dev, link_local(dev)), flush=True)
            sockets = []
            for dev, src, sport, dst, dport, payload in sends:
                index = socket.if_nametoindex(dev)
                if src == 'll':
                    src = link_local(dev)
                s = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
                s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_RECVPKTINFO, 1)
                s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_MULTICAST_IF, index)
                s.bind((src, int(sport), 0, index if src.startswith('fe80') else 0))
                scoped = dst.startswith('fe80') or dst.startswith('ff')
                s.sendto(bytes.fromhex(payload), (dst, int(dport), 0, index if scoped else 0))
                sockets.append(s)
                time.sleep(0.1)  # keep the send order on the wire
            print('sent', flush=True)
            if wait:
                s = sockets[0]
                s.settimeout(60)
                data, anc, flags, addr = s.recvmsg(65535, socket.CMSG_SPACE(20))
                dst = None
                for level, kind, d in anc:
                    if level == socket.IPPROTO_IPV6 and kind == socket.IPV6_PKTINFO:
                        dst = socket.inet_ntop(socket.AF_INET6, d[0:16])
                print(json.dumps({'data': data.hex(), 'src': addr[0].split('%')[0], 'sport': addr[1], 'dst': dst}), flush=True)
            """;

    private Netns6 net;
    private String hostA, peerB, hostC, peerD;
    private String serverGlobal, peerGlobal, otherServerGlobal;

    @BeforeAll
    void createNetwork() {
        Netns.requirePrivileges();
        net = new Netns6();
        String s = net.suffix;
        hostA = "nt6" + s + "a";
        peerB = "nt6" + s + "b";
        hostC = "nt6" + s + "c";
        peerD = "nt6" + s + "d";
        serverGlobal = net.prefix48 + ":1::1";
        peerGlobal = net.prefix48 + ":1::2";
        otherServerGlobal = net.prefix48 + ":2::1";
        net.link6(hostA, serverGlobal + "/64", peerB, peerGlobal + "/64");
        net.link6(hostC, otherServerGlobal + "/64", peerD, net.prefix48 + ":2::2/64");
    }

    @AfterAll
    void deleteNetwork() {
        if (net != null) net.close();
    }

    private static NetInterface host(String name) {
        return Interfaces.byName(name).orElseThrow();
    }

    private static String hostLinkLocal(String name) {
        return host(name).linkLocal6().orElseThrow().addressText();
    }

    private static String hex(String s) { return HEX.formatHex(s.getBytes(StandardCharsets.US_ASCII)); }

    private static String text(InboundDatagram6 d) { return new String(d.data(), StandardCharsets.US_ASCII); }

    /** One peer send argument. */
    private static String send(String dev, String src, int sport, String dst, int dport, String payload) {
        return String.join("|", dev, src, String.valueOf(sport), dst, String.valueOf(dport), hex(payload));
    }

    private Netns.Peer peer(boolean wait, String... sends) {
        List<String> args = new ArrayList<>();
        args.add(wait ? "wait" : "nowait");
        args.addAll(List.of(sends));
        return net.python(PEER, args.toArray(String[]::new));
    }

    /** The link-local address the peer printed for {@code dev}. */
    private static String peerLinkLocal(Netns.Peer peer, String dev) {
        String line = peer.lineStartingWith("ll " + dev + " ");
        return line.substring(line.lastIndexOf(' ') + 1);
    }

    /** Next datagram whose payload starts with the test marker (other traffic to the port is ignored). */
    private static InboundDatagram6 receiveMarked(Dhcp6Transport t) throws IOException {
        while (true) {
            InboundDatagram6 d = t.receive();
            assertThat(d).isNotNull();
            if (text(d).startsWith("nt6-")) return d;
        }
    }

    @Test
    void multicastFromALinkLocalClientArrivesWithItsInterfaceAndTheReplyReachesTheClient() throws Exception {
        NetInterface a = host(hostA);
        try (Dhcp6Transport t = Dhcp6Transports.open(new Transport6Options(List.of(hostA), SERVER_PORT, CLIENT_PORT));
             Netns.Peer peer = peer(true, send(peerB, "ll", CLIENT_PORT, "ff02::1:2", SERVER_PORT, "nt6-solicit"))) {
            // a bare name listens on link-local addresses only: the global one is not reported
            assertThat(t.listening()).singleElement().satisfies(ni -> {
                assertThat(ni.name()).isEqualTo(hostA);
                assertThat(ni.ipv6()).isNotEmpty().allMatch(InterfaceAddress6::linkLocal);
            });
            String clientLinkLocal = peerLinkLocal(peer, peerB);

            InboundDatagram6 in = receiveMarked(t);
            assertThat(text(in)).isEqualTo("nt6-solicit");
            assertThat(in.interfaceIndex()).isEqualTo(a.index());
            assertThat(in.interfaceName()).isEqualTo(hostA);
            assertThat(in.destinationText()).isEqualTo("ff02::1:2");
            assertThat(in.isMulticast()).isTrue();
            assertThat(in.sourceText()).isEqualTo(clientLinkLocal);
            assertThat(in.fromLinkLocal()).isTrue();
            assertThat(in.sourcePort()).isEqualTo(CLIENT_PORT);

            // the reply goes to the client's link-local address, scoped by the ingress interface; the kernel picks our source
            t.send(new UdpDatagram6("nt6-advertise".getBytes(StandardCharsets.US_ASCII), in.sourceAddress(), CLIENT_PORT, in.interfaceIndex()));
            Map<String, String> reply = peer.result();
            assertThat(reply).containsEntry("data", hex("nt6-advertise"))
                    .containsEntry("src", hostLinkLocal(hostA))
                    .containsEntry("sport", String.valueOf(SERVER_PORT))
                    .containsEntry("dst", clientLinkLocal);
            peer.awaitExit();
        }
    }

    @Test
    void unicastToAConfiguredGlobalAddressArrivesAndTheReplyComesFromIt() throws Exception {
        try (Dhcp6Transport t = Dhcp6Transports.open(new Transport6Options(List.of(hostA + "/" + serverGlobal), SERVER_PORT, CLIENT_PORT));
             Netns.Peer peer = peer(true, send(peerB, peerGlobal, CLIENT_PORT, serverGlobal, SERVER_PORT, "nt6-request"))) {
            assertThat(t.listening()).singleElement().satisfies(ni -> assertThat(ni.ipv6())
                    .contains(InterfaceAddress6.of(serverGlobal, 64))
                    .anyMatch(InterfaceAddress6::linkLocal));

            InboundDatagram6 in = receiveMarked(t);
            assertThat(text(in)).isEqualTo("nt6-request");
            assertThat(in.destinationText()).isEqualTo(serverGlobal);
            assertThat(in.isMulticast()).isFalse();
            assertThat(in.sourceText()).isEqualTo(peerGlobal);
            assertThat(in.interfaceName()).isEqualTo(hostA);

            t.send(new UdpDatagram6("nt6-reply".getBytes(StandardCharsets.US_ASCII), in.sourceAddress(), in.sourcePort(),
                    in.interfaceIndex(), in.destinationAddress()));
            assertThat(peer.result()).containsEntry("data", hex("nt6-reply"))
                    .containsEntry("src", serverGlobal)
                    .containsEntry("sport", String.valueOf(SERVER_PORT))
                    .containsEntry("dst", peerGlobal);
            peer.awaitExit();
        }
    }

    @Test
    void aBareInterfaceNameTakesLinkLocalUnicastAndMulticastButNotUnicastToAGlobalAddress() throws Exception {
        String serverLinkLocal = hostLinkLocal(hostA);
        try (Dhcp6Transport t = Dhcp6Transports.open(new Transport6Options(List.of(hostA), SERVER_PORT, CLIENT_PORT));
             Netns.Peer peer = peer(false,
                     send(peerB, peerGlobal, CLIENT_PORT, serverGlobal, SERVER_PORT, "nt6-to-global"),
                     send(peerB, "ll", CLIENT_PORT, serverLinkLocal, SERVER_PORT, "nt6-to-link-local"),
                     send(peerB, "ll", CLIENT_PORT, "ff02::1:2", SERVER_PORT, "nt6-to-group"))) {
            // sent in this order: the unicast to the global address was dropped, as Kea (no socket on it) would
            InboundDatagram6 first = receiveMarked(t);
            assertThat(text(first)).isEqualTo("nt6-to-link-local");
            assertThat(first.destinationText()).isEqualTo(serverLinkLocal);
            assertThat(first.interfaceName()).isEqualTo(hostA);
            assertThat(text(receiveMarked(t))).isEqualTo("nt6-to-group");
            peer.awaitExit();
        }
    }

    @Test
    void onlyConfiguredInterfacesAreHeard() throws Exception {
        try (Dhcp6Transport all = Dhcp6Transports.open(new Transport6Options(List.of("*"), SERVER_PORT, CLIENT_PORT));
             Dhcp6Transport onlyA = Dhcp6Transports.open(new Transport6Options(List.of(hostA), SERVER_PORT, CLIENT_PORT));
             Netns.Peer peer = peer(false,
                     send(peerD, "ll", CLIENT_PORT, "ff02::1:2", SERVER_PORT, "nt6-via-d"),
                     send(peerB, "ll", CLIENT_PORT, "ff02::1:2", SERVER_PORT, "nt6-via-b"))) {
            assertThat(all.listening()).extracting(NetInterface::name).contains(hostA, hostC).doesNotContain("lo");
            assertThat(onlyA.listening()).extracting(NetInterface::name).containsExactly(hostA);
            // the wildcard transport hears both links, in order ...
            InboundDatagram6 first = receiveMarked(all);
            assertThat(text(first)).isEqualTo("nt6-via-d");
            assertThat(first.interfaceName()).isEqualTo(hostC);
            assertThat(first.interfaceIndex()).isEqualTo(host(hostC).index());
            assertThat(text(receiveMarked(all))).isEqualTo("nt6-via-b");
            // ... and the one limited to a skipped d's, although the kernel delivers a group to every member socket
            InboundDatagram6 onA = receiveMarked(onlyA);
            assertThat(text(onA)).isEqualTo("nt6-via-b");
            assertThat(onA.interfaceName()).isEqualTo(hostA);
            peer.awaitExit();
        }
    }

    @Test
    void closeEndsABlockedReceive() throws Exception {
        Dhcp6Transport t = Dhcp6Transports.open(new Transport6Options(List.of(hostA, hostC), SERVER_PORT, CLIENT_PORT));
        try {
            CompletableFuture<InboundDatagram6> received = CompletableFuture.supplyAsync(() -> {
                try {
                    return t.receive();
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
            t.close();
            assertThat(received.get()).isNull();
        } finally {
            t.close();
        }
    }
}
