package dev.nestor.codec.v4;

import static dev.nestor.codec.v4.Packets.ascii;
import static dev.nestor.codec.v4.Packets.bytes;
import static dev.nestor.codec.v4.Packets.pad300;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nestor.codec.option.RawOption;
import dev.nestor.common.Bytes;
import dev.nestor.common.net.HwAddress;
import dev.nestor.common.net.Ipv4;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DISCOVERs as sent by the three common Linux clients, decoded field by field and re-encoded byte-identically. */
class ClientPacketsTest {
    private static final String MAC = "525400a1b2c3";
    private static final String HEADER_TAIL = "00000000 00000000 00000000 00000000"; // ciaddr yiaddr siaddr giaddr

    /** isc-dhcp-client 4.4 (Debian dhclient.conf): 53, 50 (previous lease), 12, 55; padded to 300. */
    static final byte[] DHCLIENT = pad300(bytes(
            "01 01 06 00", "3903f326", "0004 0000", HEADER_TAIL, MAC, 10, 64, 128,
            "63825363",
            "35 01 01",
            "32 04 c0000264",
            "0c 05", ascii("host1"),
            "37 0d 01 1c 02 03 0f 06 77 0c 2c 2f 1a 79 2a",
            "ff"));

    /** BusyBox 1.36 udhcpc: 53, 61 (type 1 + MAC), 57 = 576, 55, 60 "udhcp 1.36.1", 12. */
    static final byte[] UDHCPC = pad300(bytes(
            "01 01 06 00", "6b8b4567", "0000 0000", HEADER_TAIL, MAC, 10, 64, 128,
            "63825363",
            "35 01 01",
            "3d 07 01", MAC,
            "39 02 0240",
            "37 07 01 03 06 0c 0f 1c 2a",
            "3c 0c", ascii("udhcp 1.36.1"),
            "0c 06", ascii("router"),
            "ff"));

    /** dhcpcd 9.4: 53, 61 (255 + IAID + DUID-LL), 57, 60, 145, 12, 55. */
    static final byte[] DHCPCD = pad300(bytes(
            "01 01 06 00", "2e6b4a1c", "0000 0000", HEADER_TAIL, MAC, 10, 64, 128,
            "63825363",
            "35 01 01",
            "3d 0f ff a1b2c3d4 0003 0001", MAC,
            "39 02 05dc",
            "3c 1f", ascii("dhcpcd-9.4.1:Linux-6.1.0:x86_64"),
            "91 01 01",
            "0c 04", ascii("pi-4"),
            "37 0a 01 79 21 03 06 1c 33 3a 3b 77",
            "ff"));

    @Test
    void dhclientDiscover() throws Exception {
        Dhcp4Packet p = Dhcp4Codec.decode(DHCLIENT, 0, DHCLIENT.length);
        assertHeader(p, 0x3903f326, 4);
        assertThat(p.messageType()).isEqualTo(MessageType4.DISCOVER);
        assertThat(p.options().codes()).containsExactly(53, 50, 12, 55);
        assertThat(p.requestedAddress()).hasValue(Ipv4.parse("192.0.2.100"));
        assertThat(p.option(OptionCodes4.HOST_NAME)).contains(Bytes.of("host1".getBytes()));
        assertThat(p.parameterRequestList()).containsExactly(1, 28, 2, 3, 15, 6, 119, 12, 44, 47, 26, 121, 42);
        assertThat(p.clientId()).isEmpty();
        assertThat(p.serverId()).isEmpty();
        assertThat(p.maxMessageSize()).isEmpty();
        assertThat(Dhcp4Codec.encode(p)).isEqualTo(DHCLIENT);
    }

    @Test
    void udhcpcDiscover() throws Exception {
        Dhcp4Packet p = Dhcp4Codec.decode(UDHCPC, 0, UDHCPC.length);
        assertHeader(p, 0x6b8b4567, 0);
        assertThat(p.messageType()).isEqualTo(MessageType4.DISCOVER);
        assertThat(p.options().codes()).containsExactly(53, 61, 57, 55, 60, 12);
        assertThat(p.clientId()).contains(Bytes.fromHex("01" + MAC));
        assertThat(p.maxMessageSize()).hasValue(576);
        assertThat(p.parameterRequestList()).containsExactly(1, 3, 6, 12, 15, 28, 42);
        assertThat(new String(p.option(OptionCodes4.VENDOR_CLASS_ID).orElseThrow().toArray())).isEqualTo("udhcp 1.36.1");
        assertThat(new String(p.option(OptionCodes4.HOST_NAME).orElseThrow().toArray())).isEqualTo("router");
        assertThat(p.requestedAddress()).isEmpty();
        assertThat(Dhcp4Codec.encode(p)).isEqualTo(UDHCPC);
    }

    @Test
    void dhcpcdDiscover() throws Exception {
        Dhcp4Packet p = Dhcp4Codec.decode(DHCPCD, 0, DHCPCD.length);
        assertHeader(p, 0x2e6b4a1c, 0);
        assertThat(p.messageType()).isEqualTo(MessageType4.DISCOVER);
        assertThat(p.options().codes()).containsExactly(53, 61, 57, 60, 145, 12, 55);
        Bytes cid = p.clientId().orElseThrow();
        assertThat(cid.get(0)).isEqualTo(255);
        assertThat(cid.length()).isEqualTo(15);
        assertThat(cid).isEqualTo(Bytes.fromHex("ffa1b2c3d400030001" + MAC));
        assertThat(p.maxMessageSize()).hasValue(1500);
        assertThat(new String(p.option(60).orElseThrow().toArray())).startsWith("dhcpcd-9.4.1");
        assertThat(p.option(145)).contains(Bytes.fromHex("01"));
        assertThat(p.parameterRequestList()).containsExactly(1, 121, 33, 3, 6, 28, 51, 58, 59, 119);
        assertThat(Dhcp4Codec.encode(p)).isEqualTo(DHCPCD);
    }

    private static void assertHeader(Dhcp4Packet p, int xid, int secs) {
        assertThat(p.op()).isEqualTo(Dhcp4Packet.BOOTREQUEST);
        assertThat(p.htype()).isEqualTo(1);
        assertThat(p.hlen()).isEqualTo(6);
        assertThat(p.hops()).isZero();
        assertThat(p.xid()).isEqualTo(xid);
        assertThat(p.secs()).isEqualTo(secs);
        assertThat(p.flags()).isZero();
        assertThat(p.broadcast()).isFalse();
        assertThat(List.of(p.ciaddr(), p.yiaddr(), p.siaddr(), p.giaddr())).containsOnly(0);
        assertThat(p.chaddr()).isEqualTo(Bytes.fromHex(MAC + "00000000000000000000"));
        assertThat(p.hwAddress()).isEqualTo(HwAddress.parse("52:54:00:a1:b2:c3"));
        assertThat(p.sname()).isEqualTo(Bytes.of(new byte[64]));
        assertThat(p.file()).isEqualTo(Bytes.of(new byte[128]));
        assertThat(p.serverHostName()).isEmpty();
        assertThat(p.bootFileName()).isEmpty();
        assertThat(p.options().list()).allSatisfy(o -> assertThat(o).isInstanceOf(RawOption.class));
    }
}
