package dev.nestor.classify.expr;

/**
 * Packet metadata reachable as {@code pkt.<keyword>}; the comment on each constant is the byte form
 * {@link PacketView#pktField} must return (Kea token.cc TokenPkt).
 */
public enum PktField {
    /** Name of the interface the packet arrived on, as text (UTF-8 bytes). */
    IFACE("iface"),
    /** Source (remote) address: 4 bytes for IPv4, 16 for IPv6. */
    SRC("src"),
    /** Destination (local) address: 4 bytes for IPv4, 16 for IPv6. */
    DST("dst"),
    /** Packet length as a 4-byte big-endian unsigned integer. */
    LEN("len");

    private final String keyword;

    PktField(String keyword) {
        this.keyword = keyword;
    }

    /** The expression keyword, e.g. {@code iface}. */
    public String keyword() {
        return keyword;
    }
}
