package dev.nestor.lease.memfile;

import dev.nestor.common.Bytes;
import dev.nestor.common.net.HwAddress;
import dev.nestor.lease.Lease4;
import dev.nestor.lease.LeaseState;

/**
 * Parses a DHCPv4 lease file row of the current schema straight from the file's bytes, without a String per line
 * or per value: what makes a million-row file load without a million times a dozen short-lived objects. It takes
 * only the canonical form Kea and Nestor write (dotted quad, colon-separated hex pairs, plain decimal numbers,
 * 0/1 flags, ASCII text without escapes) and answers null for anything else, which then goes through
 * {@link LeaseCsv4#parse} exactly as before: what is accepted, and how a row is rejected, does not change.
 * One instance per thread (it keeps scratch arrays).
 */
final class FastRows4 implements LeaseRowCodec.FastRows<Lease4> {
    private static final int COLUMNS = 12;
    private static final byte[] HEX = new byte[256];

    static {
        java.util.Arrays.fill(HEX, (byte) -1);
        for (int c = '0'; c <= '9'; c++) HEX[c] = (byte) (c - '0');
        for (int c = 'a'; c <= 'f'; c++) HEX[c] = (byte) (c - 'a' + 10);
        for (int c = 'A'; c <= 'F'; c++) HEX[c] = (byte) (c - 'A' + 10);
    }

    /** Value boundaries of the row being parsed: value i is [starts[i], ends[i]). */
    private final int[] starts = new int[COLUMNS];
    private final int[] ends = new int[COLUMNS];
    /** Exact-length scratch arrays for hardware addresses (HwAddress copies what it is given). */
    private final byte[][] hwScratch = new byte[21][];
    private byte[] scratch = new byte[64];

    @Override
    public LeaseRowCodec.Row<Lease4> parse(byte[] b, int from, int to) {
        int col = 0;
        int start = from;
        for (int i = from; i < to; i++) {
            if (b[i] == ',') {
                if (col == COLUMNS - 1) return null; // too many values: the general path words the error
                starts[col] = start;
                ends[col++] = i;
                start = i + 1;
            }
        }
        if (col != COLUMNS - 1) return null;
        starts[col] = start;
        ends[col] = to;

        int address = ipv4(b, starts[0], ends[0]);
        if (address == 0 && !isZeroQuad(b, starts[0], ends[0])) return null;
        HwAddress hw = null;
        if (ends[1] > starts[1]) {
            int n = hexPairs(b, starts[1], ends[1]);
            if (n <= 0 || n >= hwScratch.length) return null;
            byte[] exact = hwScratch[n];
            if (exact == null) exact = hwScratch[n] = new byte[n];
            System.arraycopy(scratch, 0, exact, 0, n);
            hw = new HwAddress(HwAddress.HTYPE_ETHERNET, exact);
        }
        Bytes clientId = null;
        if (ends[2] > starts[2]) {
            int n = hexPairs(b, starts[2], ends[2]);
            if (n <= 0) return null;
            clientId = Bytes.of(scratch, 0, n);
        }
        long valid = decimal(b, starts[3], ends[3], 0xFFFFFFFFL);
        long expire = decimal(b, starts[4], ends[4], Long.MAX_VALUE);
        long subnetId = decimal(b, starts[5], ends[5], 0xFFFFFFFFL);
        int fwd = flag(b, starts[6], ends[6]);
        int rev = flag(b, starts[7], ends[7]);
        long state = decimal(b, starts[9], ends[9], 3); // 0-3: Kea's DHCPv4 states
        long poolId = decimal(b, starts[11], ends[11], 0xFFFFFFFFL);
        if (valid < 0 || expire < 0 || subnetId < 0 || fwd < 0 || rev < 0 || state < 0 || poolId < 0) return null;
        long cltt = expire - valid;
        if (cltt < 0) return null;
        String hostname = text(b, starts[8], ends[8]);
        if (hostname == null) return null;
        String context = null;
        if (ends[10] > starts[10]) {
            context = text(b, starts[10], ends[10]);
            if (context == null) return null;
        }
        Lease4 lease = new Lease4(address, hw, clientId, valid, cltt, subnetId, fwd == 1, rev == 1, hostname,
                LeaseState.of((int) state), context, poolId);
        return new LeaseRowCodec.Row<>(lease, valid == 0);
    }

    /** A dotted quad of 1-3 digit octets up to 255; 0 for any other form (see {@link #isZeroQuad}). */
    private static int ipv4(byte[] b, int from, int to) {
        int value = 0;
        int i = from;
        for (int octet = 0; octet < 4; octet++) {
            if (octet > 0) {
                if (i >= to || b[i] != '.') return 0;
                i++;
            }
            int v = 0;
            int digits = 0;
            while (i < to && digits < 3 && b[i] >= '0' && b[i] <= '9') {
                v = v * 10 + (b[i++] - '0');
                digits++;
            }
            if (digits == 0 || v > 255) return 0;
            value = (value << 8) | v;
        }
        return i == to ? value : 0;
    }

    private static boolean isZeroQuad(byte[] b, int from, int to) {
        return to - from == 7 && b[from] == '0' && b[from + 2] == '0' && b[from + 4] == '0' && b[from + 6] == '0'
                && b[from + 1] == '.' && b[from + 3] == '.' && b[from + 5] == '.';
    }

    /** Decodes {@code aa:bb:cc} into {@link #scratch}; the byte count, or -1 for any other form. */
    private int hexPairs(byte[] b, int from, int to) {
        int len = to - from;
        if (len < 2 || (len + 1) % 3 != 0) return -1;
        int n = (len + 1) / 3;
        if (n > scratch.length) scratch = new byte[Math.max(n, scratch.length * 2)];
        for (int k = 0, i = from; k < n; k++, i += 3) {
            int hi = HEX[b[i] & 0xFF];
            int lo = HEX[b[i + 1] & 0xFF];
            if (hi < 0 || lo < 0 || (i + 2 < to && b[i + 2] != ':')) return -1;
            scratch[k] = (byte) ((hi << 4) | lo);
        }
        return n;
    }

    /** 1 to 18 ASCII digits with a value up to {@code max}; -1 for anything else. */
    private static long decimal(byte[] b, int from, int to, long max) {
        int n = to - from;
        if (n == 0 || n > 18) return -1;
        long v = 0;
        for (int i = from; i < to; i++) {
            int c = b[i] - '0';
            if (c < 0 || c > 9) return -1;
            v = v * 10 + c;
        }
        return v <= max ? v : -1;
    }

    /** "0" or "1"; -1 for anything else (the general path also takes "true"/"false"). */
    private static int flag(byte[] b, int from, int to) {
        if (to - from != 1) return -1;
        return b[from] == '0' ? 0 : b[from] == '1' ? 1 : -1;
    }

    /** ASCII text with no '&' (so no escape), which {@link KeaCsv#unescape} returns as it is; null otherwise. */
    private static String text(byte[] b, int from, int to) {
        if (from == to) return "";
        for (int i = from; i < to; i++) if (b[i] < 0 || b[i] == '&') return null;
        return new String(b, from, to - from, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
