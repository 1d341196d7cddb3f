package dev.nestor.dhcp.commands;

import dev.nestor.common.Bytes;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Kea's hex text decoders (util/str.cc) with their error texts, and its upper-case hex encoder. */
public final class KeaHex {
    private KeaHex() {}

    /** {@code decodeColonSeparatedHexString}: "01:2:ab" (one or two digits per octet), as HWAddr::fromText. */
    public static Bytes colonSeparated(String text) {
        return separated(text, ':');
    }

    /** {@code decodeFormattedHexString}: colon- or space-separated octets, or plain digits with optional 0x. */
    public static Bytes formatted(String text) {
        if (text.indexOf(':') >= 0) return separated(text, ':');
        if (text.indexOf(' ') >= 0) return separated(text, ' ');
        String t = text.length() > 2 && text.startsWith("0x") ? text.substring(2) : text;
        if (t.length() % 2 != 0) t = "0" + t;
        try {
            return Bytes.of(HexFormat.of().parseHex(t));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not a valid string of hexadecimal digits");
        }
    }

    /** A host identifier: a quoted string ('text') as its bytes, else {@link #formatted}. */
    public static Bytes identifier(String text) {
        if (text.length() >= 2 && text.startsWith("'") && text.endsWith("'")) {
            return Bytes.of(text.substring(1, text.length() - 1).getBytes(StandardCharsets.UTF_8));
        }
        return formatted(text);
    }

    /** {@code util::encode::encodeHex}: upper-case digits, no separators. */
    public static String upper(Bytes b) {
        return HexFormat.of().withUpperCase().formatHex(b.toArray());
    }

    private static Bytes separated(String text, char sep) {
        String[] parts = text.split(java.util.regex.Pattern.quote(String.valueOf(sep)), -1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String p : parts) {
            if (parts.length > 1 && p.isEmpty()) {
                throw new IllegalArgumentException("two consecutive separators ('" + sep
                        + "') specified in a decoded string '" + text + "'");
            }
            if (p.length() > 2) throw new IllegalArgumentException("invalid format of the decoded string '" + text + "'");
            if (p.isEmpty()) continue;
            for (char c : p.toCharArray()) {
                if (Character.digit(c, 16) < 0) {
                    throw new IllegalArgumentException("'" + c + "' is not a valid hexadecimal digit in decoded string '"
                            + text + "'");
                }
            }
            out.write(Integer.parseInt(p, 16));
        }
        return Bytes.of(out.toByteArray());
    }
}
