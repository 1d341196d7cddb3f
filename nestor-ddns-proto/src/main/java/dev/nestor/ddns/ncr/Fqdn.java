package dev.nestor.ddns.ncr;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Domain names as NameChangeRequests carry them: absolute text ({@code host.example.org.}) and the RFC 1035 wire
 * form a DHCID digest is computed over. Master-file escapes ({@code \.}, {@code \065}) are understood, as Kea's
 * {@code dns::Name} does.
 */
public final class Fqdn {
    private static final int MAX_LABEL = 63;
    private static final int MAX_WIRE = 255;

    private Fqdn() {}

    /**
     * The name made absolute (a trailing dot added when missing), case kept, as Kea's {@code Name::toText()}.
     *
     * @throws IllegalArgumentException when the name is empty, has an empty label or a label or name too long
     */
    public static String absolute(String name) {
        return parse(name, false).absolute ? name : name + ".";
    }

    /** The name in lower case, absolute: the form domain matching compares. */
    public static String canonical(String name) {
        return absolute(name).toLowerCase(Locale.ROOT);
    }

    /**
     * RFC 1035 wire form: length-prefixed labels ending with the root's zero byte.
     *
     * @param lowerCase fold ASCII letters to lower case (RFC 4034 canonical form, as Kea writes names for DHCIDs)
     * @throws IllegalArgumentException for a malformed name
     */
    public static byte[] toWire(String name, boolean lowerCase) {
        return parse(name, lowerCase).wire;
    }

    private record Parsed(byte[] wire, boolean absolute) {}

    private static Parsed parse(String name, boolean lowerCase) {
        if (name == null || name.isEmpty()) throw new IllegalArgumentException("empty name");
        if (name.equals(".")) return new Parsed(new byte[] {0}, true);
        ByteArrayOutputStream out = new ByteArrayOutputStream(name.length() + 2);
        ByteArrayOutputStream label = new ByteArrayOutputStream(MAX_LABEL);
        byte[] text = name.getBytes(StandardCharsets.UTF_8);
        boolean endedWithDot = false;
        for (int i = 0; i < text.length; i++) {
            int c = text[i] & 0xFF;
            endedWithDot = false;
            if (c == '.') {
                if (label.size() == 0) throw new IllegalArgumentException("empty label in '" + name + "'");
                flushLabel(label, out);
                endedWithDot = true;
                continue;
            }
            if (c == '\\') {
                if (i + 1 >= text.length) throw new IllegalArgumentException("dangling escape in '" + name + "'");
                int n = text[i + 1] & 0xFF;
                if (n >= '0' && n <= '9') {
                    if (i + 3 >= text.length) throw new IllegalArgumentException("incomplete \\DDD escape in '" + name + "'");
                    int v = 0;
                    for (int k = 1; k <= 3; k++) {
                        int d = text[i + k] & 0xFF;
                        if (d < '0' || d > '9') throw new IllegalArgumentException("bad \\DDD escape in '" + name + "'");
                        v = v * 10 + (d - '0');
                    }
                    if (v > 255) throw new IllegalArgumentException("bad \\DDD escape in '" + name + "'");
                    c = v;
                    i += 3;
                } else {
                    c = n;
                    i += 1;
                }
            }
            if (lowerCase && c >= 'A' && c <= 'Z') c += 'a' - 'A';
            label.write(c);
            if (label.size() > MAX_LABEL) throw new IllegalArgumentException("label longer than 63 bytes in '" + name + "'");
        }
        if (!endedWithDot) flushLabel(label, out);
        out.write(0);
        if (out.size() > MAX_WIRE) throw new IllegalArgumentException("name longer than 255 bytes: '" + name + "'");
        return new Parsed(out.toByteArray(), endedWithDot);
    }

    private static void flushLabel(ByteArrayOutputStream label, ByteArrayOutputStream out) {
        out.write(label.size());
        out.writeBytes(label.toByteArray());
        label.reset();
    }

}
