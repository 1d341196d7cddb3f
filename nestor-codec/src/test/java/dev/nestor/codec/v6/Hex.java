package dev.nestor.codec.v6;

import dev.nestor.codec.net.Ipv6;
import dev.nestor.common.Bytes;
import java.io.ByteArrayOutputStream;
import java.util.HexFormat;

/** Builds literal test packets from hex text (whitespace ignored). */
final class Hex {
    private Hex() {}

    /** Concatenates parts: a String is hex (blanks ignored), a byte[] is taken as is. */
    static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object p : parts) {
            switch (p) {
                case String s -> out.writeBytes(HexFormat.of().parseHex(s.replaceAll("\\s+", "")));
                case byte[] b -> out.writeBytes(b);
                default -> throw new IllegalArgumentException(String.valueOf(p));
            }
        }
        return out.toByteArray();
    }

    static Bytes b(String hex) { return Bytes.of(bytes(hex)); }

    static String ascii(String s) { return HexFormat.of().formatHex(s.getBytes(java.nio.charset.StandardCharsets.US_ASCII)); }

    /** One TLV as hex: 2-byte code, 2-byte length, payload. */
    static String tlv(int code, String payloadHex) {
        byte[] p = bytes(payloadHex);
        return String.format("%04x%04x", code, p.length) + HexFormat.of().formatHex(p);
    }

    static String addr(String ipv6) { return Ipv6.parse(ipv6).toHex(); }
}
