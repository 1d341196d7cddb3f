package dev.nestor.dhcp4;

import dev.nestor.codec.option.Options;
import dev.nestor.codec.option.RawOption;
import dev.nestor.codec.option.SubOptions;
import dev.nestor.codec.v4.Dhcp4Codec;
import dev.nestor.codec.v4.Dhcp4Packet;
import dev.nestor.codec.v4.MessageType4;
import dev.nestor.codec.v4.OptionCodes4;
import dev.nestor.common.Bytes;
import dev.nestor.common.net.HwAddress;
import dev.nestor.common.net.Ipv4;
import dev.nestor.common.stats.StatsRegistry;
import dev.nestor.common.time.Clock;
import dev.nestor.config.ConfigText;
import dev.nestor.config.Dhcp4ConfigParser;
import dev.nestor.dhcp4.pipeline.Dhcp4Pipeline;
import dev.nestor.dhcp4.pipeline.InterfaceDirectory;
import dev.nestor.dhcp4.respond.ReplyRouting4;
import dev.nestor.engine.alloc.PoolCursors;
import dev.nestor.lease.LeaseStore4;
import dev.nestor.lease.memfile.MemfileLeaseStore4;
import dev.nestor.transport.InboundDatagram;
import dev.nestor.transport.LinkLayerDatagram;
import dev.nestor.transport.OutboundDatagram;
import dev.nestor.transport.UdpDatagram;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole DHCPv4 packet path on real bytes, without sockets: DORA, relays, reservations, NAK, classes. */
class Dhcp4PipelineTest {
    private static final int IFINDEX = 7;
    private static final int SERVER = Ipv4.parse("192.0.2.1");

    private static final String CONFIG = """
            { "Dhcp4": {
              "valid-lifetime": 4000, "renew-timer": 1000, "rebind-timer": 2000,
              "option-data": [ { "name": "domain-name-servers", "data": "192.0.2.53" },
                               { "name": "domain-name", "data": "example.org" } ],
              "client-classes": [
                { "name": "pxe", "test": "substring(option[60].hex,0,9) == 'PXEClient'", "boot-file-name": "pxelinux.0",
                  "next-server": "192.0.2.5" },
                { "name": "blocked", "test": "pkt4.mac == 0x02deadbeef00" },
                { "name": "DROP", "test": "member('blocked')" } ],
              "subnet4": [
                { "id": 1, "subnet": "192.0.2.0/24",
                  "pools": [ { "pool": "192.0.2.100 - 192.0.2.110",
                               "option-data": [ { "name": "ntp-servers", "data": "192.0.2.123" } ] } ],
                  "option-data": [ { "name": "routers", "data": "192.0.2.1" },
                                   { "name": "domain-name-servers", "data": "192.0.2.2, 192.0.2.3" } ],
                  "reservations": [ { "hw-address": "02:00:00:00:00:aa", "ip-address": "192.0.2.10", "hostname": "alpha",
                                      "option-data": [ { "name": "domain-name-servers", "data": "192.0.2.99" } ] } ] },
                { "id": 2, "subnet": "198.51.100.0/24", "authoritative": true,
                  "pools": [ { "pool": "198.51.100.10 - 198.51.100.20" } ],
                  "option-data": [ { "name": "routers", "data": "198.51.100.1" } ] } ] } }
            """;

    private final AtomicLong now = new AtomicLong(1_800_000_000L);
    private final StatsRegistry stats = new StatsRegistry();
    private final LeaseStore4 store = MemfileLeaseStore4.inMemory();
    private final Dhcp4Pipeline pipeline;

    Dhcp4PipelineTest() throws Exception {
        Dhcp4Runtime rt = Dhcp4Runtime.prepare(Dhcp4ConfigParser.parse(ConfigText.parse(CONFIG, Path.of(".")))).withStore(store);
        InterfaceDirectory dir = new InterfaceDirectory() {
            @Override public List<Integer> addresses(int i) { return i == IFINDEX ? List.of(SERVER) : List.of(); }
            @Override public boolean isLocal(int a) { return a == SERVER; }
        };
        Clock clock = now::get;
        pipeline = new Dhcp4Pipeline(() -> rt, new PoolCursors(), stats, clock, new ReplyRouting4(67, 68), dir);
    }

