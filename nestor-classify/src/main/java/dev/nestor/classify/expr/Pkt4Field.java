package dev.nestor.classify.expr;

/**
 * DHCPv4 header fields reachable as {@code pkt4.<keyword>}. The comment on each constant is the exact byte
 * form {@link PacketView#pkt4Field} must return (Kea token.cc TokenPkt4).
 */
public enum Pkt4Field {
    /** chaddr limited to hlen bytes (the hardware address itself, e.g. 6 bytes for Ethernet). */
    MAC("mac"),
    /** hlen as a 4-byte big-endian unsigned integer. */
    HLEN("hlen"),
    /** htype as a 4-byte big-endian unsigned integer. */
    HTYPE("htype"),
    /** 4 bytes. */
    CIADDR("ciaddr"),
    /** 4 bytes. */
    GIADDR("giaddr"),
    /** 4 bytes. */
    YIADDR("yiaddr"),
    /** 4 bytes. */
    SIADDR("siaddr"),
    /** DHCP message type (option 53; 0 when absent) as a 4-byte big-endian unsigned integer. */
    MSGTYPE("msgtype"),
    /** xid as a 4-byte big-endian unsigned integer. */
    TRANSID("transid");

    private final String keyword;

    Pkt4Field(String keyword) {
        this.keyword = keyword;
    }

    /** The expression keyword, e.g. {@code mac}. */
    public String keyword() {
        return keyword;
    }
}
