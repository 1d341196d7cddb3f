package dev.nestor.transport;

import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * IPv6 addresses as 16-byte arrays: parsing of literals (never a DNS lookup) and RFC 5952 text. Package-private:
 * the transport needs it for interface specifications and messages; a shared IPv6 type belongs in nestor-common.
 */
final class Ipv6Text {
    static final int LENGTH = 16;
    /** ff02::1:2, All_DHCP_Relay_Agents_and_Servers (RFC 8415 section 7.1). */
    static final byte[] ALL_DHCP_RELAY_AGENTS_AND_SERVERS = parse("ff02::1:2");
    static final byte[] UNSPECIFIED = new byte[LENGTH];

    private Ipv6Text() {}

    /** Parses an IPv6 literal without a zone ("2001:db8::1"); IPv4 literals, "%eth0" zones and brackets are refused. */
    static byte[] parse(String text) {
        if (text == null || text.indexOf(':') < 0 || text.indexOf('%') >= 0 || text.indexOf('[') >= 0)
            throw new IllegalArgumentException("not an IPv6 address: " + text);
        InetAddress a;
        try {
            a = InetAddress.ofLiteral(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not an IPv6 address: " + text, e);
        }
        if (a instanceof Inet6Address) return a.getAddress();
        // "::ffff:192.0.2.1" comes back as an Inet4Address
        byte[] mapped = new byte[LENGTH];
        mapped[10] = mapped[11] = (byte) 0xFF;
        System.arraycopy(a.getAddress(), 0, mapped, 12, 4);
        return mapped;
    }

    static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Copies and checks a 16-byte address (null is refused). */
    static byte[] check(byte[] address, String what) {
        if (address == null) throw new IllegalArgumentException(what + " is null");
        if (address.length != LENGTH) throw new IllegalArgumentException(what + " must be 16 bytes, not " + address.length);
        return address.clone();
    }

    /** fe80::/10. */
    static boolean isLinkLocal(byte[] a) { return (a[0] & 0xFF) == 0xFE && (a[1] & 0xC0) == 0x80; }

    /** ff00::/8. */
    static boolean isMulticast(byte[] a) { return (a[0] & 0xFF) == 0xFF; }

    static boolean isUnspecified(byte[] a) {
        for (byte b : a) if (b != 0) return false;
        return true;
    }

    /** RFC 5952 text: lower case, no leading zeros, the longest run (two groups or more) of zero groups as "::". */
    static String toString(byte[] a) {
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) g[i] = ((a[2 * i] & 0xFF) << 8) | (a[2 * i + 1] & 0xFF);
        int bestStart = -1, bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) j++;
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        if (bestLen < 2) bestStart = -1;
        StringBuilder sb = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (!sb.isEmpty() && sb.charAt(sb.length() - 1) != ':') sb.append(':');
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }
}