    private static Dhcp4Packet query(MessageType4 type, String mac, int xid) {
        return Dhcp4Packet.newQuery(type, xid, HwAddress.parse(mac))
                .withOption(OptionCodes4.PARAMETER_REQUEST_LIST, Bytes.of(new byte[] {1, 3, 6, 15, 42}));
    }

    private Optional<OutboundDatagram> send(Dhcp4Packet q, int src, int dst) {
        byte[] wire = Dhcp4Codec.encode(q);
        return pipeline.process(new InboundDatagram(wire, src, q.giaddr() != 0 ? 67 : 68, dst, IFINDEX, "eth0", 0));
    }

    private static Dhcp4Packet decode(OutboundDatagram d) throws Exception {
        byte[] b = d.data();
        return Dhcp4Codec.decode(b, 0, b.length);
    }

    private static int addr(Dhcp4Packet p, int code) {
        return Ipv4.fromBytes(p.option(code).orElseThrow().toArray(), 0);
    }

    @Test
    void doraGivesAnAddressWithOptionsInPrecedenceOrder() throws Exception {
        String mac = "02:00:00:00:00:01";
        OutboundDatagram offerOut = send(query(MessageType4.DISCOVER, mac, 1), 0, Ipv4.BROADCAST).orElseThrow();
        Dhcp4Packet offer = decode(offerOut);
        assertThat(offer.messageType()).isEqualTo(MessageType4.OFFER);
        assertThat(offer.op()).isEqualTo(Dhcp4Packet.BOOTREPLY);
        assertThat(offer.xid()).isEqualTo(1);
        assertThat(Ipv4.toString(offer.yiaddr())).isEqualTo("192.0.2.100");
        assertThat(addr(offer, OptionCodes4.SERVER_ID)).isEqualTo(SERVER);
        assertThat(offer.option(OptionCodes4.LEASE_TIME).orElseThrow().toHex()).isEqualTo("00000fa0");
        assertThat(offer.option(OptionCodes4.RENEWAL_TIME).orElseThrow().toHex()).isEqualTo("000003e8");
        assertThat(offer.option(OptionCodes4.REBINDING_TIME).orElseThrow().toHex()).isEqualTo("000007d0");
        assertThat(offer.option(OptionCodes4.SUBNET_MASK).orElseThrow().toHex()).isEqualTo("ffffff00");
        assertThat(addr(offer, OptionCodes4.ROUTERS)).isEqualTo(Ipv4.parse("192.0.2.1"));
        // subnet-level DNS beats the global one; pool-level NTP servers (42 requested) come from the pool
        assertThat(offer.option(OptionCodes4.DNS_SERVERS).orElseThrow().toHex()).isEqualTo("c0000202c0000203");
        assertThat(offer.option(42).orElseThrow().toHex()).isEqualTo("c000027b");
        assertThat(new String(offer.option(OptionCodes4.DOMAIN_NAME).orElseThrow().toArray(), StandardCharsets.US_ASCII)).isEqualTo("example.org");
        // no address yet and no broadcast flag: sent to the MAC, at the offered address
        assertThat(offerOut).isInstanceOf(LinkLayerDatagram.class);
        assertThat(((LinkLayerDatagram) offerOut).destinationAddress()).isEqualTo(offer.yiaddr());
        assertThat(store.getAll()).isEmpty();

        Dhcp4Packet req = query(MessageType4.REQUEST, mac, 2)
                .withOption(OptionCodes4.SERVER_ID, Bytes.of(Ipv4.toBytes(SERVER)))
                .withOption(OptionCodes4.REQUESTED_ADDRESS, Bytes.of(Ipv4.toBytes(offer.yiaddr())));
        Dhcp4Packet ack = decode(send(req, 0, Ipv4.BROADCAST).orElseThrow());
        assertThat(ack.messageType()).isEqualTo(MessageType4.ACK);
        assertThat(ack.yiaddr()).isEqualTo(offer.yiaddr());
        assertThat(store.get(offer.yiaddr()).orElseThrow().hwAddress()).isEqualTo(HwAddress.parse(mac));
        assertThat(stats.get("pkt4-ack-sent")).isEqualTo(1);
        assertThat(stats.get("pkt4-offer-sent")).isEqualTo(1);
        assertThat(stats.get("subnet[1].assigned-addresses")).isEqualTo(1);

        // RENEWING: unicast with ciaddr, answered to ciaddr
        Dhcp4Packet renew = query(MessageType4.REQUEST, mac, 3).withCiaddr(ack.yiaddr());
        Optional<OutboundDatagram> renewOpt = send(renew, ack.yiaddr(), SERVER);
        assertThat(renewOpt).as("renew answered; stats %s", stats.getAll().keySet()).isPresent();
        OutboundDatagram renewOut = renewOpt.orElseThrow();
        assertThat(decode(renewOut).messageType()).isEqualTo(MessageType4.ACK);
        assertThat(renewOut).isInstanceOf(UdpDatagram.class);
        assertThat(((UdpDatagram) renewOut).destinationAddress()).isEqualTo(ack.yiaddr());

        // RELEASE: no answer, lease gone
        assertThat(send(query(MessageType4.RELEASE, mac, 4).withCiaddr(ack.yiaddr()), ack.yiaddr(), SERVER)).isEmpty();
        assertThat(store.get(ack.yiaddr())).isEmpty();
    }

