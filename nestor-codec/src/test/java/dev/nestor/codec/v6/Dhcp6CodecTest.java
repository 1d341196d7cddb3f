package dev.nestor.codec.v6;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nestor.codec.net.Ipv6;
import dev.nestor.common.Bytes;
import dev.nestor.common.wire.WireFormatException;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Dhcp6CodecTest {
    private static final byte[] SOLICIT = ClientPackets6Test.SOLICIT_NA;
    private static final String SOLICIT_HEX = HexFormat.of().formatHex(SOLICIT);
    private static final String LINK1 = Hex.addr("2001:db8:1::1");
    private static final String PEER1 = Hex.addr("fe80::211:22ff:fe33:4455");
    private static final String LINK2 = Hex.addr("2001:db8:ffff::1");
    private static final String PEER2 = Hex.addr("2001:db8:1::1");

    /** RELAY-FORW from the first-hop relay: interface-id "ge-0/0/1", then relay-msg with the SOLICIT. */
    private static final byte[] RELAYED = Hex.bytes("0c00", LINK1, PEER1,
            Hex.tlv(18, Hex.ascii("ge-0/0/1")), Hex.tlv(9, SOLICIT_HEX));

    /** The same wrapped again by a second relay (hop-count 1, remote-id, its own interface-id, relay-msg first). */
    private static final byte[] RELAYED_TWICE = Hex.bytes("0c01", LINK2, PEER2,
            Hex.tlv(9, HexFormat.of().formatHex(RELAYED)), Hex.tlv(37, "00000de9 0a0b0c"), Hex.tlv(18, Hex.ascii("uplink-7")));

    @Test
    void relayForwardWithInterfaceIdWrappingASolicit() throws Exception {
        Dhcp6RelayMessage r = (Dhcp6RelayMessage) Dhcp6Codec.decode(RELAYED, 0, RELAYED.length);
        assertThat(r.type()).isEqualTo(MessageType6.RELAY_FORW);
        assertThat(r.hopCount()).isZero();
        assertThat(r.linkAddress()).isEqualTo(Ipv6.parse("2001:db8:1::1"));
        assertThat(r.peerAddress()).isEqualTo(Ipv6.parse("fe80::211:22ff:fe33:4455"));
        assertThat(r.options().codes()).containsExactly(18, 9);
        assertThat(r.interfaceId()).contains(Bytes.of("ge-0/0/1".getBytes()));
        assertThat(r.relayMessage()).contains(Bytes.of(SOLICIT));
        Dhcp6Message inner = (Dhcp6Message) r.innerPacket();
        assertThat(inner.type()).isEqualTo(MessageType6.SOLICIT);
        assertThat(inner.transactionId()).isEqualTo(0xd2ea08);
        assertThat(Dhcp6Codec.encode(r)).isEqualTo(RELAYED);

        RelayChain chain = RelayChain.unwrap(r);
        assertThat(chain.relays()).containsExactly(r);
        assertThat(chain.client()).isEqualTo(inner);
        assertThat(chain.isRelayed()).isTrue();
        assertThat(chain.innermost()).contains(r);
    }

    @Test
    void twoLevelRelayKeepsEveryLayer() throws Exception {
        Dhcp6Packet p = Dhcp6Codec.decode(RELAYED_TWICE);
        RelayChain chain = RelayChain.unwrap(p);
        assertThat(chain.relays()).hasSize(2);
        Dhcp6RelayMessage outer = chain.relays().get(0), inner = chain.relays().get(1);
        assertThat(outer).isEqualTo(p);
        assertThat(outer.hopCount()).isEqualTo(1);
        assertThat(outer.linkAddress()).isEqualTo(Ipv6.parse("2001:db8:ffff::1"));
        assertThat(outer.peerAddress()).isEqualTo(Ipv6.parse("2001:db8:1::1"));
        assertThat(outer.options().codes()).containsExactly(9, 37, 18);
        assertThat(outer.option(OptionCodes6.REMOTE_ID)).contains(Hex.b("00000de90a0b0c"));
        assertThat(inner.hopCount()).isZero();
        assertThat(inner.interfaceId()).contains(Bytes.of("ge-0/0/1".getBytes()));
        assertThat(chain.outermost()).contains(outer);
        assertThat(chain.innermost()).contains(inner);
        assertThat(chain.client().transactionId()).isEqualTo(0xd2ea08);
        assertThat(Dhcp6Codec.encode(p)).isEqualTo(RELAYED_TWICE);
    }

    @Test
    void wrapReplyMirrorsTheChainAndEchoesInterfaceIdAndRelaySourcePort() throws Exception {
        byte[] withPort = Hex.bytes("0c01", LINK2, PEER2, Hex.tlv(135, "0bb8"),
                Hex.tlv(9, HexFormat.of().formatHex(RELAYED)), Hex.tlv(37, "00000de9 0a0b0c"), Hex.tlv(18, Hex.ascii("uplink-7")));
        RelayChain chain = RelayChain.unwrap(Dhcp6Codec.decode(withPort));
        Dhcp6Message reply = Dhcp6Message.of(MessageType6.ADVERTISE, chain.client().transactionId(), new Preference(10));
        byte[] wire = Dhcp6Codec.encode(chain.wrapReply(reply));
        String replyHex = "02d2ea08" + Hex.tlv(7, "0a");
        String innerRepl = "0d00" + LINK1 + PEER1 + Hex.tlv(18, Hex.ascii("ge-0/0/1")) + Hex.tlv(9, replyHex);
        // remote-id is not echoed (Kea echoes only interface-id and relay-source-port)
        assertThat(wire).isEqualTo(Hex.bytes("0d01", LINK2, PEER2, Hex.tlv(18, Hex.ascii("uplink-7")), Hex.tlv(135, "0bb8"),
                Hex.tlv(9, innerRepl)));
        RelayChain back = RelayChain.unwrap(Dhcp6Codec.decode(wire));
        assertThat(back.relays()).extracting(Dhcp6RelayMessage::type).containsOnly(MessageType6.RELAY_REPL);
        assertThat(back.client()).isEqualTo(reply);
        // an unrelayed query gets the reply itself
        RelayChain direct = RelayChain.unwrap(Dhcp6Codec.decode(SOLICIT));
        assertThat(direct.isRelayed()).isFalse();
        assertThat(direct.wrapReply(reply)).isSameAs(reply);
    }

    @Test
    void relayForwardBuilderPutsRelayMsgLast() throws Exception {
        Dhcp6Message solicit = (Dhcp6Message) Dhcp6Codec.decode(SOLICIT);
        Dhcp6RelayMessage r = Dhcp6RelayMessage.forward(0, Ipv6.parse("2001:db8:1::1"), Ipv6.parse("fe80::211:22ff:fe33:4455"),
                OptionList6.of(new Option6(18, Bytes.of("ge-0/0/1".getBytes()))), solicit);
        assertThat(Dhcp6Codec.encode(r)).isEqualTo(RELAYED);
    }

    @Test
    void thirtyTwoRelaysAreFineThirtyThreeAreNot() throws Exception {
        byte[] p = SOLICIT;
        for (int i = 0; i < 32; i++) p = relay(i, p);
        RelayChain chain = RelayChain.unwrap(Dhcp6Codec.decode(p));
        assertThat(chain.relays()).hasSize(32);
        assertThat(chain.relays().getFirst().hopCount()).isEqualTo(31);
        assertThat(chain.relays().getLast().hopCount()).isZero();
        assertThat(Dhcp6Codec.encode(chain.wrapReply(chain.client()))).hasSize(p.length);

        byte[] tooDeep = relay(32, p);
        assertThatThrownBy(() -> Dhcp6Codec.decode(tooDeep)).isInstanceOf(WireFormatException.class)
                .hasMessageContaining("more than 32").satisfies(e -> assertThat(((WireFormatException) e).offset())
                        .isEqualTo(32 * (Dhcp6RelayMessage.HEADER_LEN + 4)));
        // a hand-built 33-layer object is refused by unwrap too
        Dhcp6RelayMessage obj = Dhcp6RelayMessage.forward(32, Ipv6.UNSPECIFIED, Ipv6.UNSPECIFIED, OptionList6.empty(),
                (Dhcp6RelayMessage) Dhcp6Codec.decode(p));
        assertThatThrownBy(() -> RelayChain.unwrap(obj)).isInstanceOf(WireFormatException.class).hasMessageContaining("more than 32");
    }

    private static byte[] relay(int hops, byte[] inner) {
        return Hex.bytes(String.format("0c%02x", hops), LINK1, PEER1, Hex.tlv(9, HexFormat.of().formatHex(inner)));
    }

    @Test
    void relayForwardWithoutRelayMsgIsAWireFormatError() throws Exception {
        byte[] noMsg = Hex.bytes("0c00", LINK1, PEER1, Hex.tlv(18, Hex.ascii("eth0")));
        assertThatThrownBy(() -> Dhcp6Codec.decode(noMsg)).isInstanceOf(WireFormatException.class)
                .hasMessageContaining("without relay-msg option (9)")
                .satisfies(e -> assertThat(((WireFormatException) e).offset()).isZero());
        // nested: the inner relay lacks option 9; offset points at the inner header inside the outer buffer
        byte[] nested = Hex.bytes("0c01", LINK2, PEER2, Hex.tlv(9, HexFormat.of().formatHex(noMsg)));
        assertThatThrownBy(() -> Dhcp6Codec.decode(nested)).isInstanceOf(WireFormatException.class)
                .satisfies(e -> assertThat(((WireFormatException) e).offset()).isEqualTo(38));
        // an empty relay-msg is refused as well, and a hand-built relay without option 9 cannot be unwrapped
        assertThatThrownBy(() -> Dhcp6Codec.decode(Hex.bytes("0c00", LINK1, PEER1, "00090000")))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("empty relay-msg");
        Dhcp6RelayMessage obj = new Dhcp6RelayMessage(MessageType6.RELAY_FORW, 0, Ipv6.UNSPECIFIED, Ipv6.UNSPECIFIED, OptionList6.empty());
        assertThatThrownBy(() -> RelayChain.unwrap(obj)).isInstanceOf(WireFormatException.class);
        assertThatThrownBy(obj::innerPacket).isInstanceOf(WireFormatException.class);
    }

    @Test
    void truncatedOptionsAndHeaders() {
        // IA_NA claims 12 bytes, only 8 follow: error at the option's offset (4 + 18 + 12 + 6 = 40)
        byte[] cut = Arrays.copyOf(SOLICIT, SOLICIT.length - 4);
        assertThatThrownBy(() -> Dhcp6Codec.decode(cut)).isInstanceOf(WireFormatException.class)
                .hasMessageContaining("option 3 length 12 overruns")
                .satisfies(e -> assertThat(((WireFormatException) e).offset()).isEqualTo(40));
        byte[] halfHeader = Hex.bytes("01000001 0001");
        assertThatThrownBy(() -> Dhcp6Codec.decode(halfHeader)).isInstanceOf(WireFormatException.class)
                .hasMessageContaining("truncated option header")
                .satisfies(e -> assertThat(((WireFormatException) e).offset()).isEqualTo(4));
        assertThatThrownBy(() -> Dhcp6Codec.decode(new byte[0])).isInstanceOf(WireFormatException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> Dhcp6Codec.decode(Hex.bytes("0100"))).isInstanceOf(WireFormatException.class)
                .hasMessageContaining("header needs 4");
        assertThatThrownBy(() -> Dhcp6Codec.decode(Hex.bytes("0c00", LINK1))).isInstanceOf(WireFormatException.class)
                .hasMessageContaining("header needs 34");
        // the offset is counted in the caller's buffer
        byte[] framed = Hex.bytes("ffffff", HexFormat.of().formatHex(cut));
        assertThatThrownBy(() -> Dhcp6Codec.decode(framed, 3, cut.length)).isInstanceOf(WireFormatException.class)
                .satisfies(e -> assertThat(((WireFormatException) e).offset()).isEqualTo(43));
    }

    @Test
    void lenientModeDropsATruncatedTrailingOption() throws Exception {
        byte[] cut = Arrays.copyOf(SOLICIT, SOLICIT.length - 4);
        Dhcp6Message m = (Dhcp6Message) Dhcp6Codec.decode(cut, 0, cut.length, true);
        assertThat(m.options().codes()).containsExactly(1, 6, 8);
    }

    @Test
    void duplicatesUnknownOptionsAndUnknownTypesRoundTrip() throws Exception {
        byte[] wire = Hex.bytes("2a123456", Hex.tlv(3, "00000001 00000000 00000000"), Hex.tlv(65000, "cafe"),
                Hex.tlv(3, "00000002 00000000 00000000"), Hex.tlv(17, "00000de9" + Hex.tlv(1, "0001") + Hex.tlv(1, "0002")),
                Hex.tlv(17, "000009bf"), Hex.tlv(3000, ""));
        Dhcp6Message m = (Dhcp6Message) Dhcp6Codec.decode(wire);
        assertThat(m.type().isKnown()).isFalse();
        assertThat(m.type().code()).isEqualTo(42);
        assertThat(m.type().name()).isEqualTo("UNKNOWN(42)");
        assertThat(m.type().keaName()).isEqualTo("UNKNOWN");
        assertThat(m.options().codes()).containsExactly(3, 65000, 3, 17, 17, 3000);
        assertThat(m.options().count(3)).isEqualTo(2);
        assertThat(m.iaNa()).extracting(IaNa::iaid).containsExactly(1L, 2L);
        assertThat(m.vendorOpts()).extracting(VendorOpts::enterpriseId).containsExactly(3561L, 2495L);
        assertThat(m.vendorOpts().getFirst().options().all(1)).containsExactly(Hex.b("0001"), Hex.b("0002"));
        assertThat(m.option(65000)).contains(Hex.b("cafe"));
        assertThat(Dhcp6Codec.encode(m)).isEqualTo(wire);
    }

    @Test
    void messageValidation() {
        assertThatThrownBy(() -> new Dhcp6Message(MessageType6.SOLICIT, 0x1000000, OptionList6.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Dhcp6Message(MessageType6.RELAY_FORW, 1, OptionList6.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Dhcp6RelayMessage(MessageType6.REPLY, 0, Ipv6.UNSPECIFIED, Ipv6.UNSPECIFIED, OptionList6.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Dhcp6RelayMessage(MessageType6.RELAY_FORW, 0, Hex.b("00"), Ipv6.UNSPECIFIED, OptionList6.empty()))
                .hasMessageContaining("link address");
        assertThatThrownBy(() -> new Option6(70000, Bytes.EMPTY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Option6(1, Bytes.of(new byte[65536]))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void messageTypesAndStatusCodesAreOpenEnums() {
        assertThat(MessageType6.of(1)).isSameAs(MessageType6.SOLICIT);
        assertThat(MessageType6.of(11).name()).isEqualTo("INFORMATION_REQUEST");
        assertThat(MessageType6.of(12).keaName()).isEqualTo("RELAY_FORWARD");
        assertThat(MessageType6.of(20)).isEqualTo(MessageType6.DHCPV4_QUERY);
        assertThat(MessageType6.of(21).keaName()).isEqualTo("DHCPV4_RESPONSE");
        assertThat(MessageType6.of(200)).isEqualTo(MessageType6.of(200)).isNotEqualTo(MessageType6.SOLICIT);
        assertThat(MessageType6.of(-5).name()).isEqualTo("UNKNOWN(-5)");
        assertThat(StatusCode6.of(2)).isSameAs(StatusCode6.NO_ADDRS_AVAIL);
        assertThat(StatusCode6.of(6).name()).isEqualTo("NoPrefixAvail");
        assertThat(StatusCode6.of(99).isKnown()).isFalse();
    }

    @Test
    void optionListOperations() {
        OptionList6 l = OptionList6.of(new Option6(3, Hex.b("01")), new Option6(6, Hex.b("0017")), new Option6(3, Hex.b("02")));
        assertThat(l.first(3)).contains(Hex.b("01"));
        assertThat(l.all(3)).containsExactly(Hex.b("01"), Hex.b("02"));
        assertThat(l.with(3, Hex.b("09")).codes()).containsExactly(3, 6);
        assertThat(l.with(3, Hex.b("09")).first(3)).contains(Hex.b("09"));
        assertThat(l.plus(3, Hex.b("03")).all(3)).hasSize(3);
        assertThat(l.without(3).codes()).containsExactly(6);
        assertThat(l.with(8, Hex.b("0000")).codes()).containsExactly(3, 6, 3, 8);
        assertThat(l.wireLength()).isEqualTo(4 + 1 + 4 + 2 + 4 + 1);
        assertThat(Options6Codec.encode(l)).isEqualTo(Hex.b("0003000101 00060002 0017 0003000102"));
        assertThat(l.all(99)).isEmpty();
    }
}
