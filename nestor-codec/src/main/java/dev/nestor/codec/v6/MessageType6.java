package dev.nestor.codec.v6;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * DHCPv6 message types (IANA "DHCPv6 Message Types": RFC 8415, 5007, 5460, 6977, 7341, 7653, 8156, 9686) as an
 * open enum: any other code gets an {@code UNKNOWN(n)} instance so it can be carried and re-encoded unchanged.
 * Equality is on the code.
 */
public final class MessageType6 {
    public static final MessageType6 SOLICIT = new MessageType6(1, "SOLICIT");
    public static final MessageType6 ADVERTISE = new MessageType6(2, "ADVERTISE");
    public static final MessageType6 REQUEST = new MessageType6(3, "REQUEST");
    public static final MessageType6 CONFIRM = new MessageType6(4, "CONFIRM");
    public static final MessageType6 RENEW = new MessageType6(5, "RENEW");
    public static final MessageType6 REBIND = new MessageType6(6, "REBIND");
    public static final MessageType6 REPLY = new MessageType6(7, "REPLY");
    public static final MessageType6 RELEASE = new MessageType6(8, "RELEASE");
    public static final MessageType6 DECLINE = new MessageType6(9, "DECLINE");
    public static final MessageType6 RECONFIGURE = new MessageType6(10, "RECONFIGURE");
    public static final MessageType6 INFORMATION_REQUEST = new MessageType6(11, "INFORMATION_REQUEST");
    public static final MessageType6 RELAY_FORW = new MessageType6(12, "RELAY_FORW");
    public static final MessageType6 RELAY_REPL = new MessageType6(13, "RELAY_REPL");
    public static final MessageType6 LEASEQUERY = new MessageType6(14, "LEASEQUERY");
    public static final MessageType6 LEASEQUERY_REPLY = new MessageType6(15, "LEASEQUERY_REPLY");
    public static final MessageType6 LEASEQUERY_DONE = new MessageType6(16, "LEASEQUERY_DONE");
    public static final MessageType6 LEASEQUERY_DATA = new MessageType6(17, "LEASEQUERY_DATA");
    public static final MessageType6 RECONFIGURE_REQUEST = new MessageType6(18, "RECONFIGURE_REQUEST");
    public static final MessageType6 RECONFIGURE_REPLY = new MessageType6(19, "RECONFIGURE_REPLY");
    public static final MessageType6 DHCPV4_QUERY = new MessageType6(20, "DHCPV4_QUERY");
    public static final MessageType6 DHCPV4_RESPONSE = new MessageType6(21, "DHCPV4_RESPONSE");
    public static final MessageType6 ACTIVELEASEQUERY = new MessageType6(22, "ACTIVELEASEQUERY");
    public static final MessageType6 STARTTLS = new MessageType6(23, "STARTTLS");
    public static final MessageType6 BNDUPD = new MessageType6(24, "BNDUPD");
    public static final MessageType6 BNDREPLY = new MessageType6(25, "BNDREPLY");
    public static final MessageType6 POOLREQ = new MessageType6(26, "POOLREQ");
    public static final MessageType6 POOLRESP = new MessageType6(27, "POOLRESP");
    public static final MessageType6 UPDREQ = new MessageType6(28, "UPDREQ");
    public static final MessageType6 UPDREQALL = new MessageType6(29, "UPDREQALL");
    public static final MessageType6 UPDDONE = new MessageType6(30, "UPDDONE");
    public static final MessageType6 CONNECT = new MessageType6(31, "CONNECT");
    public static final MessageType6 CONNECTREPLY = new MessageType6(32, "CONNECTREPLY");
    public static final MessageType6 DISCONNECT = new MessageType6(33, "DISCONNECT");
    public static final MessageType6 STATE = new MessageType6(34, "STATE");
    public static final MessageType6 CONTACT = new MessageType6(35, "CONTACT");
    public static final MessageType6 ADDR_REG_INFORM = new MessageType6(36, "ADDR_REG_INFORM");
    public static final MessageType6 ADDR_REG_REPLY = new MessageType6(37, "ADDR_REG_REPLY");

    private static final Map<Integer, MessageType6> KNOWN = Stream.of(SOLICIT, ADVERTISE, REQUEST, CONFIRM, RENEW,
            REBIND, REPLY, RELEASE, DECLINE, RECONFIGURE, INFORMATION_REQUEST, RELAY_FORW, RELAY_REPL, LEASEQUERY,
            LEASEQUERY_REPLY, LEASEQUERY_DONE, LEASEQUERY_DATA, RECONFIGURE_REQUEST, RECONFIGURE_REPLY, DHCPV4_QUERY,
            DHCPV4_RESPONSE, ACTIVELEASEQUERY, STARTTLS, BNDUPD, BNDREPLY, POOLREQ, POOLRESP, UPDREQ, UPDREQALL,
            UPDDONE, CONNECT, CONNECTREPLY, DISCONNECT, STATE, CONTACT, ADDR_REG_INFORM, ADDR_REG_REPLY)
            .collect(Collectors.toUnmodifiableMap(MessageType6::code, Function.identity()));

    private final int code;
    private final String name;

    private MessageType6(int code, String name) {
        this.code = code;
        this.name = name;
    }

    /** The constant for {@code code}, or a fresh UNKNOWN(code) instance; never throws. */
    public static MessageType6 of(int code) {
        MessageType6 t = KNOWN.get(code);
        return t != null ? t : new MessageType6(code, "UNKNOWN(" + code + ")");
    }

    public int code() { return code; }

    /** The constant's name, e.g. {@code INFORMATION_REQUEST}, or {@code UNKNOWN(n)}. */
    public String name() { return name; }

    /**
     * The name Kea logs ({@code Pkt6::getName}): the constant's name, except {@code RELAY_FORWARD} and
     * {@code RELAY_REPLY}, and {@code UNKNOWN} for codes Kea does not name.
     */
    public String keaName() {
        if (code == 12) return "RELAY_FORWARD";
        if (code == 13) return "RELAY_REPLY";
        boolean keaKnows = (code >= 1 && code <= 17) || code == 20 || code == 21 || code == 36 || code == 37;
        return keaKnows ? name : "UNKNOWN";
    }

    public boolean isKnown() { return KNOWN.containsKey(code); }

    /** RELAY-FORW or RELAY-REPL: the relay message format (RFC 8415 section 9) applies. */
    public boolean isRelay() { return code == 12 || code == 13; }

    @Override
    public boolean equals(Object o) { return o instanceof MessageType6 m && m.code == code; }

    @Override
    public int hashCode() { return code; }

    @Override
    public String toString() { return name; }
}
