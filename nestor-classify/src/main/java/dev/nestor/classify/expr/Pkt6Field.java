package dev.nestor.classify.expr;

/** DHCPv6 header fields reachable as {@code pkt6.<keyword>}; both are 4-byte big-endian unsigned integers. */
public enum Pkt6Field {
    MSGTYPE("msgtype"),
    TRANSID("transid");

    private final String keyword;

    Pkt6Field(String keyword) {
        this.keyword = keyword;
    }

    /** The expression keyword. */
    public String keyword() {
        return keyword;
    }
}
