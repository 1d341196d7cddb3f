package dev.nestor.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nestor.common.net.Ipv4;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The transport against real peers: the test JVM (root namespace) owns {@code ntt<rand>a} and {@code ntt<rand>c};
 * their veth peers {@code b} and {@code d} live in namespace {@code ntt-<rand>} and are driven by python scripts.
 * Needs root; skipped otherwise, except that CI=true turns the skip into a failure.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS) // hang guard only
class NetnsTransportTest {
    private static final int SERVER_PORT = 10067, CLIENT_PORT = 10068;
    private static final HexFormat HEX = HexFormat.of();

    /** Broadcasts each hex payload from its device (ephemeral source port, or CLIENT_PORT for the first), then optionally waits for one reply. */
    private static final String CLIENT = """
            import socket, sys, json, time
            sport, wait = int(sys.argv[1]), sys.argv[2] == 'wait'
            sockets = []
            for i, pair in enumerate(sys.argv[3:]):
                dev, payload = pair.split(':')
                s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
                s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                s.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1)
                s.setsockopt(socket.SOL_SOCKET, 25, dev.encode())   # SO_BINDTODEVICE
                s.setsockopt(0, 8, 1)                                 # IP_PKTINFO, to report the reply's destination
                s.bind(('0.0.0.0', %d if i == 0 else 0))
                s.sendto(bytes.fromhex(payload), ('255.255.255.255', sport))
                sockets.append(s)
                time.sleep(0.1)  # keep the send order on the wire
            print('sent', flush=True)
            if wait:
                s = sockets[0]
                s.settimeout(60)
                data, anc, flags, addr = s.recvmsg(65535, 256)
                dst = None
                for level, kind, d in anc:
                    if level == 0 and kind == 8:
                        dst = socket.inet_ntoa(d[8:12])
                print(json.dumps({'data': data.hex(), 'src': addr[0], 'sport': addr[1], 'dst': dst}), flush=True)
            """.formatted(CLIENT_PORT);

    /** Listens with AF_PACKET on a device for one IPv4/UDP frame to a port and reports headers and checksum sums. */
    private static final String RAW_LISTENER = """
            import socket, sys, json, struct
            dev, dport = sys.argv[1], int(sys.argv[2])
            s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(0x0800))
            s.bind((dev, 0x0800))
            s.settimeout(60)
            print('ready ' + s.getsockname()[4].hex(), flush=True)
            def ones(b):
                if len(b) % 2:
                    b += b'\\0'
                t = sum(struct.unpack('!%dH' % (len(b) // 2), b))
                while t >> 16:
                    t = (t & 0xffff) + (t >> 16)
                return t
            while True:
                f = s.recv(65535)
                ip = f[14:]
                ihl = (ip[0] & 15) * 4
                if ip[9] != 17:
                    continue
                udp = ip[ihl:struct.unpack('!H', ip[2:4])[0]]
                if struct.unpack('!H', udp[2:4])[0] != dport:
                    continue
                pseudo = ip[12:20] + struct.pack('!BBH', 0, 17, len(udp))
                print(json.dumps({'dstMac': f[0:6].hex(), 'srcMac': f[6:12].hex(), 'ethertype': f[12:14].hex(),
                                  'src': socket.inet_ntoa(ip[12:16]), 'dst': socket.inet_ntoa(ip[16:20]),
                                  'sport': struct.unpack('!H', udp[0:2])[0], 'dport': struct.unpack('!H', udp[2:4])[0],
                                  'ipSum': ones(ip[:ihl]), 'udpSum': ones(pseudo + udp),
                                  'udpField': struct.unpack('!H', udp[6:8])[0], 'data': udp[8:].hex()}), flush=True)
                break
            """;

    private Netns net;
    private String hostA, peerB, hostC, peerD;
    private int serverAddr, peerAddr, otherServerAddr, otherPeerAddr, stranger;

    @BeforeAll
    void createNetwork() {
        Netns.requirePrivileges();
        net = new Netns();
        String s = net.suffix;
        hostA = "ntt" + s + "a";
        peerB = "ntt" + s + "b";
        hostC = "ntt" + s + "c";
        peerD = "ntt" + s + "d";
        int base = 4 * ThreadLocalRandom.current().nextInt(1, 60);
        serverAddr = Ipv4.parse("192.0.2." + (base + 1));
        peerAddr = Ipv4.parse("192.0.2." + (base + 2));
        stranger = Ipv4.parse("192.0.2.254"); // outside the /30: the peer does not own it
        otherServerAddr = Ipv4.parse("198.51.100." + (base + 1));
        otherPeerAddr = Ipv4.parse("198.51.100." + (base + 2));
        net.link(hostA, Ipv4.toString(serverAddr) + "/30", peerB, Ipv4.toString(peerAddr) + "/30");
        net.link(hostC, Ipv4.toString(otherServerAddr) + "/30", peerD, Ipv4.toString(otherPeerAddr) + "/30");
    }

