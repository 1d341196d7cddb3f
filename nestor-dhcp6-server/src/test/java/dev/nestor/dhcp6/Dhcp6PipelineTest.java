package dev.nestor.dhcp6;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nestor.codec.net.Ipv6;
import dev.nestor.codec.v6.Dhcp6Codec;
import dev.nestor.codec.v6.Dhcp6Message;
import dev.nestor.codec.v6.Dhcp6Packet;
import dev.nestor.codec.v6.Dhcp6RelayMessage;
import dev.nestor.codec.v6.IaAddress;
import dev.nestor.codec.v6.IaNa;
import dev.nestor.codec.v6.IaPd;
import dev.nestor.codec.v6.IaPrefix;
import dev.nestor.codec.v6.MessageType6;
import dev.nestor.codec.v6.OptionCodes6;
import dev.nestor.codec.v6.RelayChain;
import dev.nestor.codec.v6.StatusCode6;
import dev.nestor.codec.v6.StatusOption;
import dev.nestor.common.Bytes;
import dev.nestor.common.stats.StatsRegistry;
import dev.nestor.config.ConfigText;
import dev.nestor.config.Dhcp6ConfigParser;
import dev.nestor.dhcp6.pipeline.ClientLocks;
import dev.nestor.dhcp6.pipeline.Dhcp6Pipeline;
import dev.nestor.dhcp6.respond.ReplyRouting6;
import dev.nestor.engine.alloc.PoolCursors;
import dev.nestor.lease.Lease6;
import dev.nestor.lease.LeaseState;
import dev.nestor.lease.LeaseType6;
import dev.nestor.lease.memfile.MemfileLeaseStore6;
import dev.nestor.transport.InboundDatagram6;
import dev.nestor.transport.UdpDatagram6;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The whole DHCPv6 packet path on literal bytes, without sockets: SOLICIT/ADVERTISE/REQUEST/REPLY with IA_NA and
 * IA_PD, rapid commit, RENEW, REBIND, RELEASE, DECLINE, CONFIRM, INFORMATION-REQUEST, two relay layers, malformed
 * packets.
 */
class Dhcp6PipelineTest {
    static final String CONFIG = """
            { "Dhcp6": {
              "preferred-lifetime": 3000, "valid-lifetime": 4000,
              "option-data": [ { "name": "dns-servers", "data": "2001:db8::53" },
                               { "name": "domain-search", "data": "example.org" } ],
              "subnet6": [
                { "id": 1, "subnet": "2001:db8:1::/64", "interface": "eth0", "rapid-commit": true,
                  "pools": [ { "pool": "2001:db8:1::100 - 2001:db8:1::1ff" } ],
                  "pd-pools": [ { "prefix": "2001:db8:8000::", "prefix-len": 40, "delegated-len": 56 } ],
                  "option-data": [ { "name": "dns-servers", "data": "2001:db8:1::53" } ] },
                { "id": 2, "subnet": "2001:db8:2::/64", "interface-id": "relay-port-7", "renew-timer": 1000, "rebind-timer": 2000,
                  "pools": [ { "pool": "2001:db8:2::100 - 2001:db8:2::1ff" } ] },
                { "id": 3, "subnet": "2001:db8:3::/64", "interface": "eth1",
                  "pools": [ { "pool": "2001:db8:3::100 - 2001:db8:3::1ff" } ] } ] } }
            """;
    /** Our DUID-LLT, as the server-id file would hold it. */
    static final String SERVER_DUID = "000100012a2b2c2d020000000053";
    /** The client's DUID-LL (MAC 02:00:00:00:00:01). */
    static final String CLIENT_DUID = "00030001020000000001";
    static final String CLIENT_LL = "fe80::ff:fe00:1";

    final AtomicLong now = new AtomicLong(1_800_000_000L);
    final StatsRegistry stats = new StatsRegistry();
    final MemfileLeaseStore6 store = MemfileLeaseStore6.inMemory();
    final Dhcp6Pipeline pipeline;

    Dhcp6PipelineTest() throws Exception {
        Dhcp6Runtime rt = Dhcp6Runtime.prepare(Dhcp6ConfigParser.parse(ConfigText.parse(CONFIG, Path.of("."))))
                .bind(store, Bytes.fromHex(SERVER_DUID));
        Statistics6.init(stats, rt);
        pipeline = new Dhcp6Pipeline(() -> rt, new PoolCursors(), stats, now::get, new ReplyRouting6(547, 546), new ClientLocks());
    }

