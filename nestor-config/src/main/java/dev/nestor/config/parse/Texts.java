package dev.nestor.config.parse;

import dev.nestor.codec.net.Ipv6;
import dev.nestor.codec.net.Ipv6Prefix;
import dev.nestor.common.Bytes;
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

    /** An IPv6 address as 16 bytes; null when not valid. */
    static Bytes ipv6(String text) {
        try {
            return Ipv6.parse(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** {@code addr/len} (blanks allowed) as an IPv6 prefix; null when not valid. Host bits are cleared. */
    static Ipv6Prefix ipv6Prefix(String text) {
        String t = text.replace(" ", "").replace("\t", "");
        int slash = t.indexOf('/');
        if (slash < 0) return null;
        Bytes a = ipv6(t.substring(0, slash));
        if (a == null || !t.substring(slash + 1).matches("[0-9]{1,3}")) return null;
        int len = Integer.parseInt(t.substring(slash + 1));
        return len > 128 ? null : new Ipv6Prefix(a, len);
    }
}