    @Test
    void reservedClientGetsItsAddressHostnameAndOptions() throws Exception {
        Dhcp4Packet q = query(MessageType4.DISCOVER, "02:00:00:00:00:aa", 9)
                .withOption(OptionCodes4.HOST_NAME, Bytes.of("whatever".getBytes(StandardCharsets.US_ASCII)));
        Dhcp4Packet offer = decode(send(q, 0, Ipv4.BROADCAST).orElseThrow());
        assertThat(Ipv4.toString(offer.yiaddr())).isEqualTo("192.0.2.10");
        assertThat(new String(offer.option(OptionCodes4.HOST_NAME).orElseThrow().toArray(), StandardCharsets.US_ASCII)).isEqualTo("alpha");
        assertThat(offer.option(OptionCodes4.DNS_SERVERS).orElseThrow().toHex()).isEqualTo("c0000263");
    }

    @Test
    void relayedQueryIsServedFromTheRelaysSubnetAndAnsweredToTheRelay() throws Exception {
        Bytes rai = SubOptions.encode(Options.of(List.of(new RawOption(OptionCodes4.RAI_CIRCUIT_ID, Bytes.fromHex("0a0b")))));
        Dhcp4Packet q = query(MessageType4.DISCOVER, "02:00:00:00:00:02", 5).withGiaddr(Ipv4.parse("198.51.100.1")).withHops(1)
                .withOption(OptionCodes4.RELAY_AGENT_INFO, rai);
        OutboundDatagram out = send(q, Ipv4.parse("198.51.100.1"), SERVER).orElseThrow();
        Dhcp4Packet offer = decode(out);
        assertThat(Ipv4.toString(offer.yiaddr())).isEqualTo("198.51.100.10");
        assertThat(offer.giaddr()).isEqualTo(Ipv4.parse("198.51.100.1"));
        assertThat(offer.option(OptionCodes4.RELAY_AGENT_INFO)).contains(rai);
        assertThat(addr(offer, OptionCodes4.ROUTERS)).isEqualTo(Ipv4.parse("198.51.100.1"));
        assertThat(out).isInstanceOf(UdpDatagram.class);
        assertThat(((UdpDatagram) out).destinationAddress()).isEqualTo(Ipv4.parse("198.51.100.1"));
        assertThat(((UdpDatagram) out).destinationPort()).isEqualTo(67);
    }

