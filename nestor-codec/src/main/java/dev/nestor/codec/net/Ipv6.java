package dev.nestor.codec.net;

import dev.nestor.common.Bytes;
import dev.nestor.common.net.Ipv6Text;
import java.net.Inet6Address;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * IPv6 address helpers. Throughout Nestor's DHCPv6 code an IPv6 address is a {@link Bytes} of exactly 16 bytes
 * (network order): immutable, value-equal, no scope id and no host-name baggage, unlike {@link Inet6Address}.
 * This class converts between that form, RFC 5952 text and {@code Inet6Address}. It mirrors
 * {@code dev.nestor.common.net.Ipv4} and can move there later.
 */
public final class Ipv6 {
    public static final int LENGTH = 16;
    /** {@code ::} */
    public static final Bytes UNSPECIFIED = Bytes.of(new byte[LENGTH]);
    /** {@code ff02::1:2}, All_DHCP_Relay_Agents_and_Servers (RFC 8415 section 7.1). */
    public static final Bytes ALL_DHCP_RELAY_AGENTS_AND_SERVERS = parse("ff02::1:2");
    /** {@code ff05::1:3}, All_DHCP_Servers (RFC 8415 section 7.1). */
    public static final Bytes ALL_DHCP_SERVERS = parse("ff05::1:3");

    private Ipv6() {}

    /**
     * Parses a literal ({@code 2001:db8::1}, {@code ::ffff:192.0.2.1}); never does a DNS lookup.
     *
     * @throws IllegalArgumentException if {@code text} is not an IPv6 literal (a zone id {@code %eth0} is refused)
     */
    public static Bytes parse(String text) {
        Objects.requireNonNull(text, "text");
        String t = text.trim();
        if (t.indexOf(':') < 0 || t.indexOf('%') >= 0) throw new IllegalArgumentException("not an IPv6 address: '" + text + "'");
        try {
            return Ipv6Text.parse(t);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not an IPv6 address: '" + text + "'");
        }
    }

    /** {@code b} as an address, after checking it is 16 bytes long. */
    public static Bytes of(byte[] b) {
        if (b.length != LENGTH) throw new IllegalArgumentException("an IPv6 address has 16 bytes, got " + b.length);
        return Bytes.of(b);
    }

    /** Checks that {@code a} is a 16-byte address and returns it; {@code what} names the field in the error. */
    public static Bytes require(Bytes a, String what) {
        Objects.requireNonNull(a, what);
        if (a.length() != LENGTH) throw new IllegalArgumentException(what + " must be a 16-byte IPv6 address, got " + a.length() + " byte(s)");
        return a;
    }

    public static Bytes fromInet(Inet6Address a) { return Bytes.of(a.getAddress()); }

    /** The address as {@code Inet6Address} (no scope). */
    public static Inet6Address toInet(Bytes a) {
        require(a, "address");
        try {
            return Inet6Address.getByAddress(null, a.toArray(), -1);
        } catch (UnknownHostException e) {
            throw new AssertionError("16 bytes are always a valid IPv6 address", e);
        }
    }

    /** RFC 5952 text, exactly as Kea (inet_ntop) prints it: one formatter for the whole project. */
    public static String toString(Bytes a) {
        return Ipv6Text.format(require(a, "address"));
    }

    public static boolean isUnspecified(Bytes a) { return require(a, "address").equals(UNSPECIFIED); }

    public static boolean isMulticast(Bytes a) { return require(a, "address").get(0) == 0xFF; }

    /** fe80::/10 */
    public static boolean isLinkLocal(Bytes a) { return require(a, "address").get(0) == 0xFE && (a.get(1) & 0xC0) == 0x80; }

    /** Unsigned byte-wise order (the numeric order of the addresses). */
    public static int compare(Bytes a, Bytes b) { return require(a, "a").compareTo(require(b, "b")); }

    /** {@code a} with every bit from position {@code length} on cleared. */
    public static Bytes mask(Bytes a, int length) {
        require(a, "address");
        if (length < 0 || length > 128) throw new IllegalArgumentException("prefix length out of range 0..128: " + length);
        byte[] b = a.toArray();
        for (int i = 0; i < LENGTH; i++) {
            int keep = Math.max(0, Math.min(8, length - 8 * i));
            b[i] &= (byte) (0xFF << (8 - keep));
        }
        return Bytes.of(b);
    }
}
