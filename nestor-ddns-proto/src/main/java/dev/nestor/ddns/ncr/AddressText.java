package dev.nestor.ddns.ncr;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/** Address literals as Kea reads and writes them (inet_pton / inet_ntop): no host names, no zone ids. */
public final class AddressText {
    private AddressText() {}

    /**
     * Parses a literal IPv4 (dotted quad) or IPv6 address without any name lookup.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static InetAddress parse(String text) {
        if (text == null || text.isEmpty()) throw new IllegalArgumentException("empty address");
        if (text.indexOf(':') >= 0) {
            if (text.indexOf('%') >= 0 || text.indexOf('[') >= 0) throw new IllegalArgumentException("not an address: " + text);
            InetAddress a = InetAddress.ofLiteral(text);
            // "::ffff:1.2.3.4" comes back as an Inet4Address; Kea keeps it IPv6, and so do we
            if (a instanceof Inet4Address v4) return v4Mapped(v4);
            return a;
        }
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) throw new IllegalArgumentException("not an address: " + text);
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new IllegalArgumentException("not an address: " + text);
            }
            int v = Integer.parseInt(p);
            if (v > 255) throw new IllegalArgumentException("not an address: " + text);
            b[i] = (byte) v;
        }
        try {
            return InetAddress.getByAddress(b);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InetAddress v4Mapped(Inet4Address v4) {
        byte[] m = new byte[16];
        m[10] = (byte) 0xFF;
        m[11] = (byte) 0xFF;
        System.arraycopy(v4.getAddress(), 0, m, 12, 4);
        try {
            return Inet6Address.getByAddress(null, m, -1);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Dotted quad, or RFC 5952 text for IPv6 (lower case, longest zero run compressed). */
    public static String of(InetAddress a) {
        if (a instanceof Inet4Address) return a.getHostAddress();
        byte[] b = a.getAddress();
        int[] w = new int[8];
        for (int i = 0; i < 8; i++) w[i] = (b[2 * i] & 0xFF) << 8 | b[2 * i + 1] & 0xFF;
        int bestStart = -1, bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (w[i] != 0) { i++; continue; }
            int j = i;
            while (j < 8 && w[j] == 0) j++;
            if (j - i > bestLen && j - i >= 2) { bestStart = i; bestLen = j - i; }
            i = j;
        }
        StringBuilder sb = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (!sb.isEmpty() && sb.charAt(sb.length() - 1) != ':') sb.append(':');
            sb.append(Integer.toHexString(w[i]));
        }
        return sb.toString();
    }
}
