package dev.nestor.lease.jdbc;

/**
 * What a server does when it loses its database and cannot reconnect within {@code max-reconnect-tries}, Kea's
 * {@code on-fail} parameter. The store only parses it; the server acts on it.
 */
public enum OnFail {
    /** Stop serving while reconnecting; exit if reconnecting fails. Kea's default. */
    STOP_RETRY_EXIT("stop-retry-exit"),
    /** Keep serving (every lease write fails, so nothing is acknowledged) while reconnecting; exit if it fails. */
    SERVE_RETRY_EXIT("serve-retry-exit"),
    /** Keep serving and keep reconnecting forever. */
    SERVE_RETRY_CONTINUE("serve-retry-continue");

    private final String keyword;

    OnFail(String keyword) { this.keyword = keyword; }

    /** The configuration keyword, e.g. {@code "stop-retry-exit"}. */
    public String keyword() { return keyword; }

    /** The value for a configuration keyword; throws {@link IllegalArgumentException} naming the valid ones. */
    public static OnFail of(String keyword) {
        for (OnFail f : values()) if (f.keyword.equals(keyword)) return f;
        throw new IllegalArgumentException("on-fail must be stop-retry-exit, serve-retry-exit or serve-retry-continue,"
                + " not '" + keyword + "'");
    }
}
