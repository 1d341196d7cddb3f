package dev.nestor.lease.memfile;

import dev.nestor.common.Bytes;
import dev.nestor.common.net.HwAddress;
import dev.nestor.common.net.Ipv4;

/**
 * Fast parsers for the canonical forms Kea and Nestor write in lease files (dotted quads, colon-separated hex
 * pairs), used when loading a million rows. Anything else goes to the general parsers, so what is accepted and
 * how it is rejected does not change.
 */
final class RowText {
    private static final byte[] HEX = new byte[128];

    static {
        java.util.Arrays.fill(HEX, (byte) -1);
        for (int c = '0'; c <= '9'; c++) HEX[c] = (byte) (c - '0');
        for (int c = 'a'; c <= 'f'; c++) HEX[c] = (byte) (c - 'a' + 10);
        for (int c = 'A'; c <= 'F'; c++) HEX[c] = (byte) (c - 'A' + 10);
    }

    private RowText() {}

    /** A decimal number of at most 18 ASCII digits (no sign, no spaces) in [0, max]; else the general parser. */
    static long unsigned(String s, long max, String column) {
        int n = s.length();
        if (n == 0 || n > 18) return LeaseRowCodec.parseUnsigned(s, max, column);
        long v = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return LeaseRowCodec.parseUnsigned(s, max, column);
            v = v * 10 + (c - '0');
        }
        if (v > max) return LeaseRowCodec.parseUnsigned(s, max, column);
        return v;
    }

    static int ipv4(String s) {
        int n = s.length();
        int value = 0;
        int octets = 0;
        int i = 0;
        while (i < n && octets < 4) {
            int digits = 0;
            int octet = 0;
            while (i < n && digits < 3) {
                char c = s.charAt(i);
                if (c < '0' || c > '9') break;
                octet = octet * 10 + (c - '0');
                digits++;
                i++;
            }
            if (digits == 0 || octet > 255) return Ipv4.parse(s);
            value = (value << 8) | octet;
            octets++;
            if (octets < 4) {
                if (i >= n || s.charAt(i) != '.') return Ipv4.parse(s);
                i++;
            }
        }
        if (octets != 4 || i != n) return Ipv4.parse(s);
        return value;
    }

    static HwAddress hwAddress(String s) {
        byte[] b = hexPairs(s);
        return b != null ? new HwAddress(HwAddress.HTYPE_ETHERNET, b) : HwAddress.parse(s);
    }

    static Bytes bytes(String s) {
        byte[] b = hexPairs(s);
        return b != null ? Bytes.of(b) : Bytes.fromHex(s);
    }

    /** {@code aa:bb:cc} (two hex digits per byte, one colon between), or null for any other form. */
    private static byte[] hexPairs(String s) {
        int n = s.length();
        if (n < 2 || (n + 1) % 3 != 0) return null;
        byte[] out = new byte[(n + 1) / 3];
        for (int k = 0, i = 0; k < out.length; k++, i += 3) {
            char ch = s.charAt(i);
            char cl = s.charAt(i + 1);
            int hi = ch < 128 ? HEX[ch] : -1;
            int lo = cl < 128 ? HEX[cl] : -1;
            if (hi < 0 || lo < 0 || (i + 2 < n && s.charAt(i + 2) != ':')) return null;
            out[k] = (byte) ((hi << 4) | lo);
        }
        return out;
    }
}