    @AfterAll
    void deleteNetwork() {
        if (net != null) net.close();
    }

    private NetInterface host(String name) {
        return Interfaces.byName(name).orElseThrow();
    }

    private static String hex(String s) { return HEX.formatHex(s.getBytes(StandardCharsets.US_ASCII)); }

    /** Next datagram whose payload starts with the test marker (other traffic to the port is ignored). */
    private static InboundDatagram receiveMarked(Dhcp4Transport t) throws IOException {
        while (true) {
            InboundDatagram d = t.receive();
            assertThat(d).isNotNull();
            if (new String(d.data(), StandardCharsets.US_ASCII).startsWith("ntt-")) return d;
        }
    }

    @Test
    void broadcastArrivesWithIngressInterfaceAndAUdpReplyReturnsFromOurAddress() throws Exception {
        NetInterface a = host(hostA);
        try (Dhcp4Transport t = Dhcp4Transports.open(new TransportOptions(List.of(hostA), true, SERVER_PORT, CLIENT_PORT));
             Netns.Peer peer = net.python(CLIENT, String.valueOf(SERVER_PORT), "wait", peerB + ":" + hex("ntt-discover"))) {
            assertThat(t.listening()).singleElement().satisfies(ni -> {
                assertThat(ni.name()).isEqualTo(hostA);
                assertThat(ni.ipv4()).containsExactly(new InterfaceAddress4(serverAddr, 30));
                assertThat(ni.mac()).hasSize(6);
            });

            InboundDatagram in = receiveMarked(t);
            assertThat(new String(in.data(), StandardCharsets.US_ASCII)).isEqualTo("ntt-discover");
            assertThat(in.interfaceIndex()).isEqualTo(a.index());
            assertThat(in.interfaceName()).isEqualTo(hostA);
            assertThat(in.destinationAddress()).isEqualTo(Ipv4.BROADCAST);
            assertThat(in.isBroadcast()).isTrue();
            assertThat(in.sourceAddress()).isEqualTo(peerAddr);
            assertThat(in.sourcePort()).isEqualTo(CLIENT_PORT);

            t.send(new UdpDatagram("ntt-offer".getBytes(StandardCharsets.US_ASCII), peerAddr, CLIENT_PORT, in.interfaceIndex(), serverAddr));
            Map<String, String> reply = peer.result();
            assertThat(reply).containsEntry("data", hex("ntt-offer"))
                    .containsEntry("src", Ipv4.toString(serverAddr))
                    .containsEntry("sport", String.valueOf(SERVER_PORT))
                    .containsEntry("dst", Ipv4.toString(peerAddr));
            peer.awaitExit();
        }
    }

    @Test
    void linkLayerDatagramReachesTheMacOfAPeerThatDoesNotOwnTheAddress() throws Exception {
        NetInterface a = host(hostA);
        try (Dhcp4Transport t = Dhcp4Transports.open(new TransportOptions(List.of(hostA), true, SERVER_PORT, CLIENT_PORT));
             Netns.Peer peer = net.python(RAW_LISTENER, peerB, String.valueOf(CLIENT_PORT))) {
            String peerMac = peer.lineStartingWith("ready ").substring(6);
            byte[] payload = new byte[300]; // DHCP-sized, with an odd-looking tail
            for (int i = 0; i < payload.length; i++) payload[i] = (byte) (i * 31 + 7);
            t.send(new LinkLayerDatagram(payload, HEX.parseHex(peerMac), stranger, CLIENT_PORT, a.index(), serverAddr, SERVER_PORT));

            Map<String, String> frame = peer.result();
            assertThat(frame).containsEntry("dstMac", peerMac)
                    .containsEntry("srcMac", HEX.formatHex(a.mac()))
                    .containsEntry("ethertype", "0800")
                    .containsEntry("src", Ipv4.toString(serverAddr))
                    .containsEntry("dst", Ipv4.toString(stranger))
                    .containsEntry("sport", String.valueOf(SERVER_PORT))
                    .containsEntry("dport", String.valueOf(CLIENT_PORT))
                    .containsEntry("data", HEX.formatHex(payload));
            // a correct checksum makes the one's-complement sum of the covered data all ones
            assertThat(frame).containsEntry("ipSum", "65535").containsEntry("udpSum", "65535");
            assertThat(frame.get("udpField")).isNotEqualTo("0");
            peer.awaitExit();
        }
    }

