package dev.nestor.classify.expr;

/** Relay-forward header fields reachable as {@code relay6[n].<keyword>}; both are 16-byte addresses. */
public enum Relay6Field {
    PEERADDR("peeraddr"),
    LINKADDR("linkaddr");

    private final String keyword;

    Relay6Field(String keyword) {
        this.keyword = keyword;
    }

    /** The expression keyword. */
    public String keyword() {
        return keyword;
    }
}
