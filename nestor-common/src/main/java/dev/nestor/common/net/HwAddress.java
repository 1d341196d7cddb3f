package dev.nestor.common.net;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A link-layer (hardware) address with its ARP hardware type, as carried in DHCPv4 {@code htype/chaddr}
 * and in Kea's lease files. Immutable: the bytes are copied in and out.
 */
public final class HwAddress {
    /** ARP hardware type for Ethernet (RFC 1700). */
    public static final int HTYPE_ETHERNET = 1;

    private final int htype;
    private final byte[] bytes;

    public HwAddress(int htype, byte[] bytes) {
        if (htype < 0 || htype > 255) throw new IllegalArgumentException("htype out of range: " + htype);
        if (bytes.length > 20) throw new IllegalArgumentException("hardware address longer than 20 bytes");
        this.htype = htype;
        this.bytes = bytes.clone();
    }

    public static HwAddress ethernet(byte[] mac) {
        return new HwAddress(HTYPE_ETHERNET, mac);
    }

    /** Parses Kea's text form, {@code 01:02:03:04:05:06} (also accepts '-' separators or none). Htype is Ethernet. */
    public static HwAddress parse(String text) {
        return new HwAddress(HTYPE_ETHERNET, parseHexBytes(text));
    }

    /** Hex bytes separated by ':' (Kea style), '-', ' ' or nothing; single-digit groups are allowed between separators. */
    public static byte[] parseHexBytes(String text) {
        String t = text.trim();
        if (t.startsWith("0x") || t.startsWith("0X")) t = t.substring(2);
        if (t.isEmpty()) return new byte[0];
        if (t.indexOf(':') >= 0 || t.indexOf('-') >= 0 || t.indexOf(' ') >= 0) {
            String[] parts = t.split("[:\\- ]");
            byte[] out = new byte[parts.length];
            for (int i = 0; i < parts.length; i++) {
                String p = parts[i];
                if (p.isEmpty() || p.length() > 2) throw new IllegalArgumentException("invalid hex bytes: " + text);
                out[i] = (byte) Integer.parseInt(p, 16);
            }
            return out;
        }
        if (t.length() % 2 == 1) t = "0" + t;
        try {
            return HexFormat.of().parseHex(t);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid hex bytes: " + text);
        }
    }

    public int htype() { return htype; }

    public byte[] bytes() { return bytes.clone(); }

    public int length() { return bytes.length; }

    /** Kea's text form: lower-case hex bytes separated by ':'. */
    @Override
    public String toString() {
        return HexFormat.ofDelimiter(":").formatHex(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HwAddress h && h.htype == htype && Arrays.equals(h.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return 31 * htype + Arrays.hashCode(bytes);
    }
}
