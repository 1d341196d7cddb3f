package dev.nestor.codec.v6;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * DHCPv6 status codes (RFC 8415 section 21.13, RFC 5007, 5460) carried in STATUS_CODE (13), as an open enum:
 * unknown values get an {@code UNKNOWN(n)} instance. Names are spelled as in the RFC and Kea.
 */
public final class StatusCode6 {
    public static final StatusCode6 SUCCESS = new StatusCode6(0, "Success");
    public static final StatusCode6 UNSPEC_FAIL = new StatusCode6(1, "UnspecFail");
    public static final StatusCode6 NO_ADDRS_AVAIL = new StatusCode6(2, "NoAddrsAvail");
    public static final StatusCode6 NO_BINDING = new StatusCode6(3, "NoBinding");
    public static final StatusCode6 NOT_ON_LINK = new StatusCode6(4, "NotOnLink");
    public static final StatusCode6 USE_MULTICAST = new StatusCode6(5, "UseMulticast");
    public static final StatusCode6 NO_PREFIX_AVAIL = new StatusCode6(6, "NoPrefixAvail");
    public static final StatusCode6 UNKNOWN_QUERY_TYPE = new StatusCode6(7, "UnknownQueryType");
    public static final StatusCode6 MALFORMED_QUERY = new StatusCode6(8, "MalformedQuery");
    public static final StatusCode6 NOT_CONFIGURED = new StatusCode6(9, "NotConfigured");
    public static final StatusCode6 NOT_ALLOWED = new StatusCode6(10, "NotAllowed");
    public static final StatusCode6 QUERY_TERMINATED = new StatusCode6(11, "QueryTerminated");

    private static final Map<Integer, StatusCode6> KNOWN = Stream.of(SUCCESS, UNSPEC_FAIL, NO_ADDRS_AVAIL, NO_BINDING,
            NOT_ON_LINK, USE_MULTICAST, NO_PREFIX_AVAIL, UNKNOWN_QUERY_TYPE, MALFORMED_QUERY, NOT_CONFIGURED,
            NOT_ALLOWED, QUERY_TERMINATED).collect(Collectors.toUnmodifiableMap(StatusCode6::code, Function.identity()));

    private final int code;
    private final String name;

    private StatusCode6(int code, String name) {
        this.code = code;
        this.name = name;
    }

    /** The constant for {@code code} (0..65535), or a fresh UNKNOWN(code) instance; never throws. */
    public static StatusCode6 of(int code) {
        StatusCode6 s = KNOWN.get(code);
        return s != null ? s : new StatusCode6(code, "UNKNOWN(" + code + ")");
    }

    public int code() { return code; }

    /** RFC spelling, e.g. {@code NoAddrsAvail}. */
    public String name() { return name; }

    public boolean isKnown() { return KNOWN.containsKey(code); }

    @Override
    public boolean equals(Object o) { return o instanceof StatusCode6 s && s.code == code; }

    @Override
    public int hashCode() { return code; }

    @Override
    public String toString() { return name; }
}
