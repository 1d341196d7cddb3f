package dev.nestor.lease.memfile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Kea's CSV dialect (util/csv_file.cc): values separated by ',' with no quoting; text columns escape bytes as
 * {@code &#xHH}. Lines are handled as ISO-8859-1 strings so that every byte survives until a text column is
 * unescaped and decoded as UTF-8.
 */
final class KeaCsv {
    static final char SEPARATOR = ',';
    private static final String ESCAPE_TAG = "&#x";
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private KeaCsv() {}

    /** Splits a line on every separator (Kea keeps empty values, including a trailing one). */
    static List<String> split(String line) {
        List<String> values = new ArrayList<>(12);
        int start = 0;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == SEPARATOR) {
                values.add(line.substring(start, i));
                start = i + 1;
            }
        }
        values.add(line.substring(start));
        return values;
    }

    /**
     * Escapes a text value as current Kea does: control bytes, bytes above 0x7e (so UTF-8 sequences byte by
     * byte), the separator and '&' become {@code &#xHH}. The result is plain ASCII.
     */
    static String escape(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = null;
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            boolean esc = b < 0x20 || b > 0x7e || b == SEPARATOR || b == '&';
            if (esc && out == null) {
                out = new StringBuilder(bytes.length + 16);
                for (int j = 0; j < i; j++) out.append((char) bytes[j]);
            }
            if (out == null) continue;
            if (esc) out.append(ESCAPE_TAG).append(HEX[b >>> 4]).append(HEX[b & 0xF]);
            else out.append((char) b);
        }
        return out == null ? value : out.toString();
    }

    /**
     * Reverses {@link #escape} on a raw (ISO-8859-1) value and decodes the bytes as UTF-8. An escape tag not
     * followed by two hex digits is kept literally, as Kea does.
     */
    static String unescape(String raw) {
        if (raw.indexOf(ESCAPE_TAG) < 0 && isAscii(raw)) return raw;
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
        int i = 0;
        while (i < raw.length()) {
            if (raw.startsWith(ESCAPE_TAG, i) && i + 5 <= raw.length()) {
                int hi = Character.digit(raw.charAt(i + 3), 16);
                int lo = Character.digit(raw.charAt(i + 4), 16);
                if (hi >= 0 && lo >= 0) {
                    out.write((hi << 4) | lo);
                    i += 5;
                    continue;
                }
            }
            out.write(raw.charAt(i) & 0xFF);
            i++;
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) > 0x7f) return false;
        return true;
    }
}
