package dev.nestor.codec.option;

import dev.nestor.common.net.Ipv4;
import dev.nestor.common.wire.WireFormatException;
import dev.nestor.common.wire.WireReader;
import dev.nestor.common.wire.WireWriter;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Text ↔ wire conversion of single data fields, following Kea's {@code OptionDefinition::writeToBuffer} rules. */
final class FieldCodec {
    private FieldCodec() {}

    /** Appends one field given as (already trimmed) text. {@code tuple2} selects a 2-byte tuple length. */
    static void write(OptionDataType type, String v, boolean tuple2, WireWriter w) throws OptionValueException {
        switch (type) {
            case BINARY -> w.bytes(hex(v));
            case BOOLEAN -> w.u8(bool(v) ? 1 : 0);
            case UINT8 -> w.u8((int) integer(v, 0, 0xFF, type));
            case UINT16 -> w.u16((int) integer(v, 0, 0xFFFF, type));
            case UINT32 -> w.u32(integer(v, 0, 0xFFFFFFFFL, type));
            case INT8 -> w.u8((int) integer(v, Byte.MIN_VALUE, Byte.MAX_VALUE, type));
            case INT16 -> w.u16((int) integer(v, Short.MIN_VALUE, Short.MAX_VALUE, type));
            case INT32 -> w.u32(integer(v, Integer.MIN_VALUE, Integer.MAX_VALUE, type));
            case IPV4_ADDRESS -> w.u32(ipv4(v) & 0xFFFFFFFFL);
            case IPV6_ADDRESS -> w.bytes(ipv6(v));
            case IPV6_PREFIX -> prefix(v, w);
            case PSID -> psid(v, w);
            case STRING -> w.bytes(v.getBytes(StandardCharsets.UTF_8));
            case FQDN -> w.bytes(fqdn(v));
            case TUPLE -> {
                byte[] b = v.getBytes(StandardCharsets.UTF_8);
                int max = tuple2 ? 0xFFFF : 0xFF;
                if (b.length > max) throw new OptionValueException("invalid tuple value (size " + b.length + " larger than " + max + ")");
                if (tuple2) w.u16(b.length);
                else w.u8(b.length);
                w.bytes(b);
            }
            case EMPTY, RECORD -> throw new OptionValueException("a value cannot be written for a field of type " + type);
        }
    }

    /** Reads one field and renders it as text; the inverse of {@link #write}. */
    static String read(OptionDataType type, WireReader r, boolean tuple2) throws WireFormatException {
        return switch (type) {
            case BINARY -> HexFormat.of().withUpperCase().formatHex(r.rest());
            case BOOLEAN -> {
                int b = r.u8();
                if (b > 1) throw new WireFormatException("boolean value must be 0 or 1, got " + b, r.position() - 1);
                yield b == 1 ? "true" : "false";
            }
            case UINT8 -> Integer.toString(r.u8());
            case UINT16 -> Integer.toString(r.u16());
            case UINT32 -> Long.toString(r.u32());
            case INT8 -> Integer.toString((byte) r.u8());
            case INT16 -> Integer.toString((short) r.u16());
            case INT32 -> Integer.toString(r.s32());
            case IPV4_ADDRESS -> Ipv4.toString(r.s32());
            case IPV6_ADDRESS -> ipv6Text(r.bytes(16));
            case IPV6_PREFIX -> {
                int at = r.position();
                int len = r.u8();
                if (len > 128) throw new WireFormatException("ipv6-prefix length " + len + " over 128", at);
                byte[] a = new byte[16];
                byte[] p = r.bytes((len + 7) / 8);
                System.arraycopy(p, 0, a, 0, p.length);
                yield ipv6Text(a) + "/" + len;
            }
            case PSID -> {
                int at = r.position();
                int len = r.u8();
                int raw = r.u16();
                if (len > 16) throw new WireFormatException("psid length " + len + " over 16", at);
                yield (len == 0 ? 0 : raw >>> (16 - len)) + "/" + len;
            }
            case STRING -> new String(r.rest(), StandardCharsets.UTF_8);
            case FQDN -> fqdnText(r);
            case TUPLE -> {
                int at = r.position();
                int n = tuple2 ? r.u16() : r.u8();
                if (n > r.remaining()) throw new WireFormatException("tuple length " + n + " overruns the option", at);
                yield new String(r.bytes(n), StandardCharsets.UTF_8);
            }
            case EMPTY, RECORD -> throw new WireFormatException("no text form for field type " + type, r.position());
        };
    }

