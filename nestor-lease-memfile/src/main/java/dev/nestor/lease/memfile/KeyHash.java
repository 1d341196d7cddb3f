package dev.nestor.lease.memfile;

import dev.nestor.common.Bytes;
import dev.nestor.common.net.HwAddress;

/**
 * Well-mixed hashes of index keys for {@link MultiIndex}: every byte moves every bit (FNV-1a, then MurmurHash3's
 * finaliser), so identifiers that differ only in their last bytes spread over the whole table.
 */
final class KeyHash {
    private KeyHash() {}

    static int bytes(Bytes b) {
        int h = 0x811C9DC5 ^ b.length();
        for (int i = 0; i < b.length(); i++) h = (h ^ b.get(i)) * 0x01000193;
        return mix(h);
    }

    static int hwAddress(HwAddress hw) {
        int h = 0x811C9DC5 ^ (hw.htype() << 8) ^ hw.length();
        for (byte x : hw.bytes()) h = (h ^ (x & 0xFF)) * 0x01000193;
        return mix(h);
    }

    static int string(String s) {
        return mix(s.hashCode());
    }

    /** MurmurHash3 fmix32. */
    static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        return h;
    }
}
