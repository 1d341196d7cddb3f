package dev.nestor.transport;


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
        try {
            return dev.nestor.common.net.Ipv6Text.parse(text).toArray();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not an IPv6 address: " + text, e);
        }
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

    /** The project's one IPv6 formatter (Kea's inet_ntop text). */
    static String toString(byte[] a) {
        return dev.nestor.common.net.Ipv6Text.format(dev.nestor.common.Bytes.of(a));
    }
}