    // ---- literal packet building: hex text, option = code(2) length(2) data ----

    static String opt(int code, String dataHex) {
        String d = dataHex.replace(" ", "");
        return String.format("%04x%04x", code, d.length() / 2) + d;
    }

    static String msg(int type, int xid, String... options) {
        return String.format("%02x%06x", type, xid) + String.join("", options);
    }

    static String hexOf(String ipv6) { return Ipv6.parse(ipv6).toHex(); }

    static String iaNa(long iaid, String... subs) { return opt(3, String.format("%08x", iaid) + "0000000000000000" + String.join("", subs)); }

    static String iaPd(long iaid, String... subs) { return opt(25, String.format("%08x", iaid) + "0000000000000000" + String.join("", subs)); }

    static String iaAddr(String a) { return opt(5, hexOf(a) + "0000000000000000"); }

    static String iaPrefix(String p, int len) { return opt(26, "0000000000000000" + String.format("%02x", len) + hexOf(p)); }

    static final String CLIENTID = opt(1, CLIENT_DUID);
    static final String SERVERID = opt(2, SERVER_DUID);
    static final String ELAPSED = opt(8, "0000");
    static final String ORO = opt(6, "0017 0018"); // dns-servers, domain-search

    Optional<UdpDatagram6> sendOn(String iface, int ifindex, String hex) {
        byte[] wire = HexFormat.of().parseHex(hex);
        return pipeline.process(new InboundDatagram6(wire, Ipv6.parse(CLIENT_LL).toArray(), 546,
                Ipv6.ALL_DHCP_RELAY_AGENTS_AND_SERVERS.toArray(), ifindex, iface, 0));
    }

    Optional<UdpDatagram6> send(String hex) { return sendOn("eth0", 7, hex); }

    static Dhcp6Message decode(UdpDatagram6 d) throws Exception {
        return (Dhcp6Message) Dhcp6Codec.decode(d.data());
    }

    static String addr(IaAddress a) { return Ipv6.toString(a.address()); }

    static String prefix(IaPrefix p) { return Ipv6.toString(p.prefix()) + "/" + p.prefixLength(); }

    // ---- tests ----

    @Test
    void solicitAdvertiseRequestReplyForAnAddressAndAPrefix() throws Exception {
        UdpDatagram6 out = send(msg(1, 0x0a0b0c, CLIENTID, ELAPSED, ORO, iaNa(1), iaPd(2))).orElseThrow();
        assertThat(Ipv6.toString(Bytes.of(out.destinationAddress()))).isEqualTo(CLIENT_LL);
        assertThat(out.destinationPort()).isEqualTo(546);
        assertThat(out.interfaceIndex()).isEqualTo(7);
        Dhcp6Message adv = decode(out);
        assertThat(adv.type()).isEqualTo(MessageType6.ADVERTISE);
        assertThat(adv.transactionId()).isEqualTo(0x0a0b0c);
        assertThat(adv.clientId().orElseThrow().toHex()).isEqualTo(CLIENT_DUID);
        assertThat(adv.serverId().orElseThrow().toHex()).isEqualTo(SERVER_DUID);
        IaNa na = adv.iaNa().getFirst();
        assertThat(na.iaid()).isEqualTo(1);
        assertThat(addr(na.addresses().getFirst())).isEqualTo("2001:db8:1::100");
        assertThat(na.addresses().getFirst().preferredLifetime()).isEqualTo(3000);
        assertThat(na.addresses().getFirst().validLifetime()).isEqualTo(4000);
        // calculate-tee-times is on by default in DHCPv6: 0.5 and 0.8 of the preferred lifetime
        assertThat(na.t1()).isEqualTo(1500);
        assertThat(na.t2()).isEqualTo(2400);
        IaPd pd = adv.iaPd().getFirst();
        assertThat(prefix(pd.prefixes().getFirst())).isEqualTo("2001:db8:8000::/56");
        // ORO: subnet dns-servers beat the global ones; domain-search comes from the global scope
        assertThat(Ipv6.toString(adv.option(OptionCodes6.DNS_SERVERS).orElseThrow())).isEqualTo("2001:db8:1::53");
        assertThat(adv.option(OptionCodes6.DOMAIN_SEARCH).orElseThrow().toHex()).isEqualTo("076578616d706c65036f726700");
        assertThat(store.getAll()).as("ADVERTISE writes nothing").isEmpty();

        Dhcp6Message reply = decode(send(msg(3, 0x0a0b0d, CLIENTID, SERVERID, ELAPSED, ORO,
                iaNa(1, iaAddr("2001:db8:1::100")), iaPd(2, iaPrefix("2001:db8:8000::", 56)))).orElseThrow());
        assertThat(reply.type()).isEqualTo(MessageType6.REPLY);
        assertThat(addr(reply.iaNa().getFirst().addresses().getFirst())).isEqualTo("2001:db8:1::100");
        assertThat(prefix(reply.iaPd().getFirst().prefixes().getFirst())).isEqualTo("2001:db8:8000::/56");
        Lease6 na6 = store.get(LeaseType6.NA, Ipv6.parse("2001:db8:1::100")).orElseThrow();
        assertThat(na6.duid().toHex()).isEqualTo(CLIENT_DUID);
        assertThat(na6.iaid()).isEqualTo(1);
        assertThat(na6.hwAddress()).as("hardware address from the DUID-LL").hasToString("02:00:00:00:00:01");
        Lease6 pd6 = store.get(LeaseType6.PD, Ipv6.parse("2001:db8:8000::")).orElseThrow();
        assertThat(pd6.prefixLength()).isEqualTo(56);
        assertThat(stats.get("subnet[1].assigned-nas")).isEqualTo(1);
        assertThat(stats.get("subnet[1].assigned-pds")).isEqualTo(1);
        assertThat(stats.get("pkt6-solicit-received")).isEqualTo(1);
        assertThat(stats.get("pkt6-advertise-sent")).isEqualTo(1);
        assertThat(stats.get("pkt6-reply-sent")).isEqualTo(1);
    }

