package dev.nestor.config.parse;

import dev.nestor.common.net.HwAddress;
import dev.nestor.common.net.Ipv4;

import java.nio.charset.StandardCharsets;

/** Small text conversions shared by the parsers, following Kea's rules. */
final class Texts {
    private Texts() {}

    /**
     * Kea's identifier/option binary form: text in single quotes is taken literally ({@code 'charlie'}), anything
     * else is hex with or without ':' / ' ' separators (optionally {@code 0x}-prefixed).
     * @throws IllegalArgumentException when the text is neither
     */
    static byte[] binary(String text) {
        String t = text.trim();
        if (t.length() >= 2 && t.startsWith("'") && t.endsWith("'"))
            return t.substring(1, t.length() - 1).getBytes(StandardCharsets.UTF_8);
        return HwAddress.parseHexBytes(t);
    }

    /** An IPv4 address; null when not valid. */
    static Integer ipv4(String text) {
        try {
            return Ipv4.parse(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
