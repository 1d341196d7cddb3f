package dev.nestor.codec.v4;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * DHCPv4 message types (option 53) as an open enum: known codes map to the constants below, any other code
 * gets an {@code UNKNOWN(n)} instance so it can be carried and re-encoded unchanged. Equality is on the code.
 */
public final class MessageType4 {
    public static final MessageType4 DISCOVER = new MessageType4(1, "DISCOVER");
    public static final MessageType4 OFFER = new MessageType4(2, "OFFER");
    public static final MessageType4 REQUEST = new MessageType4(3, "REQUEST");
    public static final MessageType4 DECLINE = new MessageType4(4, "DECLINE");
    public static final MessageType4 ACK = new MessageType4(5, "ACK");
    public static final MessageType4 NAK = new MessageType4(6, "NAK");
    public static final MessageType4 RELEASE = new MessageType4(7, "RELEASE");
    public static final MessageType4 INFORM = new MessageType4(8, "INFORM");
    public static final MessageType4 FORCERENEW = new MessageType4(9, "FORCERENEW");
    public static final MessageType4 LEASEQUERY = new MessageType4(10, "LEASEQUERY");
    public static final MessageType4 LEASEUNASSIGNED = new MessageType4(11, "LEASEUNASSIGNED");
    public static final MessageType4 LEASEUNKNOWN = new MessageType4(12, "LEASEUNKNOWN");
    public static final MessageType4 LEASEACTIVE = new MessageType4(13, "LEASEACTIVE");
    public static final MessageType4 BULKLEASEQUERY = new MessageType4(14, "BULKLEASEQUERY");
    public static final MessageType4 LEASEQUERYDONE = new MessageType4(15, "LEASEQUERYDONE");
    public static final MessageType4 ACTIVELEASEQUERY = new MessageType4(16, "ACTIVELEASEQUERY");
    public static final MessageType4 LEASEQUERYSTATUS = new MessageType4(17, "LEASEQUERYSTATUS");
    public static final MessageType4 TLS = new MessageType4(18, "TLS");

    private static final Map<Integer, MessageType4> KNOWN = Stream.of(DISCOVER, OFFER, REQUEST, DECLINE, ACK, NAK,
            RELEASE, INFORM, FORCERENEW, LEASEQUERY, LEASEUNASSIGNED, LEASEUNKNOWN, LEASEACTIVE, BULKLEASEQUERY,
            LEASEQUERYDONE, ACTIVELEASEQUERY, LEASEQUERYSTATUS, TLS).collect(Collectors.toUnmodifiableMap(MessageType4::code, Function.identity()));

    private final int code;
    private final String name;

    private MessageType4(int code, String name) {
        this.code = code;
        this.name = name;
    }

    /** The constant for {@code code}, or a fresh UNKNOWN(code) instance; never throws. */
    public static MessageType4 of(int code) {
        MessageType4 t = KNOWN.get(code);
        return t != null ? t : new MessageType4(code, "UNKNOWN(" + code + ")");
    }

    public int code() { return code; }

    /** The constant's name, e.g. {@code DISCOVER}, or {@code UNKNOWN(n)} for an unassigned code. */
    public String name() { return name; }

    /** The name Kea logs, e.g. {@code DHCPDISCOVER}, or {@code UNKNOWN} for an unassigned code. */
    public String keaName() { return isKnown() ? "DHCP" + name : "UNKNOWN"; }

    public boolean isKnown() { return KNOWN.containsKey(code); }

    @Override
    public boolean equals(Object o) { return o instanceof MessageType4 m && m.code == code; }

    @Override
    public int hashCode() { return code; }

    @Override
    public String toString() { return name; }
}