    @Test
    void rapidCommitAnswersSolicitWithReplyOnlyWhereTheSubnetAllowsIt() throws Exception {
        String rapid = opt(OptionCodes6.RAPID_COMMIT, "");
        Dhcp6Message reply = decode(send(msg(1, 1, CLIENTID, rapid, iaNa(1))).orElseThrow());
        assertThat(reply.type()).isEqualTo(MessageType6.REPLY);
        assertThat(reply.rapidCommit()).isTrue();
        assertThat(store.get(LeaseType6.NA, reply.iaNa().getFirst().addresses().getFirst().address())).isPresent();

        // subnet 3 (eth1) has no rapid-commit: a normal ADVERTISE, nothing written
        Dhcp6Message adv = decode(sendOn("eth1", 8, msg(1, 2, opt(1, "00030001020000000002"), rapid, iaNa(1))).orElseThrow());
        assertThat(adv.type()).isEqualTo(MessageType6.ADVERTISE);
        assertThat(adv.rapidCommit()).isFalse();
        assertThat(addr(adv.iaNa().getFirst().addresses().getFirst())).startsWith("2001:db8:3::");
        assertThat(store.getAll()).hasSize(1);
    }

    @Test
    void eachIaGetsItsOwnStatusWhenNothingCanBeGiven() throws Exception {
        // subnet 3 (eth1) has addresses but no pd-pool: the IA_NA is served, the IA_PD gets NoPrefixAvail
        Dhcp6Message adv = decode(sendOn("eth1", 8, msg(1, 1, CLIENTID, iaNa(1), iaPd(2))).orElseThrow());
        assertThat(adv.iaNa().getFirst().addresses()).hasSize(1);
        assertThat(adv.iaPd().getFirst().status().orElseThrow())
                .isEqualTo(StatusOption.of(StatusCode6.NO_PREFIX_AVAIL, "Sorry, no prefixes could be allocated."));
        assertThat(adv.iaPd().getFirst().prefixes()).isEmpty();
        // no subnet at all for this interface: both IAs say so, with Kea's texts
        Dhcp6Message none = decode(sendOn("eth9", 9, msg(1, 2, CLIENTID, iaNa(1), iaPd(2))).orElseThrow());
        assertThat(none.iaNa().getFirst().status().orElseThrow())
                .isEqualTo(StatusOption.of(StatusCode6.NO_ADDRS_AVAIL, "Server could not select subnet for this client"));
        assertThat(none.iaPd().getFirst().status().orElseThrow())
                .isEqualTo(StatusOption.of(StatusCode6.NO_PREFIX_AVAIL, "Sorry, no subnet available."));
        // subnet 3 has no pd-pool at all: Kea counts that as "no pools", not as an exhausted pool
        assertThat(stats.get("v6-allocation-fail-no-pools")).isEqualTo(1);
        assertThat(stats.get("subnet[3].v6-allocation-fail-no-pools")).isEqualTo(1);
        assertThat(stats.get("v6-allocation-fail")).isZero();
        assertThat(stats.get("v6-allocation-fail-subnet")).isEqualTo(1);
        assertThat(stats.get("v6-allocation-fail-classes")).as("every query is in class ALL").isEqualTo(1);

        // RENEW of a prefix where none can be had: NoPrefixAvail, and the client's prefix at zero lifetimes
        Dhcp6Message renew = decode(sendOn("eth1", 8, msg(5, 3, CLIENTID, SERVERID, iaPd(2, iaPrefix("2001:db8:8000::", 56)))).orElseThrow());
        IaPd pd = renew.iaPd().getFirst();
        assertThat(pd.status().orElseThrow())
                .isEqualTo(StatusOption.of(StatusCode6.NO_PREFIX_AVAIL, "Sorry, no prefixes could be assigned at this time."));
        assertThat(pd.prefixes()).extracting(Dhcp6PipelineTest::prefix).containsExactly("2001:db8:8000::/56");
        assertThat(pd.prefixes().getFirst().validLifetime()).isZero();
    }

