package dev.nestor.codec.v4;

import static dev.nestor.codec.v4.Packets.ascii;
import static dev.nestor.codec.v4.Packets.bytes;
import static dev.nestor.codec.v4.Packets.pad300;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nestor.codec.option.Options;
import dev.nestor.codec.option.RawOption;
import dev.nestor.common.Bytes;
import dev.nestor.common.net.HwAddress;
import dev.nestor.common.net.Ipv4;
import dev.nestor.common.wire.WireFormatException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class Dhcp4CodecTest {
    private static final String MAC = "001122334455";
    /** op=1 htype=1 hlen=6 hops=0, xid, secs=0 flags=0, four zero addresses, chaddr. */
    private static final String REQ_HEAD = "01010600 11223344 00000000 00000000 00000000 00000000 00000000" + MAC;

    private static byte[] query(String... options) {
        List<Object> parts = new ArrayList<>(List.of(REQ_HEAD, 10, 64, 128, "63825363"));
        parts.addAll(Arrays.asList(options));
        return pad300(bytes(parts.toArray()));
    }

    @Test
    void relayedRequestWithAgentOptions() throws Exception {
        byte[] wire = pad300(bytes("01010601 aabbccdd 0003 8000 00000000 00000000 00000000 c0000201", MAC, 10, 64, 128,
                "63825363", "350103", "3204c0000232", "3604c0000201", "0c03", ascii("pc1"),
                "52 16 0106", ascii("eth0/1"), "0206", "0a0b0c0d0e0f", "0504c0000200",
                "ff"));
        Dhcp4Packet p = Dhcp4Codec.decode(wire, 0, wire.length);
        assertThat(p.hops()).isEqualTo(1);
        assertThat(p.secs()).isEqualTo(3);
        assertThat(p.flags()).isEqualTo(0x8000);
        assertThat(p.broadcast()).isTrue();
        assertThat(p.giaddr()).isEqualTo(Ipv4.parse("192.0.2.1"));
        assertThat(p.messageType()).isEqualTo(MessageType4.REQUEST);
        assertThat(p.serverId()).hasValue(Ipv4.parse("192.0.2.1"));
        assertThat(p.requestedAddress()).hasValue(Ipv4.parse("192.0.2.50"));
        Options rai = p.relayAgentInfo().orElseThrow();
        assertThat(rai.codes()).containsExactly(OptionCodes4.RAI_CIRCUIT_ID, OptionCodes4.RAI_REMOTE_ID, OptionCodes4.RAI_LINK_SELECTION);
        assertThat(new String(rai.get(1).orElseThrow().toArray())).isEqualTo("eth0/1");
        assertThat(rai.get(2)).contains(Bytes.fromHex("0a0b0c0d0e0f"));
        assertThat(rai.get(5)).contains(Bytes.fromHex("c0000200"));
        assertThat(Dhcp4Codec.encode(p)).isEqualTo(wire);
    }

    @Test
    void malformedAgentOptionGivesNoRelayInfoButDecodes() throws Exception {
        byte[] wire = query("350101", "5203 0105 00", "ff");
        Dhcp4Packet p = Dhcp4Codec.decode(wire, 0, wire.length);
        assertThat(p.option(82)).contains(Bytes.fromHex("010500"));
        assertThat(p.relayAgentInfo()).isEmpty();
    }

    @Test
    void bootpWithoutVendorArea() throws Exception {
        byte[] wire = bytes(REQ_HEAD, 10, 64, 128);
        assertThat(wire).hasSize(236);
        Dhcp4Packet p = Dhcp4Codec.decode(wire, 0, wire.length);
        assertThat(p.messageType()).isNull();
        assertThat(p.options().size()).isZero();
        assertThat(p.hwAddress()).isEqualTo(HwAddress.parse("00:11:22:33:44:55"));
    }

    @Test
    void bootpWithCookieAndEndOnly() throws Exception {
        byte[] wire = query("ff");
        Dhcp4Packet p = Dhcp4Codec.decode(wire, 0, wire.length);
        assertThat(p.messageType()).isNull();
        assertThat(p.options().isEmpty()).isTrue();
        assertThat(Dhcp4Codec.encode(p)).isEqualTo(wire);
    }

    @Test
    void decodesAtAnOffsetAndIgnoresTrailingBytesAfterEnd() throws Exception {
        byte[] pkt = query("350101", "ff");
        byte[] framed = bytes("deadbeef", pkt, "0102030405");
        Arrays.fill(framed, 4 + 260, 4 + 300, (byte) 0x77); // garbage after END inside the packet too
        Dhcp4Packet p = Dhcp4Codec.decode(framed, 4, pkt.length);
        assertThat(p.options().codes()).containsExactly(53);
    }

    @Test
    void padBetweenOptionsIsSkipped() throws Exception {
        byte[] wire = query("00 00 350101 00 3902 05dc", "ff");
        Dhcp4Packet p = Dhcp4Codec.decode(wire);
        assertThat(p.options().codes()).containsExactly(53, 57);
        assertThat(p.maxMessageSize()).hasValue(1500);
    }

    @Test
    void missingEndIsAccepted() throws Exception {
        byte[] wire = bytes(REQ_HEAD, 10, 64, 128, "63825363", "350101", "0c02", ascii("ab"));
        Dhcp4Packet p = Dhcp4Codec.decode(wire);
        assertThat(p.options().codes()).containsExactly(53, 12);
    }

    @Test
    void rfc3396InstancesAreJoinedInOrder() throws Exception {
        byte[] wire = query("350101", "4d03 616263", "3902 0240", "4d02 6465", "4d00", "4d01 66", "ff");
        Dhcp4Packet p = Dhcp4Codec.decode(wire);
        assertThat(p.options().codes()).containsExactly(53, 77, 57);
        assertThat(new String(p.option(77).orElseThrow().toArray())).isEqualTo("abcdef");
    }

    @Test
    void longOptionIsSplitOnEncodeAndJoinedOnDecode() throws Exception {
        byte[] big = new byte[300];
        for (int i = 0; i < big.length; i++) big[i] = (byte) i;
        Dhcp4Packet p = Dhcp4Packet.newQuery(MessageType4.INFORM, 7, HwAddress.parse(MAC)).withOption(224, Bytes.of(big));
        byte[] wire = Dhcp4Codec.encode(p, 1500);
        int opts = 240;
        assertThat(Arrays.copyOfRange(wire, opts, opts + 3)).containsExactly(53, 1, 8);
        assertThat(wire[opts + 3] & 0xFF).isEqualTo(224);
        assertThat(wire[opts + 4] & 0xFF).isEqualTo(255);
        assertThat(wire[opts + 5 + 255] & 0xFF).isEqualTo(224);
        assertThat(wire[opts + 6 + 255] & 0xFF).isEqualTo(45);
        assertThat(wire[opts + 7 + 255 + 45] & 0xFF).isEqualTo(255); // END
        Dhcp4Packet back = Dhcp4Codec.decode(wire);
        assertThat(back).isEqualTo(p);
    }

    @Test
    void overloadedFileAndSnameAreDecodedAndCleared() throws Exception {
        byte[] file = pad(bytes("0f08", ascii("test.org"), "ff"), 128);
        byte[] sname = pad(bytes("4201", ascii("x"), "0f02", ascii("uk"), "ff"), 64);
        byte[] wire = pad300(bytes("02010600 11223344 00000000 00000000 c0000205 00000000 00000000", MAC, 10, sname, file,
                "63825363", "350102", "340103", "3604c0000201", "0f03", ascii("sub"), "ff"));
        Dhcp4Packet p = Dhcp4Codec.decode(wire);
        assertThat(p.options().codes()).containsExactly(53, 52, 54, 15, 66);
        // RFC 3396 order: options field, then file, then sname
        assertThat(new String(p.option(15).orElseThrow().toArray())).isEqualTo("subtest.orguk");
        assertThat(new String(p.option(66).orElseThrow().toArray())).isEqualTo("x");
        assertThat(p.file()).isEqualTo(Bytes.of(new byte[128]));
        assertThat(p.sname()).isEqualTo(Bytes.of(new byte[64]));
        assertThat(p.yiaddr()).isEqualTo(Ipv4.parse("192.0.2.5"));
    }

    @Test
    void overloadOnlyFileLeavesSnameAsText() throws Exception {
        byte[] file = pad(bytes("0c02", ascii("hh"), "ff"), 128);
        byte[] sname = pad(bytes(ascii("tftp.example")), 64);
        byte[] wire = pad300(bytes(REQ_HEAD, 10, sname, file, "63825363", "350101", "340101", "ff"));
        Dhcp4Packet p = Dhcp4Codec.decode(wire);
        assertThat(p.serverHostName()).isEqualTo("tftp.example");
        assertThat(p.option(12)).contains(Bytes.of("hh".getBytes()));
    }

    @Test
    void invalidOverloadValueIsRejected() {
        byte[] wire = query("350101", "340107", "ff");
        assertThatThrownBy(() -> Dhcp4Codec.decode(wire)).isInstanceOf(WireFormatException.class)
                .hasMessageContaining("overload");
    }

    @Test
    void encodeOverloadsIntoFileThenSnameWhenOptionsDoNotFit() throws Exception {
        // 11 x 42-byte options: 7 fit the options field, 3 the file field (127 + END), 1 the sname field
        Dhcp4Packet p = bigReply(Bytes.EMPTY, Bytes.EMPTY, 11);
        byte[] wire = Dhcp4Codec.encode(p); // default 576
        assertThat(wire.length).isLessThanOrEqualTo(576);
        Dhcp4Packet back = Dhcp4Codec.decode(wire);
        assertThat(back.option(OptionCodes4.OVERLOAD)).contains(Bytes.fromHex("03"));
        assertThat(back.options().without(OptionCodes4.OVERLOAD).list()).containsExactlyInAnyOrderElementsOf(p.options().list());
        assertThat(back.file()).isEqualTo(Bytes.of(new byte[128]));
        // 53 first, then 52, then the server id
        assertThat(Arrays.copyOfRange(wire, 240, 249)).containsExactly(53, 1, 5, 52, 1, 3, 54, 4, (byte) 192);
    }

    @Test
    void encodeUsesOnlySnameWhenFileIsTaken() throws Exception {
        Dhcp4Packet p = bigReply(Bytes.EMPTY, Bytes.of("pxelinux.0".getBytes()), 8);
        byte[] wire = Dhcp4Codec.encode(p);
        Dhcp4Packet back = Dhcp4Codec.decode(wire);
        assertThat(wire.length).isLessThanOrEqualTo(576);
        assertThat(back.option(OptionCodes4.OVERLOAD)).contains(Bytes.fromHex("02"));
        assertThat(back.bootFileName()).isEqualTo("pxelinux.0");
        assertThat(back.options().without(52).size()).isEqualTo(p.options().size());
    }

    @Test
    void encodeDropsTrailingOptionsButKeepsEssentialsWhenNothingFits() throws Exception {
        Dhcp4Packet p = bigReply(Bytes.of("srv".getBytes()), Bytes.of("boot".getBytes()), 14);
        byte[] wire = Dhcp4Codec.encode(p);
        Dhcp4Packet back = Dhcp4Codec.decode(wire);
        assertThat(wire.length).isLessThanOrEqualTo(576);
        assertThat(back.option(OptionCodes4.OVERLOAD)).isEmpty();
        assertThat(back.options().codes()).contains(53, 54, 51).doesNotContain(52);
        assertThat(back.options().size()).isLessThan(p.options().size());
        // what survived is an in-order prefix of what did not fit
        assertThat(back.option(200)).contains(p.option(200).orElseThrow());
        assertThat(back.serverHostName()).isEqualTo("srv");
    }

    @Test
    void largerMaxSizeAvoidsOverload() throws Exception {
        Dhcp4Packet p = bigReply(Bytes.EMPTY, Bytes.EMPTY, 12);
        byte[] wire = Dhcp4Codec.encode(p, 1500);
        assertThat(wire.length).isGreaterThan(576);
        assertThat(Dhcp4Codec.decode(wire).options()).isEqualTo(p.options());
    }

    /** A reply whose 50-byte options 200.. push it well past 576 bytes; 51 sits at the end. */
    private static Dhcp4Packet bigReply(Bytes sname, Bytes file, int n) {
        Dhcp4Packet q = Dhcp4Packet.newQuery(MessageType4.REQUEST, 9, HwAddress.parse(MAC));
        Dhcp4Packet r = Dhcp4Packet.replyTo(q).withSname(sname).withFile(file).withMessageType(MessageType4.ACK)
                .withOption(54, Bytes.fromHex("c0000201"));
        for (int i = 0; i < n; i++) {
            byte[] v = new byte[40];
            Arrays.fill(v, (byte) i);
            r = r.withOption(200 + i, Bytes.of(v));
        }
        return r.withOption(51, Bytes.fromHex("00000e10"));
    }

    @Test
    void replyOrderPutsServerIdSecondAndAgentInfoLast() throws Exception {
        Dhcp4Packet q = Dhcp4Codec.decode(query("350101", "5206 0104 65746830", "ff"));
        Dhcp4Packet r = Dhcp4Packet.replyTo(q).withOption(82, q.option(82).orElseThrow()).withOption(1, Bytes.fromHex("ffffff00"))
                .withMessageType(MessageType4.OFFER).withOption(54, Bytes.fromHex("c0000201")).withYiaddr(Ipv4.parse("192.0.2.10"));
        byte[] wire = Dhcp4Codec.encode(r);
        assertThat(wire).hasSize(300);
        assertThat(Arrays.copyOfRange(wire, 240, 264)).containsExactly(bytes(
                "350102", "3604c0000201", "0104ffffff00", "5206 0104 65746830", "ff"));
        assertThat(wire[0]).isEqualTo((byte) 2);
        assertThat(Arrays.copyOfRange(wire, 16, 20)).containsExactly(bytes("c000020a"));
    }

    @Test
    void replyToCopiesTheRightFields() throws Exception {
        Dhcp4Packet q = Dhcp4Codec.decode(pad300(bytes("01010602 cafebabe 0005 8000 c0000263 00000000 00000000 c0000201", MAC, 10, 64, 128,
                "63825363", "350103", "ff")));
        Dhcp4Packet r = Dhcp4Packet.replyTo(q);
        assertThat(r.op()).isEqualTo(2);
        assertThat(r.htype()).isEqualTo(1);
        assertThat(r.hlen()).isEqualTo(6);
        assertThat(r.hops()).isEqualTo(2);
        assertThat(r.xid()).isEqualTo(0xcafebabe);
        assertThat(r.secs()).isZero();
        assertThat(r.flags()).isEqualTo(0x8000);
        assertThat(r.ciaddr()).isZero();
        assertThat(r.yiaddr()).isZero();
        assertThat(r.siaddr()).isZero();
        assertThat(r.giaddr()).isEqualTo(Ipv4.parse("192.0.2.1"));
        assertThat(r.chaddr()).isEqualTo(q.chaddr());
        assertThat(r.options().isEmpty()).isTrue();
        assertThat(r.messageType()).isNull();
    }

    @Test
    void unknownOptionsRoundTrip() throws Exception {
        byte[] wire = query("350108", "e0 03 010203", "fe 00", "af 05 6162636465", "0c01", ascii("z"), "ff");
        Dhcp4Packet p = Dhcp4Codec.decode(wire);
        assertThat(p.messageType()).isEqualTo(MessageType4.INFORM);
        assertThat(p.options().codes()).containsExactly(53, 224, 254, 175, 12);
        assertThat(p.option(254)).contains(Bytes.EMPTY);
        assertThat(Dhcp4Codec.encode(p)).isEqualTo(wire);
    }

    @Test
    void unknownMessageTypeRoundTrips() throws Exception {
        byte[] wire = query("3501c8", "ff");
        Dhcp4Packet p = Dhcp4Codec.decode(wire);
        assertThat(p.messageType().code()).isEqualTo(200);
        assertThat(p.messageType().isKnown()).isFalse();
        assertThat(Dhcp4Codec.encode(p)).isEqualTo(wire);
    }

    @Test
    void truncatedHeaderReportsOffset() {
        byte[] wire = new byte[100];
        assertThatThrownBy(() -> Dhcp4Codec.decode(wire)).isInstanceOf(WireFormatException.class)
                .hasMessageContaining("truncated DHCPv4 packet").hasMessageContaining("offset 100");
    }

    @Test
    void badCookieReportsOffset() {
        byte[] wire = bytes(REQ_HEAD, 10, 64, 128, "63825364", "ff");
        assertThatThrownBy(() -> Dhcp4Codec.decode(wire)).isInstanceOf(WireFormatException.class)
                .hasMessageContaining("magic cookie").satisfies(e -> assertThat(((WireFormatException) e).offset()).isEqualTo(236));
    }

    @Test
    void shortCookieIsRejected() {
        byte[] wire = bytes(REQ_HEAD, 10, 64, 128, "6382");
        assertThatThrownBy(() -> Dhcp4Codec.decode(wire)).isInstanceOf(WireFormatException.class).hasMessageContaining("offset 236");
    }

    @Test
    void optionOverrunReportsOptionOffset() {
        byte[] wire = bytes(REQ_HEAD, 10, 64, 128, "63825363", "350101", "0c10 6162");
        assertThatThrownBy(() -> Dhcp4Codec.decode(wire)).isInstanceOf(WireFormatException.class)
                .hasMessageContaining("truncated option 12").satisfies(e -> assertThat(((WireFormatException) e).offset()).isEqualTo(243));
    }

    @Test
    void optionWithoutLengthByteIsRejected() {
        byte[] wire = bytes(REQ_HEAD, 10, 64, 128, "63825363", "350101", "0c");
        assertThatThrownBy(() -> Dhcp4Codec.decode(wire)).isInstanceOf(WireFormatException.class)
                .hasMessageContaining("missing length").hasMessageContaining("offset 243");
    }

    @Test
    void lenientModeKeepsOptionsBeforeTheTruncation() throws Exception {
        byte[] wire = bytes(REQ_HEAD, 10, 64, 128, "63825363", "350101", "3902 0240", "0c10 6162");
        Dhcp4Packet p = Dhcp4Codec.decode(wire, 0, wire.length, true);
        assertThat(p.options().codes()).containsExactly(53, 57);
    }

    @Test
    void overrunInsideOverloadedFileIsReported() {
        byte[] file = pad(bytes("0cff 41"), 128);
        byte[] wire = pad300(bytes(REQ_HEAD, 10, 64, file, "63825363", "350101", "340101", "ff"));
        assertThatThrownBy(() -> Dhcp4Codec.decode(wire)).isInstanceOf(WireFormatException.class)
                .hasMessageContaining("file field").hasMessageContaining("offset 108");
    }

    @Test
    void packetValidation() {
        Dhcp4Packet q = Dhcp4Packet.newQuery(MessageType4.DISCOVER, 1, HwAddress.parse(MAC));
        assertThatThrownBy(() -> q.withHops(256)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> q.withSname(Bytes.of(new byte[65]))).isInstanceOf(IllegalArgumentException.class);
        assertThat(q.withSname(Bytes.of("abc".getBytes())).sname().length()).isEqualTo(64);
        assertThat(q.withFlags(0x8000).broadcast()).isTrue();
        assertThat(q.withCiaddr(5).ciaddr()).isEqualTo(5);
        assertThat(q.withSiaddr(6).siaddr()).isEqualTo(6);
        assertThat(q.withGiaddr(7).giaddr()).isEqualTo(7);
        assertThat(q.withOp(2).op()).isEqualTo(2);
        assertThat(q.withFile(Bytes.of("f".getBytes())).bootFileName()).isEqualTo("f");
        // hlen larger than chaddr is capped
        Dhcp4Packet big = new Dhcp4Packet(1, 1, 40, 0, 0, 0, 0, 0, 0, 0, 0, Bytes.of(new byte[16]), Bytes.EMPTY, Bytes.EMPTY, Options.empty());
        assertThat(big.hwAddress().length()).isEqualTo(16);
    }

    @Test
    void messageTypeIsAnOpenEnum() {
        assertThat(MessageType4.of(1)).isSameAs(MessageType4.DISCOVER);
        assertThat(MessageType4.of(18)).isSameAs(MessageType4.TLS);
        assertThat(MessageType4.of(5).name()).isEqualTo("ACK");
        assertThat(MessageType4.of(5).keaName()).isEqualTo("DHCPACK");
        assertThat(MessageType4.of(99).keaName()).isEqualTo("UNKNOWN");
        MessageType4 u = MessageType4.of(99);
        assertThat(u).isEqualTo(MessageType4.of(99)).hasSameHashCodeAs(MessageType4.of(99)).isNotEqualTo(MessageType4.of(98));
        assertThat(u.name()).isEqualTo("UNKNOWN(99)");
        assertThat(u.code()).isEqualTo(99);
        assertThat(RawOption.class).isNotNull();
    }

    private static byte[] pad(byte[] b, int len) { return Arrays.copyOf(b, len); }
}
