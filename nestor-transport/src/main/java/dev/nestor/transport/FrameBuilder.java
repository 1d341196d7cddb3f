package dev.nestor.transport;

/**
 * Builds Ethernet II + IPv4 + UDP frames by hand for the raw (AF_PACKET) send path, so a reply can reach a client's
 * MAC address before it owns an IP address. Header values follow common DHCP server practice: no options, TTL 64,
 * TOS low-delay (as Kea), ID 0 and no fragmentation flags; the UDP checksum is always filled in (0 is sent as 0xFFFF,
 * RFC 768).
 */
final class FrameBuilder {
    static final int ETHERNET_HEADER = 14, IPV4_HEADER = 20, UDP_HEADER = 8;
    static final int HEADERS = ETHERNET_HEADER + IPV4_HEADER + UDP_HEADER;
    static final int MAX_PAYLOAD = 0xFFFF - IPV4_HEADER - UDP_HEADER;
    private static final int TTL = 64, TOS_LOWDELAY = 0x10, PROTO_UDP = 17;

    private FrameBuilder() {}

    /** A complete frame: Ethernet header (ethertype IPv4), IPv4 header with checksum, UDP header with checksum, payload. */
    static byte[] udpFrame(byte[] dstMac, byte[] srcMac, int srcIp, int dstIp, int srcPort, int dstPort, byte[] payload) {
        if (dstMac.length != 6 || srcMac.length != 6) throw new IllegalArgumentException("MAC addresses must be 6 bytes");
        if (payload.length > MAX_PAYLOAD) throw new IllegalArgumentException("payload too large for one IPv4 datagram: " + payload.length);
        byte[] f = new byte[HEADERS + payload.length];
        System.arraycopy(dstMac, 0, f, 0, 6);
        System.arraycopy(srcMac, 0, f, 6, 6);
        put16(f, 12, Native.ETH_P_IP);

        int ip = ETHERNET_HEADER;
        int udpLength = UDP_HEADER + payload.length;
        f[ip] = 0x45; // version 4, 5 words
        f[ip + 1] = (byte) TOS_LOWDELAY;
        put16(f, ip + 2, IPV4_HEADER + udpLength);
        // identification 0, flags/fragment offset 0 (bytes ip+4..ip+7 stay zero)
        f[ip + 8] = (byte) TTL;
        f[ip + 9] = (byte) PROTO_UDP;
        put32(f, ip + 12, srcIp);
        put32(f, ip + 16, dstIp);
        put16(f, ip + 10, ipv4HeaderChecksum(f, ip));

        int udp = ip + IPV4_HEADER;
        put16(f, udp, srcPort);
        put16(f, udp + 2, dstPort);
        put16(f, udp + 4, udpLength);
        System.arraycopy(payload, 0, f, udp + UDP_HEADER, payload.length);
        put16(f, udp + 6, udpChecksum(srcIp, dstIp, f, udp, udpLength));
        return f;
    }

    /** RFC 791 header checksum over the 20-byte header at {@code off}, with its checksum field treated as zero. */
    static int ipv4HeaderChecksum(byte[] b, int off) {
        long sum = 0;
        for (int i = 0; i < IPV4_HEADER; i += 2) if (i != 10) sum += get16(b, off + i);
        return fold(sum);
    }

    /**
     * RFC 768 checksum over the pseudo header and the UDP segment at {@code off} (its checksum field treated as zero).
     * Returns 0xFFFF instead of 0, since 0 means "no checksum".
     */
    static int udpChecksum(int srcIp, int dstIp, byte[] b, int off, int udpLength) {
        long sum = (srcIp >>> 16) + (srcIp & 0xFFFF) + (dstIp >>> 16) + (dstIp & 0xFFFF) + PROTO_UDP + udpLength;
        for (int i = 0; i + 1 < udpLength; i += 2) if (i != 6) sum += get16(b, off + i);
        if ((udpLength & 1) != 0) sum += (b[off + udpLength - 1] & 0xFF) << 8;
        int c = fold(sum);
        return c == 0 ? 0xFFFF : c;
    }

    private static int fold(long sum) {
        while ((sum >>> 16) != 0) sum = (sum & 0xFFFF) + (sum >>> 16);
        return (int) (~sum & 0xFFFF);
    }

    private static int get16(byte[] b, int off) { return ((b[off] & 0xFF) << 8) | (b[off + 1] & 0xFF); }

    private static void put16(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 8);
        b[off + 1] = (byte) v;
    }

    private static void put32(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }
}