    @Test
    void renewExtendsAndBindsAnUnknownIaAsKeaDoes() throws Exception {
        send(msg(1, 1, CLIENTID, opt(14, ""), iaNa(1)));
        now.addAndGet(600);
        Dhcp6Message reply = decode(send(msg(5, 2, CLIENTID, SERVERID, iaNa(1, iaAddr("2001:db8:1::100")),
                iaNa(9, iaAddr("2001:db8:1::1f0")))).orElseThrow());
        assertThat(reply.type()).isEqualTo(MessageType6.REPLY);
        IaNa known = reply.iaNa().get(0);
        assertThat(addr(known.addresses().getFirst())).isEqualTo("2001:db8:1::100");
        assertThat(known.addresses().getFirst().validLifetime()).isEqualTo(4000);
        // an IA the server has no lease for (say the lease file was lost): the client keeps the address it names
        IaNa unknown = reply.iaNa().get(1);
        assertThat(unknown.iaid()).isEqualTo(9);
        assertThat(unknown.status()).isEmpty();
        assertThat(addr(unknown.addresses().getFirst())).isEqualTo("2001:db8:1::1f0");
        assertThat(unknown.addresses().getFirst().validLifetime()).isEqualTo(4000);
        assertThat(unknown.t1()).isEqualTo(1500);
        assertThat(store.get(LeaseType6.NA, Ipv6.parse("2001:db8:1::1f0")).orElseThrow().iaid()).isEqualTo(9);
        assertThat(store.get(LeaseType6.NA, Ipv6.parse("2001:db8:1::100")).orElseThrow().cltt()).isEqualTo(1_800_000_600L);
        assertThat(stats.get("pkt6-renew-received")).isEqualTo(1);

        // no subnet for the client's link: NoBinding, with Kea's text
        Dhcp6Message none = decode(sendOn("eth9", 9, msg(5, 3, CLIENTID, SERVERID, iaNa(1, iaAddr("2001:db8:1::100")))).orElseThrow());
        assertThat(none.iaNa().getFirst().status().orElseThrow())
                .isEqualTo(StatusOption.of(StatusCode6.NO_BINDING, "Sorry, no known leases for this duid/iaid."));
    }

    @Test
    void rebindExtendsWithoutServerIdAndRevokesOffLinkAddresses() throws Exception {
        send(msg(1, 1, CLIENTID, opt(14, ""), iaNa(1)));
        Dhcp6Message reply = decode(send(msg(6, 2, CLIENTID, iaNa(1, iaAddr("2001:db8:1::100")),
                iaNa(4, iaAddr("2001:db8:77::1")))).orElseThrow());
        assertThat(addr(reply.iaNa().get(0).addresses().getFirst())).isEqualTo("2001:db8:1::100");
        // RFC 8415 18.3.5: the address not appropriate for the link goes back at zero lifetimes, and (as Kea does)
        // the IA is bound to an address of this link instead
        IaNa offLink = reply.iaNa().get(1);
        assertThat(offLink.status()).isEmpty();
        assertThat(offLink.addresses()).extracting(Dhcp6PipelineTest::addr).containsExactly("2001:db8:1::101", "2001:db8:77::1");
        assertThat(offLink.addresses().get(0).validLifetime()).isEqualTo(4000);
        assertThat(offLink.addresses().get(1).validLifetime()).isZero();
        assertThat(offLink.addresses().get(1).preferredLifetime()).isZero();
        // a REBIND carrying a server identifier breaks RFC 8415: dropped and counted
        assertThat(send(msg(6, 3, CLIENTID, SERVERID, iaNa(1)))).isEmpty();
        assertThat(stats.get("pkt6-rfc-violation")).isEqualTo(1);
        // Kea's extendIA_PD: a REBIND of a prefix with no subnet for the link is discarded; addresses get NoBinding
        assertThat(sendOn("eth9", 9, msg(6, 4, CLIENTID, iaPd(2, iaPrefix("2001:db8:8000::", 56))))).isEmpty();
        Dhcp6Message na = decode(sendOn("eth9", 9, msg(6, 5, CLIENTID, iaNa(1, iaAddr("2001:db8:1::100")))).orElseThrow());
        assertThat(na.iaNa().getFirst().status().orElseThrow().status()).isEqualTo(StatusCode6.NO_BINDING);
    }

