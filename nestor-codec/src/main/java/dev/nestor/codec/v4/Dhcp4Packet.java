package dev.nestor.codec.v4;

import dev.nestor.codec.option.Options;
import dev.nestor.codec.option.SubOptions;
import dev.nestor.common.Bytes;
import dev.nestor.common.net.HwAddress;
import dev.nestor.common.wire.WireFormatException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An immutable DHCPv4/BOOTP message (RFC 2131 section 2): the fixed header fields plus the options. Transport
 * data (interface, source address) is deliberately absent. IPv4 addresses are ints (see
 * {@link dev.nestor.common.net.Ipv4}). {@code chaddr}, {@code sname} and {@code file} are always exactly 16, 64
 * and 128 bytes; shorter values given to the constructor are zero-padded.
 */
public record Dhcp4Packet(int op, int htype, int hlen, int hops, int xid, int secs, int flags, int ciaddr,
                          int yiaddr, int siaddr, int giaddr, Bytes chaddr, Bytes sname, Bytes file, Options options) {
    public static final int BOOTREQUEST = 1;
    public static final int BOOTREPLY = 2;
    public static final int FLAG_BROADCAST = 0x8000;
    public static final int CHADDR_LEN = 16;
    public static final int SNAME_LEN = 64;
    public static final int FILE_LEN = 128;

    public Dhcp4Packet {
        checkU8("op", op);
        checkU8("htype", htype);
        checkU8("hlen", hlen);
        checkU8("hops", hops);
        if (secs < 0 || secs > 0xFFFF) throw new IllegalArgumentException("secs out of range: " + secs);
        if (flags < 0 || flags > 0xFFFF) throw new IllegalArgumentException("flags out of range: " + flags);
        chaddr = padTo("chaddr", chaddr, CHADDR_LEN);
        sname = padTo("sname", sname, SNAME_LEN);
        file = padTo("file", file, FILE_LEN);
        Objects.requireNonNull(options, "options");
    }

    private static void checkU8(String what, int v) {
        if (v < 0 || v > 255) throw new IllegalArgumentException(what + " out of range 0..255: " + v);
    }

    private static Bytes padTo(String what, Bytes b, int len) {
        Objects.requireNonNull(b, what);
        if (b.length() > len) throw new IllegalArgumentException(what + " longer than " + len + " bytes");
        return b.length() == len ? b : Bytes.of(Arrays.copyOf(b.toArray(), len));
    }

    /** A BOOTREQUEST skeleton for a client with the given hardware address (handy for tests and clients). */
    public static Dhcp4Packet newQuery(MessageType4 type, int xid, HwAddress hw) {
        Options opts = Options.empty().with(OptionCodes4.MESSAGE_TYPE, Bytes.of(new byte[] {(byte) type.code()}));
        return new Dhcp4Packet(BOOTREQUEST, hw.htype(), hw.length(), 0, xid, 0, 0, 0, 0, 0, 0,
                Bytes.of(hw.bytes()), Bytes.EMPTY, Bytes.EMPTY, opts);
    }

    /**
     * A BOOTREPLY skeleton for {@code query}: copies htype, hlen, chaddr, xid, flags, giaddr and hops (as Kea's
     * {@code copyDefaultFields}); addresses, sname, file and options start empty (ciaddr is the caller's policy).
     */
    public static Dhcp4Packet replyTo(Dhcp4Packet query) {
        return new Dhcp4Packet(BOOTREPLY, query.htype, query.hlen, query.hops, query.xid, 0, query.flags, 0, 0, 0,
                query.giaddr, query.chaddr, Bytes.EMPTY, Bytes.EMPTY, Options.empty());
    }

    /** Option 53, or null for a BOOTP message without it (or with an empty payload). */
    public MessageType4 messageType() {
        Optional<Bytes> b = options.get(OptionCodes4.MESSAGE_TYPE);
        return b.isPresent() && b.get().length() >= 1 ? MessageType4.of(b.get().get(0)) : null;
    }

    /** htype plus the first hlen bytes of chaddr (hlen capped at 16). */
    public HwAddress hwAddress() {
        return new HwAddress(htype, Arrays.copyOf(chaddr.toArray(), Math.min(hlen, CHADDR_LEN)));
    }

    public boolean broadcast() { return (flags & FLAG_BROADCAST) != 0; }

    public Optional<Bytes> option(int code) { return options.get(code); }

    public boolean hasOption(int code) { return options.contains(code); }

    /** Option 61 payload as sent (type byte included), if present and non-empty. */
    public Optional<Bytes> clientId() {
        return options.get(OptionCodes4.CLIENT_ID).filter(b -> !b.isEmpty());
    }

    /** Option 50 if present and exactly 4 bytes. */
    public OptionalInt requestedAddress() { return address(OptionCodes4.REQUESTED_ADDRESS); }

    /** Option 54 if present and exactly 4 bytes. */
    public OptionalInt serverId() { return address(OptionCodes4.SERVER_ID); }

    private OptionalInt address(int code) {
        Optional<Bytes> b = options.get(code);
        if (b.isEmpty() || b.get().length() != 4) return OptionalInt.empty();
        return OptionalInt.of(dev.nestor.common.net.Ipv4.fromBytes(b.get().toArray(), 0));
    }

    /** Codes from option 55 in the client's order, or an empty list. */
    public List<Integer> parameterRequestList() {
        Optional<Bytes> b = options.get(OptionCodes4.PARAMETER_REQUEST_LIST);
        if (b.isEmpty()) return List.of();
        List<Integer> out = new ArrayList<>(b.get().length());
        for (int i = 0; i < b.get().length(); i++) out.add(b.get().get(i));
        return List.copyOf(out);
    }

    /** Option 57 if present and 2 bytes. */
    public OptionalInt maxMessageSize() {
        Optional<Bytes> b = options.get(OptionCodes4.MAX_MESSAGE_SIZE);
        if (b.isEmpty() || b.get().length() != 2) return OptionalInt.empty();
        return OptionalInt.of((b.get().get(0) << 8) | b.get().get(1));
    }

    /** Sub-options of option 82; empty if absent or if its sub-option TLVs are malformed. */
    public Optional<Options> relayAgentInfo() {
        Optional<Bytes> b = options.get(OptionCodes4.RELAY_AGENT_INFO);
        if (b.isEmpty()) return Optional.empty();
        try {
            return Optional.of(SubOptions.decode(b.get()));
        } catch (WireFormatException e) {
            return Optional.empty();
        }
    }

    /** sname up to the first NUL, as ISO-8859-1 text. */
    public String serverHostName() { return cString(sname); }

    /** file up to the first NUL, as ISO-8859-1 text. */
    public String bootFileName() { return cString(file); }

    private static String cString(Bytes b) {
        byte[] a = b.toArray();
        int n = 0;
        while (n < a.length && a[n] != 0) n++;
        return new String(a, 0, n, StandardCharsets.ISO_8859_1);
    }

    public Dhcp4Packet withOptions(Options o) { return new Dhcp4Packet(op, htype, hlen, hops, xid, secs, flags, ciaddr, yiaddr, siaddr, giaddr, chaddr, sname, file, o); }

    /** Replaces or appends one option. */
    public Dhcp4Packet withOption(int code, Bytes data) { return withOptions(options.with(code, data)); }

    public Dhcp4Packet withoutOption(int code) { return withOptions(options.without(code)); }

    public Dhcp4Packet withMessageType(MessageType4 type) { return withOption(OptionCodes4.MESSAGE_TYPE, Bytes.of(new byte[] {(byte) type.code()})); }

    public Dhcp4Packet withYiaddr(int a) { return new Dhcp4Packet(op, htype, hlen, hops, xid, secs, flags, ciaddr, a, siaddr, giaddr, chaddr, sname, file, options); }

    public Dhcp4Packet withCiaddr(int a) { return new Dhcp4Packet(op, htype, hlen, hops, xid, secs, flags, a, yiaddr, siaddr, giaddr, chaddr, sname, file, options); }

    public Dhcp4Packet withSiaddr(int a) { return new Dhcp4Packet(op, htype, hlen, hops, xid, secs, flags, ciaddr, yiaddr, a, giaddr, chaddr, sname, file, options); }

    public Dhcp4Packet withGiaddr(int a) { return new Dhcp4Packet(op, htype, hlen, hops, xid, secs, flags, ciaddr, yiaddr, siaddr, a, chaddr, sname, file, options); }

    public Dhcp4Packet withFlags(int f) { return new Dhcp4Packet(op, htype, hlen, hops, xid, secs, f, ciaddr, yiaddr, siaddr, giaddr, chaddr, sname, file, options); }

    public Dhcp4Packet withOp(int o) { return new Dhcp4Packet(o, htype, hlen, hops, xid, secs, flags, ciaddr, yiaddr, siaddr, giaddr, chaddr, sname, file, options); }

    public Dhcp4Packet withHops(int h) { return new Dhcp4Packet(op, htype, hlen, h, xid, secs, flags, ciaddr, yiaddr, siaddr, giaddr, chaddr, sname, file, options); }

    public Dhcp4Packet withSecs(int s) { return new Dhcp4Packet(op, htype, hlen, hops, xid, s, flags, ciaddr, yiaddr, siaddr, giaddr, chaddr, sname, file, options); }

    public Dhcp4Packet withXid(int x) { return new Dhcp4Packet(op, htype, hlen, hops, x, secs, flags, ciaddr, yiaddr, siaddr, giaddr, chaddr, sname, file, options); }

    public Dhcp4Packet withSname(Bytes s) { return new Dhcp4Packet(op, htype, hlen, hops, xid, secs, flags, ciaddr, yiaddr, siaddr, giaddr, chaddr, s, file, options); }

    public Dhcp4Packet withFile(Bytes f) { return new Dhcp4Packet(op, htype, hlen, hops, xid, secs, flags, ciaddr, yiaddr, siaddr, giaddr, chaddr, sname, f, options); }

    /** Sets htype, hlen and chaddr from a hardware address (at most 16 bytes). */
    public Dhcp4Packet withHwAddress(HwAddress hw) {
        if (hw.length() > CHADDR_LEN) throw new IllegalArgumentException("hardware address longer than 16 bytes");
        return new Dhcp4Packet(op, hw.htype(), hw.length(), hops, xid, secs, flags, ciaddr, yiaddr, siaddr, giaddr, Bytes.of(hw.bytes()), sname, file, options);
    }
}