    static boolean bool(String v) throws OptionValueException {
        if (v.equalsIgnoreCase("true")) return true;
        if (v.equalsIgnoreCase("false")) return false;
        if (v.equals("1")) return true;
        if (v.equals("0")) return false;
        throw new OptionValueException("unable to convert '" + v + "' to boolean data type (expected true, false, 1 or 0)");
    }

    /**
     * Decimal, or hexadecimal with or without a 0x prefix as Kea accepts (its fallback parses any hex digits, so
     * "ff" is 255), range-checked against the field type.
     */
    static long integer(String v, long min, long max, OptionDataType type) throws OptionValueException {
        long result;
        try {
            result = Long.parseLong(v);
        } catch (NumberFormatException e) {
            String h = v;
            boolean neg = h.startsWith("-");
            if (neg) h = h.substring(1);
            if (h.startsWith("0x") || h.startsWith("0X")) h = h.substring(2);
            if (h.isEmpty() || h.length() > 15 || !h.chars().allMatch(c -> Character.digit(c, 16) >= 0))
                throw new OptionValueException("unable to convert the value '" + v + "' to " + type.keaName());
            result = Long.parseLong(h, 16);
            if (neg) result = -result;
        }
        if (result < min || result > max)
            throw new OptionValueException("unable to convert '" + v + "' to " + type.keaName()
                    + ": value is expected to be in the range of " + min + ".." + max);
        return result;
    }

    static int ipv4(String v) throws OptionValueException {
        try {
            return Ipv4.parse(v);
        } catch (IllegalArgumentException e) {
            throw new OptionValueException("'" + v + "' is not a valid IPv4 address");
        }
    }

    static byte[] ipv6(String v) throws OptionValueException {
        if (v.indexOf(':') < 0) throw new OptionValueException("'" + v + "' is not a valid IPv6 address");
        try {
            InetAddress a = Inet6Address.ofLiteral(v); // literal only: never a DNS lookup
            if (a instanceof Inet4Address) { // ::ffff:a.b.c.d comes back as IPv4
                byte[] out = new byte[16];
                out[10] = (byte) 0xFF;
                out[11] = (byte) 0xFF;
                System.arraycopy(a.getAddress(), 0, out, 12, 4);
                return out;
            }
            return a.getAddress();
        } catch (IllegalArgumentException e) {
            throw new OptionValueException("'" + v + "' is not a valid IPv6 address");
        }
    }

    private static void prefix(String value, WireWriter w) throws OptionValueException {
        String t = value.replace(" ", "").replace("\t", "");
        int slash = t.indexOf('/');
        if (slash < 0) throw new OptionValueException("provided address/prefix " + value + " is not valid");
        byte[] a = ipv6(t.substring(0, slash));
        int len = (int) integer(t.substring(slash + 1), 0, 128, OptionDataType.UINT8);
        w.u8(len);
        int n = (len + 7) / 8;
        byte[] p = java.util.Arrays.copyOf(a, n);
        if (len % 8 != 0) p[n - 1] = (byte) (p[n - 1] & (0xFF << (8 - len % 8)));
        w.bytes(p);
    }

    private static void psid(String value, WireWriter w) throws OptionValueException {
        String t = value.replace(" ", "").replace("\t", "");
        int slash = t.indexOf('/');
        if (slash < 0) throw new OptionValueException("provided PSID value " + value + " is not valid (expected psid/length)");
        int psid = (int) integer(t.substring(0, slash), 0, 0xFFFF, OptionDataType.UINT16);
        int len = (int) integer(t.substring(slash + 1), 0, 0xFF, OptionDataType.UINT8);
        if (len > 16) throw new OptionValueException("invalid PSID length value " + len + ", this value is expected to be in range of 0 to 16");
        if (len > 0 && psid > (0xFFFF >>> (16 - len)))
            throw new OptionValueException("invalid PSID value " + psid + " for a specified PSID length " + len);
        w.u8(len);
        w.u16(len == 0 ? 0 : (psid << (16 - len)) & 0xFFFF);
    }