    @Test
    void authoritativeSubnetNaksAWrongInitRebootAddress() throws Exception {
        Dhcp4Packet q = query(MessageType4.REQUEST, "02:00:00:00:00:03", 6).withGiaddr(Ipv4.parse("198.51.100.1"))
                .withOption(OptionCodes4.REQUESTED_ADDRESS, Bytes.of(Ipv4.toBytes(Ipv4.parse("198.51.100.200"))));
        Dhcp4Packet nak = decode(send(q, Ipv4.parse("198.51.100.1"), SERVER).orElseThrow());
        assertThat(nak.messageType()).isEqualTo(MessageType4.NAK);
        assertThat(nak.yiaddr()).isZero();
        assertThat(nak.broadcast()).isTrue();
        assertThat(stats.get("pkt4-nak-sent")).isEqualTo(1);
    }

    @Test
    void nonAuthoritativeSubnetIgnoresAnUnknownInitRebootClient() {
        Dhcp4Packet q = query(MessageType4.REQUEST, "02:00:00:00:00:04", 7)
                .withOption(OptionCodes4.REQUESTED_ADDRESS, Bytes.of(Ipv4.toBytes(Ipv4.parse("192.0.2.105"))));
        assertThat(send(q, 0, Ipv4.BROADCAST)).isEmpty();
    }

    @Test
    void requestForAnotherServerIsIgnored() {
        Dhcp4Packet q = query(MessageType4.REQUEST, "02:00:00:00:00:05", 8)
                .withOption(OptionCodes4.SERVER_ID, Bytes.of(Ipv4.toBytes(Ipv4.parse("192.0.2.222"))))
                .withOption(OptionCodes4.REQUESTED_ADDRESS, Bytes.of(Ipv4.toBytes(Ipv4.parse("192.0.2.100"))));
        assertThat(send(q, 0, Ipv4.BROADCAST)).isEmpty();
        assertThat(store.getAll()).isEmpty();
    }

    @Test
    void classesSetBootFieldsAndDropClassDrops() throws Exception {
        Dhcp4Packet q = query(MessageType4.DISCOVER, "02:00:00:00:00:06", 10)
                .withOption(OptionCodes4.VENDOR_CLASS_ID, Bytes.of("PXEClient:Arch:00000".getBytes(StandardCharsets.US_ASCII)));
        Dhcp4Packet offer = decode(send(q, 0, Ipv4.BROADCAST).orElseThrow());
        assertThat(offer.bootFileName()).isEqualTo("pxelinux.0");
        assertThat(Ipv4.toString(offer.siaddr())).isEqualTo("192.0.2.5");

        long drops = stats.get("pkt4-receive-drop");
        assertThat(send(query(MessageType4.DISCOVER, "02:de:ad:be:ef:00", 11), 0, Ipv4.BROADCAST)).isEmpty();
        assertThat(stats.get("pkt4-receive-drop")).isEqualTo(drops + 1);
    }

    @Test
    void malformedPacketIsCountedAndDropped() {
        byte[] junk = new byte[] {1, 1, 6, 0, 1, 2, 3};
        assertThat(pipeline.process(new InboundDatagram(junk, 0, 68, Ipv4.BROADCAST, IFINDEX, "eth0", 0))).isEmpty();
        assertThat(stats.get("pkt4-parse-failed")).isEqualTo(1);
        assertThat(stats.get("pkt4-receive-drop")).isEqualTo(1);
    }

    @Test
    void informIsAnsweredWithOptionsAndNoLease() throws Exception {
        int ci = Ipv4.parse("192.0.2.77");
        Dhcp4Packet q = query(MessageType4.INFORM, "02:00:00:00:00:07", 12).withCiaddr(ci);
        OutboundDatagram out = send(q, ci, SERVER).orElseThrow();
        Dhcp4Packet ack = decode(out);
        assertThat(ack.messageType()).isEqualTo(MessageType4.ACK);
        assertThat(ack.yiaddr()).isZero();
        assertThat(ack.option(OptionCodes4.LEASE_TIME)).isEmpty();
        assertThat(addr(ack, OptionCodes4.ROUTERS)).isEqualTo(Ipv4.parse("192.0.2.1"));
        assertThat(((UdpDatagram) out).destinationAddress()).isEqualTo(ci);
        assertThat(store.getAll()).isEmpty();
    }
}
