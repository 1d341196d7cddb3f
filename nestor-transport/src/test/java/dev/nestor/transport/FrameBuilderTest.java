package dev.nestor.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nestor.common.net.Ipv4;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class FrameBuilderTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] CLIENT_MAC = HEX.parseHex("020000000077");
    private static final byte[] SERVER_MAC = HEX.parseHex("020000000001");

    @Test
    void ipv4HeaderChecksumMatchesTheTextbookExample() {
        // the header from RFC 1071 tutorials / Wikipedia "IPv4 header checksum": checksum field b861
        byte[] header = HEX.parseHex("450000730000400040110000c0a80001c0a800c7");
        assertThat(FrameBuilder.ipv4HeaderChecksum(header, 0)).isEqualTo(0xb861);
    }

    @Test
    void udpChecksumMatchesKnownValues() {
        // values computed independently (python one's-complement sum over pseudo header + segment)
        assertThat(udpChecksumOf("hello")).isEqualTo(0x372c); // odd length: last byte padded
        assertThat(udpChecksumOf("DHCP")).isEqualTo(0xf367);
    }

    private static int udpChecksumOf(String payload) {
        byte[] frame = frame(payload.getBytes(StandardCharsets.US_ASCII));
        return ((frame[40] & 0xFF) << 8) | (frame[41] & 0xFF);
    }

    private static byte[] frame(byte[] payload) {
        return FrameBuilder.udpFrame(CLIENT_MAC, SERVER_MAC, Ipv4.parse("192.0.2.1"), Ipv4.parse("192.0.2.77"), 67, 68, payload);
    }

    @Test
    void buildsEthernetIpv4AndUdpHeaders() {
        byte[] f = frame("hello".getBytes(StandardCharsets.US_ASCII));
        assertThat(f).hasSize(14 + 20 + 8 + 5);
        assertThat(HEX.formatHex(f, 0, 14)).isEqualTo("020000000077" + "020000000001" + "0800");
        // IPv4: 45, tos 10, total 33, id 0, frag 0, ttl 64, udp, checksum f66d, 192.0.2.1 -> 192.0.2.77
        assertThat(HEX.formatHex(f, 14, 34)).isEqualTo("45100021" + "00000000" + "4011f66d" + "c0000201" + "c000024d");
        // UDP: 67 -> 68, length 13, checksum 372c
        assertThat(HEX.formatHex(f, 34, 42)).isEqualTo("00430044000d372c");
        assertThat(new String(f, 42, 5, StandardCharsets.US_ASCII)).isEqualTo("hello");
    }

    @Test
    void headersVerifyToAllOnesWhenSummedWithTheirChecksums() {
        byte[] payload = new byte[300];
        for (int i = 0; i < payload.length; i++) payload[i] = (byte) (i * 7);
        byte[] f = frame(payload);
        assertThat(onesComplementSum(f, 14, 20, 0)).isEqualTo(0xFFFF);
        int pseudo = 0xc000 + 0x0201 + 0xc000 + 0x024d + 17 + (8 + payload.length);
        assertThat(onesComplementSum(f, 34, 8 + payload.length, pseudo)).isEqualTo(0xFFFF);
    }

    private static int onesComplementSum(byte[] b, int off, int len, long initial) {
        long sum = initial;
        for (int i = 0; i < len; i += 2) sum += ((b[off + i] & 0xFF) << 8) | (i + 1 < len ? b[off + i + 1] & 0xFF : 0);
        while ((sum >>> 16) != 0) sum = (sum & 0xFFFF) + (sum >>> 16);
        return (int) sum;
    }

    @Test
    void aComputedZeroUdpChecksumIsSentAsAllOnes() {
        // choose the last two payload bytes so that the one's-complement sum is 0xFFFF (checksum 0)
        byte[] payload = new byte[4];
        byte[] probe = frame(payload);
        int c = ((probe[40] & 0xFF) << 8) | (probe[41] & 0xFF);
        // adding the current checksum value to the data makes the new sum all ones, i.e. checksum 0
        payload[2] = (byte) (c >>> 8);
        payload[3] = (byte) c;
        byte[] f = frame(payload);
        assertThat(((f[40] & 0xFF) << 8) | (f[41] & 0xFF)).isEqualTo(0xFFFF);
    }

    @Test
    void rejectsBadMacsAndOversizedPayloads() {
        assertThatThrownBy(() -> FrameBuilder.udpFrame(new byte[5], SERVER_MAC, 1, 2, 67, 68, new byte[1]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FrameBuilder.udpFrame(CLIENT_MAC, SERVER_MAC, 1, 2, 67, 68, new byte[65508]))
                .hasMessageContaining("too large");
    }
}
