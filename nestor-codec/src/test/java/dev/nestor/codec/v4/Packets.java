package dev.nestor.codec.v4;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;

/** Builds literal test packets from hex text (whitespace ignored) and runs of zero bytes. */
final class Packets {
    private Packets() {}

    /** Concatenates parts: a String is hex (spaces/newlines ignored), an Integer n is n zero bytes, a byte[] as is. */
    static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object p : parts) {
            switch (p) {
                case String s -> out.writeBytes(HexFormat.of().parseHex(s.replaceAll("\\s+", "")));
                case Integer n -> out.writeBytes(new byte[n]);
                case byte[] b -> out.writeBytes(b);
                default -> throw new IllegalArgumentException(String.valueOf(p));
            }
        }
        return out.toByteArray();
    }

    /** Pads with zeros to 300 bytes, as dhclient, udhcpc and dhcpcd do. */
    static byte[] pad300(byte[] b) {
        if (b.length >= 300) return b;
        byte[] out = new byte[300];
        System.arraycopy(b, 0, out, 0, b.length);
        return out;
    }

    static String ascii(String s) {
        return HexFormat.of().formatHex(s.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
}
