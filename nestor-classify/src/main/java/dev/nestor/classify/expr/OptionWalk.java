package dev.nestor.classify.expr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Default decoders behind {@link PacketView}'s vendor and sub-option methods (bounds-checked, lenient). */
final class OptionWalk {
    private OptionWalk() {}

    /** First item with {@code code} in a code/length/value list in {@code buf[from, to)}. */
    static Optional<byte[]> findTlv(byte[] buf, int from, int to, int code, Family family) {
        int headerLen = family == Family.V4 ? 2 : 4;
        int off = from;
        while (off + headerLen <= to) {
            int c;
            int len;
            if (family == Family.V4) {
                // sub-option spaces have no pad/end: codes 0 and 255 are ordinary here, as in Kea
                c = buf[off] & 0xFF;
                len = buf[off + 1] & 0xFF;
            } else {
                c = ((buf[off] & 0xFF) << 8) | (buf[off + 1] & 0xFF);
                len = ((buf[off + 2] & 0xFF) << 8) | (buf[off + 3] & 0xFF);
            }
            int start = off + headerLen;
            if (start + len > to) {
                return Optional.empty();
            }
            if (c == code) {
                return Optional.of(Arrays.copyOfRange(buf, start, start + len));
            }
            off = start + len;
        }
        return Optional.empty();
    }

    static OptionalLong enterprise(Optional<byte[]> payload) {
        if (payload.isEmpty() || payload.get().length < 4) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(uint32(payload.get(), 0));
    }

    static Optional<byte[]> vendorSubOption(Optional<byte[]> payload, Family family, long enterprise, int code) {
        if (payload.isEmpty() || payload.get().length < 4) {
            return Optional.empty();
        }
        byte[] p = payload.get();
        if (uint32(p, 0) != enterprise) {
            return Optional.empty();
        }
        if (family == Family.V6) {
            return findTlv(p, 4, p.length, code, family);
        }
        if (p.length < 5) {
            return Optional.empty();
        }
        int end = Math.min(p.length, 5 + (p[4] & 0xFF));
        return findTlv(p, 5, end, code, family);
    }

    static List<byte[]> vendorClassData(Optional<byte[]> payload, Family family) {
        List<byte[]> chunks = new ArrayList<>();
        if (payload.isEmpty() || payload.get().length < 4) {
            return chunks;
        }
        byte[] p = payload.get();
        int off = 4;
        while (off < p.length) {
            int len;
            int start;
            if (family == Family.V4) {
                len = p[off] & 0xFF;
                start = off + 1;
            } else {
                if (off + 2 > p.length) {
                    return List.of();
                }
                len = ((p[off] & 0xFF) << 8) | (p[off + 1] & 0xFF);
                start = off + 2;
            }
            if (start + len > p.length) {
                return List.of(); // Kea rejects a truncated option
            }
            chunks.add(Arrays.copyOfRange(p, start, start + len));
            off = start + len;
            if (family == Family.V4 && off < p.length) {
                off += 4; // every DHCPv4 chunk after the first repeats the enterprise id
            }
        }
        return chunks;
    }

    static long uint32(byte[] b, int off) {
        return ((b[off] & 0xFFL) << 24) | ((b[off + 1] & 0xFFL) << 16) | ((b[off + 2] & 0xFFL) << 8) | (b[off + 3] & 0xFFL);
    }
}