    /** Domain name in uncompressed wire form (RFC 1035 3.1), always absolute: "example.org" → 7example3org0. */
    static byte[] fqdn(String v) throws OptionValueException {
        String t = v.trim();
        if (t.isEmpty()) throw new OptionValueException("empty domain name");
        WireWriter w = new WireWriter(t.length() + 2);
        if (!t.equals(".")) {
            if (t.endsWith(".")) t = t.substring(0, t.length() - 1);
            for (String label : t.split("\\.", -1)) {
                byte[] b = label.getBytes(StandardCharsets.UTF_8);
                if (b.length == 0) throw new OptionValueException("domain name '" + v + "' has an empty label");
                if (b.length > 63) throw new OptionValueException("domain name '" + v + "' has a label longer than 63 bytes");
                w.u8(b.length).bytes(b);
            }
        }
        w.u8(0);
        if (w.size() > 255) throw new OptionValueException("domain name '" + v + "' is longer than 255 bytes");
        return w.toByteArray();
    }

    /** Reads one uncompressed wire name; text has the trailing dot, as Kea prints names. */
    static String fqdnText(WireReader r) throws WireFormatException {
        StringBuilder sb = new StringBuilder();
        int start = r.position();
        while (true) {
            int at = r.position();
            int n = r.u8();
            if (n == 0) break;
            if (n > 63) throw new WireFormatException("invalid domain name label length " + n + " (compression is not allowed)", at);
            sb.append(new String(r.bytes(n), StandardCharsets.ISO_8859_1)).append('.');
            if (r.position() - start > 255) throw new WireFormatException("domain name longer than 255 bytes", start);
        }
        return sb.isEmpty() ? "." : sb.toString();
    }

    /** RFC 5952 text: lower case, longest run of two or more zero groups compressed. */
    static String ipv6Text(byte[] a) {
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) g[i] = ((a[2 * i] & 0xFF) << 8) | (a[2 * i + 1] & 0xFF);
        int bestStart = -1, bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) j++;
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (!sb.isEmpty() && sb.charAt(sb.length() - 1) != ':') sb.append(':');
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }

    /**
     * Kea's hex forms: 'quoted text' is taken as its bytes (csv-format false only); otherwise hex digits with an
     * optional 0x prefix (odd length gets a leading 0), or octets separated by ':' or ' '.
     */
    static byte[] hex(String v) throws OptionValueException {
        String t = v.trim();
        try {
            if (t.indexOf(':') >= 0) return separated(t, ':');
            if (t.indexOf(' ') >= 0) return separated(t, ' ');
            if (t.length() > 2 && (t.startsWith("0x") || t.startsWith("0X"))) t = t.substring(2);
            if (t.length() % 2 != 0) t = "0" + t;
            return HexFormat.of().parseHex(t);
        } catch (IllegalArgumentException e) {
            throw new OptionValueException("'" + v + "' is not a valid string of hexadecimal digits");
        }
    }

    private static byte[] separated(String t, char sep) throws OptionValueException {
        String[] parts = t.split(sep == ' ' ? " " : ":", -1);
        List<Byte> out = new ArrayList<>(parts.length);
        for (String p : parts) {
            if (p.isEmpty() && parts.length > 1)
                throw new OptionValueException("two consecutive separators ('" + sep + "') in hex string '" + t + "'");
            if (p.length() > 2 || !p.chars().allMatch(c -> Character.digit(c, 16) >= 0))
                throw new OptionValueException("invalid hex octet '" + p + "' in '" + t + "'");
            if (!p.isEmpty()) out.add((byte) Integer.parseInt(p, 16));
        }
        byte[] b = new byte[out.size()];
        for (int i = 0; i < b.length; i++) b[i] = out.get(i);
        return b;
    }
}
