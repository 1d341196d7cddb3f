package dev.nestor.common.net;

import dev.nestor.common.Bytes;

/**
 * IPv6 addresses as text, exactly as Kea reads and writes them in lease files: Kea prints with inet_ntop (glibc),
 * so this formatter makes the same choices (longest run of two or more zero groups becomes "::", the first run on a
 * tie, lower-case hex, {@code ::a.b.c.d} and {@code ::ffff:a.b.c.d} for IPv4-compatible and -mapped addresses),
 * and parses what inet_pton accepts. {@link java.net.InetAddress} is avoided on purpose: it turns mapped addresses
 * into IPv4 ones and may resolve names.
 */
public final class Ipv6Text {
    private Ipv6Text() {}

    /** The text form of a 16-byte address. */
    public static String format(Bytes address) {
        if (address.length() != 16) throw new IllegalArgumentException("not an IPv6 address: " + address);
        int[] w = new int[8];
        for (int i = 0; i < 8; i++) w[i] = (address.get(2 * i) << 8) | address.get(2 * i + 1);
        int bestBase = -1;
        int bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (w[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && w[j] == 0) j++;
            if (j - i > bestLen) {
                bestBase = i;
                bestLen = j - i;
            }
            i = j;
        }
        if (bestLen < 2) bestBase = -1;
        StringBuilder sb = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (bestBase >= 0 && i >= bestBase && i < bestBase + bestLen) {
                if (i == bestBase) sb.append(':');
                continue;
            }
            if (i != 0) sb.append(':');
            if (i == 6 && bestBase == 0 && (bestLen == 6 || (bestLen == 5 && w[5] == 0xffff))) {
                sb.append(address.get(12)).append('.').append(address.get(13)).append('.')
                        .append(address.get(14)).append('.').append(address.get(15));
                return sb.toString();
            }
            sb.append(Integer.toHexString(w[i]));
        }
        if (bestBase >= 0 && bestBase + bestLen == 8) sb.append(':');
        return sb.toString();
    }

    /**
     * Parses an IPv6 address in any RFC 4291 text form (hex groups, one "::", an optional trailing dotted IPv4).
     *
     * @throws IllegalArgumentException if {@code text} is not an IPv6 address
     */
    public static Bytes parse(String text) {
        byte[] out = new byte[16];
        int len = text.length();
        int pos = 0;
        int filled = 0; // bytes written so far
        int gap = -1; // byte index where "::" stands
        if (text.startsWith("::")) {
            gap = 0;
            pos = 2;
            if (len == 2) return Bytes.of(out);
        } else if (text.startsWith(":")) {
            throw invalid(text);
        }
        while (true) {
            int end = pos;
            while (end < len && text.charAt(end) != ':' && text.charAt(end) != '.') end++;
            if (end < len && text.charAt(end) == '.') {
                // trailing dotted IPv4: the rest of the text fills the last four bytes
                if (filled > 12) throw invalid(text);
                parseIpv4(text, pos, out, filled);
                filled += 4;
                break;
            }
            int digits = end - pos;
            if (digits < 1 || digits > 4 || filled > 14) throw invalid(text);
            int group = 0;
            for (int i = pos; i < end; i++) {
                char c = text.charAt(i);
                // ASCII only: Character.digit would also accept other scripts' digits
                int d = c < 0x80 ? Character.digit(c, 16) : -1;
                if (d < 0) throw invalid(text);
                group = (group << 4) | d;
            }
            out[filled++] = (byte) (group >>> 8);
            out[filled++] = (byte) group;
            if (end == len) break;
            pos = end + 1; // past ':'
            if (pos < len && text.charAt(pos) == ':') {
                if (gap >= 0) throw invalid(text);
                gap = filled;
                pos++;
                if (pos == len) break;
            } else if (pos == len) {
                throw invalid(text); // trailing single ':'
            }
        }
        if (gap >= 0) {
            if (filled == 16) throw invalid(text); // "::" must stand for at least one group
            int tail = filled - gap;
            System.arraycopy(out, gap, out, 16 - tail, tail);
            java.util.Arrays.fill(out, gap, 16 - tail, (byte) 0);
        } else if (filled != 16) {
            throw invalid(text);
        }
        return Bytes.of(out);
    }

    private static void parseIpv4(String text, int from, byte[] out, int at) {
        String[] parts = text.substring(from).split("\\.", -1);
        if (parts.length != 4) throw invalid(text);
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || (p.length() > 1 && p.charAt(0) == '0')) throw invalid(text);
            int v = 0;
            for (int k = 0; k < p.length(); k++) {
                char c = p.charAt(k);
                if (c < '0' || c > '9') throw invalid(text);
                v = v * 10 + (c - '0');
            }
            if (v > 255) throw invalid(text);
            out[at + i] = (byte) v;
        }
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("invalid IPv6 address: '" + text + "'");
    }
}