    @Test
    void releaseDeletesTheLeasesAndReportsEachIa() throws Exception {
        send(msg(1, 1, CLIENTID, opt(14, ""), iaNa(1), iaPd(2)));
        Dhcp6Message reply = decode(send(msg(8, 2, CLIENTID, SERVERID, iaNa(1, iaAddr("2001:db8:1::100")),
                iaPd(2, iaPrefix("2001:db8:8000::", 56)), iaNa(3, iaAddr("2001:db8:1::1ff")))).orElseThrow());
        assertThat(reply.iaNa().get(0).status().orElseThrow())
                .isEqualTo(StatusOption.of(StatusCode6.SUCCESS, "Lease released. Thank you, please come again."));
        assertThat(reply.iaPd().get(0).status().orElseThrow().status()).isEqualTo(StatusCode6.SUCCESS);
        assertThat(reply.iaNa().get(1).status().orElseThrow())
                .isEqualTo(StatusOption.of(StatusCode6.NO_BINDING, "Sorry, this address isn't assigned, can't release."));
        assertThat(reply.status().orElseThrow())
                .isEqualTo(StatusOption.of(StatusCode6.NO_BINDING, "Summary status for all processed IA_NAs"));
        assertThat(store.getAll()).isEmpty();
        assertThat(stats.get("subnet[1].assigned-nas")).isZero();
        assertThat(stats.get("subnet[1].assigned-pds")).isZero();
    }

    @Test
    void declineQuarantinesTheAddress() throws Exception {
        send(msg(1, 1, CLIENTID, opt(14, ""), iaNa(1)));
        Dhcp6Message reply = decode(send(msg(9, 2, CLIENTID, SERVERID, iaNa(1, iaAddr("2001:db8:1::100")))).orElseThrow());
        assertThat(reply.iaNa().getFirst().status().orElseThrow())
                .isEqualTo(StatusOption.of(StatusCode6.SUCCESS, "Lease declined. Hopefully the next one will be better."));
        Lease6 l = store.get(LeaseType6.NA, Ipv6.parse("2001:db8:1::100")).orElseThrow();
        assertThat(l.state()).isEqualTo(LeaseState.DECLINED);
        assertThat(l.validLifetime()).as("decline-probation-period default").isEqualTo(86400);
        assertThat(stats.get("declined-addresses")).isEqualTo(1);
    }

    @Test
    void confirmSaysWhetherTheAddressesAreOnLink() throws Exception {
        Dhcp6Message on = decode(send(msg(4, 1, CLIENTID, iaNa(1, iaAddr("2001:db8:1::abc")))).orElseThrow());
        assertThat(on.status().orElseThrow()).isEqualTo(StatusOption.of(StatusCode6.SUCCESS, "All addresses are on-link"));
        Dhcp6Message off = decode(send(msg(4, 2, CLIENTID, iaNa(1, iaAddr("2001:db8:1::abc"), iaAddr("2001:db8:2::1")))).orElseThrow());
        assertThat(off.status().orElseThrow())
                .isEqualTo(StatusOption.of(StatusCode6.NOT_ON_LINK, "Address 2001:db8:2::1 is not on link."));
        // no addresses at all: no reply
        assertThat(send(msg(4, 3, CLIENTID, iaNa(1)))).isEmpty();
    }