    @Test
    void inUdpModeALinkLayerDatagramIsBroadcastOnItsInterface() throws Exception {
        try (Dhcp4Transport t = Dhcp4Transports.open(new TransportOptions(List.of(hostA), false, SERVER_PORT, CLIENT_PORT));
             Netns.Peer peer = net.python(CLIENT, String.valueOf(SERVER_PORT), "wait", peerB + ":" + hex("ntt-discover-udp"))) {
            InboundDatagram in = receiveMarked(t);
            assertThat(in.interfaceName()).isEqualTo(hostA);
            t.send(new LinkLayerDatagram("ntt-offer-bcast".getBytes(StandardCharsets.US_ASCII), new byte[] {2, 0, 0, 0, 0, 1},
                    stranger, CLIENT_PORT, in.interfaceIndex(), serverAddr, SERVER_PORT));
            assertThat(peer.result()).containsEntry("data", hex("ntt-offer-bcast"))
                    .containsEntry("dst", "255.255.255.255")
                    .containsEntry("src", Ipv4.toString(serverAddr))
                    .containsEntry("sport", String.valueOf(SERVER_PORT));
            peer.awaitExit();
        }
    }

    @Test
    void packetsFromInterfacesOutsideTheConfiguredListAreDropped() throws Exception {
        // both sockets share the port (SO_REUSEADDR), so each receives every broadcast; only the filter differs
        try (Dhcp4Transport onlyA = Dhcp4Transports.open(new TransportOptions(List.of(hostA), true, SERVER_PORT, CLIENT_PORT));
             Dhcp4Transport all = Dhcp4Transports.open(new TransportOptions(List.of("*"), true, SERVER_PORT, CLIENT_PORT));
             Netns.Peer peer = net.python(CLIENT, String.valueOf(SERVER_PORT), "nowait",
                     peerD + ":" + hex("ntt-via-d"), peerB + ":" + hex("ntt-via-b"))) {
            peer.lineStartingWith("sent");
            assertThat(all.listening()).extracting(NetInterface::name).contains(hostA, hostC).noneMatch(n -> n.equals("lo"));

            // the wildcard transport proves the d packet reached this host first ...
            InboundDatagram first = receiveMarked(all);
            assertThat(new String(first.data(), StandardCharsets.US_ASCII)).isEqualTo("ntt-via-d");
            assertThat(first.interfaceName()).isEqualTo(hostC);
            assertThat(first.sourceAddress()).isEqualTo(otherPeerAddr);
            assertThat(new String(receiveMarked(all).data(), StandardCharsets.US_ASCII)).isEqualTo("ntt-via-b");
            // ... and the transport limited to a skipped it
            InboundDatagram onA = receiveMarked(onlyA);
            assertThat(new String(onA.data(), StandardCharsets.US_ASCII)).isEqualTo("ntt-via-b");
            assertThat(onA.interfaceName()).isEqualTo(hostA);
            peer.awaitExit();
        }
    }

    @Test
    void concurrentSendersAllGetThrough() throws Exception {
        NetInterface a = host(hostA);
        try (Dhcp4Transport t = Dhcp4Transports.open(new TransportOptions(List.of(hostA), true, SERVER_PORT, CLIENT_PORT));
             Netns.Peer peer = net.python(RAW_LISTENER, peerB, "10069")) {
            String peerMac = peer.lineStartingWith("ready ").substring(6);
            // many threads send frames to other ports, one sends the frame the listener waits for
            List<Thread> threads = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int n = i;
                threads.add(Thread.ofVirtual().start(() -> {
                    for (int k = 0; k < 50; k++) {
                        try {
                            t.send(new LinkLayerDatagram(new byte[] {(byte) n, (byte) k}, HEX.parseHex(peerMac), stranger, 20000 + n,
                                    a.index(), serverAddr, SERVER_PORT));
                            t.send(new UdpDatagram(new byte[] {(byte) n}, peerAddr, 20000 + n, a.index(), serverAddr));
                        } catch (IOException e) {
                            throw new RuntimeException(e);
                        }
                    }
                }));
            }
            for (Thread th : threads) th.join();
            t.send(new LinkLayerDatagram("ntt-last".getBytes(StandardCharsets.US_ASCII), HEX.parseHex(peerMac), stranger, 10069,
                    a.index(), serverAddr, SERVER_PORT));
            assertThat(peer.result()).containsEntry("data", hex("ntt-last")).containsEntry("udpSum", "65535");
            peer.awaitExit();
        }
    }
}