    @Test
    void informationRequestGetsOptionsOnly() throws Exception {
        Dhcp6Message reply = decode(send(msg(11, 5, CLIENTID, ORO)).orElseThrow());
        assertThat(reply.type()).isEqualTo(MessageType6.REPLY);
        assertThat(reply.iaNa()).isEmpty();
        assertThat(Ipv6.toString(reply.option(OptionCodes6.DNS_SERVERS).orElseThrow())).isEqualTo("2001:db8:1::53");
        assertThat(stats.get("pkt6-infrequest-received")).isEqualTo(1);
    }

    @Test
    void twoRelayLayersAreUnwrappedAndTheReplyIsWrappedWithInterfaceIdsEchoed() throws Exception {
        String solicit = msg(1, 0x4242, CLIENTID, iaNa(1));
        // the relay next to the client names its port; the outer relay has its own interface-id
        String inner = "0c00" + hexOf("::") + hexOf(CLIENT_LL)
                + opt(OptionCodes6.INTERFACE_ID, HexFormat.of().formatHex("relay-port-7".getBytes(StandardCharsets.US_ASCII)))
                + opt(OptionCodes6.RELAY_MSG, solicit);
        String outer = "0c01" + hexOf("2001:db8:99::1") + hexOf("2001:db8:aa::1")
                + opt(OptionCodes6.INTERFACE_ID, "6f75746572") + opt(OptionCodes6.RELAY_MSG, inner);
        UdpDatagram6 out = pipeline.process(new InboundDatagram6(HexFormat.of().parseHex(outer), Ipv6.parse("2001:db8:99::1").toArray(),
                547, Ipv6.parse("2001:db8:1::1").toArray(), 7, "eth0", 0)).orElseThrow();
        assertThat(Ipv6.toString(Bytes.of(out.destinationAddress()))).isEqualTo("2001:db8:99::1");
        assertThat(out.destinationPort()).isEqualTo(547);
        assertThat(Ipv6.toString(Bytes.of(out.sourceAddress()))).as("answered from the address it was sent to").isEqualTo("2001:db8:1::1");

        Dhcp6Packet p = Dhcp6Codec.decode(out.data());
        RelayChain chain = RelayChain.unwrap(p);
        assertThat(chain.relays()).hasSize(2);
        Dhcp6RelayMessage o = chain.relays().get(0), i = chain.relays().get(1);
        assertThat(o.type()).isEqualTo(MessageType6.RELAY_REPL);
        assertThat(o.hopCount()).isEqualTo(1);
        assertThat(o.interfaceId().orElseThrow().toHex()).isEqualTo("6f75746572");
        assertThat(Ipv6.toString(i.peerAddress())).isEqualTo(CLIENT_LL);
        assertThat(new String(i.interfaceId().orElseThrow().toArray(), StandardCharsets.US_ASCII)).isEqualTo("relay-port-7");
        Dhcp6Message adv = chain.client();
        assertThat(adv.type()).isEqualTo(MessageType6.ADVERTISE);
        assertThat(adv.transactionId()).isEqualTo(0x4242);
        // selected by the interface-id of the relay closest to the client: subnet 2, with its configured timers
        IaNa na = adv.iaNa().getFirst();
        assertThat(addr(na.addresses().getFirst())).startsWith("2001:db8:2::");
        assertThat(na.t1()).isEqualTo(1000);
        assertThat(na.t2()).isEqualTo(2000);
    }

    @Test
    void malformedPacketsAreCountedAndDropped() {
        assertThat(send("0100")).isEmpty(); // shorter than a header
        assertThat(send(msg(1, 1, CLIENTID, "000300050000000001"))).isEmpty(); // IA_NA of 5 bytes
        assertThat(send("0c00" + hexOf("::") + hexOf(CLIENT_LL) + opt(18, "01"))).isEmpty(); // RELAY-FORW without relay-msg
        assertThat(send(msg(1, 1, CLIENTID, "0006ffff00"))).isEmpty(); // option overruns the packet
        assertThat(stats.get("pkt6-parse-failed")).isEqualTo(4);
        assertThat(stats.get("pkt6-receive-drop")).isEqualTo(4);
        // a SOLICIT without CLIENTID, and a REQUEST for another server, are dropped too
        assertThat(send(msg(1, 2, iaNa(1)))).isEmpty();
        assertThat(send(msg(3, 3, CLIENTID, opt(2, "000300010200000000ff"), iaNa(1)))).isEmpty();
        assertThat(stats.get("pkt6-rfc-violation")).isEqualTo(1);
        assertThat(stats.get("pkt6-not-for-us")).isEqualTo(1);
        assertThat(stats.get("pkt6-received")).isEqualTo(6);
    }
}
