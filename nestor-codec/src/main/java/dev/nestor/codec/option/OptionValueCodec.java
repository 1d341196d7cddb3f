package dev.nestor.codec.option;

import dev.nestor.common.wire.WireFormatException;
import dev.nestor.common.wire.WireReader;
import dev.nestor.common.wire.WireWriter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Converts option values between Kea's configuration text ({@code "data"} with {@code csv-format} true or false)
 * and wire payloads, driven by an {@link OptionDefinition}.
 *
 * <p>CSV rules follow Kea's {@code OptionDataParser} and {@code OptionDefinition::optionFactory}: the text is split
 * on commas (a backslash escapes a comma; empty tokens vanish), each token is trimmed; a single-valued option uses
 * the first token; an array writes every token; a record writes one token per field and, when the definition is
 * an array, repeats the last field for the remaining tokens. Integers are decimal or hex ("0x0A", and like Kea
 * bare hex digits); booleans are true/false/1/0; fqdn is written in uncompressed wire form; a tuple is a length-
 * prefixed string (1-byte length in DHCPv4, 2-byte in DHCPv6 and option 143); psid is "psid/len"; ipv6-prefix is
 * "addr/len". Options 121 and 162 have Kea's convenience notations and option 125 gets its data-len byte; in
 * DHCPv6, v6-dnr (144) has the notation of the Kea ARM ("priority, adn[, addr addr...[, key=value ...]]").
 */
public final class OptionValueCodec {
    private OptionValueCodec() {}

    public static byte[] fromCsv(OptionDefinition def, String data) throws OptionValueException {
        return fromCsv(def, data, tuple2(def));
    }

    /**
     * {@link #fromCsv} for a DHCPv6 configuration: tuples get a 2-byte length in every space (Kea picks the tuple
     * length by protocol, so this matters for options in vendor and custom spaces; in {@code "dhcp6"} both methods
     * agree).
     */
    public static byte[] fromCsv6(OptionDefinition def, String data) throws OptionValueException {
        return fromCsv(def, data, true);
    }

    private static byte[] fromCsv(OptionDefinition def, String data, boolean tuple2) throws OptionValueException {
        String text = data == null ? "" : data;
        if (isDhcp4(def, 121)) return SpecialFormats.classlessRoutes(text);
        if (isDhcp4(def, 162)) return SpecialFormats.dnr(text);
        if (isDhcp6(def, 144)) return SpecialFormats.dnr6(text);
        List<String> values = tokens(text);
        WireWriter w = new WireWriter();
        try {
            if (def.type() == OptionDataType.RECORD) {
                List<OptionDataType> fields = def.recordTypes();
                if (values.size() < fields.size())
                    throw new OptionValueException("option '" + def.name() + "' needs " + fields.size()
                            + " comma separated values (" + typeList(fields) + "), got " + values.size());
                for (int i = 0; i < fields.size(); i++) FieldCodec.write(fields.get(i), values.get(i).trim(), tuple2, w);
                if (def.array())
                    for (int i = fields.size(); i < values.size(); i++) FieldCodec.write(fields.getLast(), values.get(i).trim(), tuple2, w);
            } else if (def.type() == OptionDataType.EMPTY) {
                if (!values.isEmpty() && !values.getFirst().isBlank())
                    throw new OptionValueException("option '" + def.name() + "' is of type empty and takes no data (got '" + text + "')");
            } else if (def.array()) {
                for (String v : values) FieldCodec.write(def.type(), v.trim(), tuple2, w);
            } else {
                if (values.isEmpty()) throw new OptionValueException("no option value specified for option '" + def.name() + "'");
                String v = values.getFirst().trim();
                if (def.type() == OptionDataType.STRING && v.isEmpty())
                    throw new OptionValueException("option '" + def.name() + "' holding a string value must not be empty");
                FieldCodec.write(def.type(), v, tuple2, w);
            }
        } catch (OptionValueException e) {
            throw new OptionValueException("option '" + def.name() + "' (code " + def.code() + ", space " + def.space()
                    + "): " + e.getMessage(), e);
        }
        // V-I vendor options carry a data-len after the enterprise id; sub-options are appended later
        if (isDhcp4(def, 125)) w.u8(0);
        return w.toByteArray();
    }

    /**
     * csv-format false: 'single quoted text' gives its bytes; otherwise hex digits with optional 0x (odd length
     * allowed), or octets separated by ':' or ' '. Empty text is an empty payload.
     */
    public static byte[] fromHex(String data) throws OptionValueException {
        String t = data == null ? "" : data.trim();
        if (t.length() > 1 && t.startsWith("'") && t.endsWith("'")) {
            String inner = t.substring(1, t.length() - 1).trim();
            if (!inner.isEmpty()) return inner.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        if (t.isEmpty()) return new byte[0];
        return FieldCodec.hex(t);
    }

    /**
     * Human text for a payload, in the csv form {@link #fromCsv} accepts where possible (fields joined by ", ",
     * names with a trailing dot). Falls back to "0x" + upper-case hex when the payload does not match the definition.
     */
    public static String toText(OptionDefinition def, byte[] data) {
        return toText(def, data, tuple2(def));
    }

    /** {@link #toText} for DHCPv6: tuples have a 2-byte length in every space (see {@link #fromCsv6}). */
    public static String toText6(OptionDefinition def, byte[] data) {
        return toText(def, data, true);
    }

    private static String toText(OptionDefinition def, byte[] data, boolean tuple2) {
        try {
            String t = render(def, data, tuple2);
            if (t != null) return t;
        } catch (WireFormatException | RuntimeException e) {
            // fall through to hex: a malformed payload must never break a lease dump
        }
        return hexText(data);
    }

    /** "0x" + upper-case hex, or "" for an empty payload. */
    public static String hexText(byte[] data) {
        return data.length == 0 ? "" : "0x" + HexFormat.of().withUpperCase().formatHex(data);
    }

    private static String render(OptionDefinition def, byte[] data, boolean tuple2) throws WireFormatException {
        if (isDhcp4(def, 121)) return SpecialFormats.classlessRoutesText(data);
        if (isDhcp4(def, 162) || isDhcp6(def, 144)) return null;
        if (isDhcp4(def, 125)) {
            WireReader r = new WireReader(data);
            return Long.toString(r.u32());
        }
        WireReader r = new WireReader(data);
        List<String> out = new ArrayList<>();
        switch (def.type()) {
            case EMPTY -> {
                return data.length == 0 ? "" : null;
            }
            case RECORD -> {
                List<OptionDataType> fields = def.recordTypes();
                for (int i = 0; i < fields.size(); i++) {
                    // the last field of a non-array record takes the rest; fixed-size fields must be complete
                    out.add(readField(fields.get(i), r, tuple2));
                }
                if (def.array()) while (r.hasRemaining()) out.add(readField(fields.getLast(), r, tuple2));
            }
            default -> {
                if (def.array()) {
                    while (r.hasRemaining()) out.add(readField(def.type(), r, tuple2));
                } else {
                    out.add(readField(def.type(), r, tuple2));
                }
            }
        }
        if (r.hasRemaining()) return null; // trailing bytes: not what the definition describes
        return String.join(", ", out);
    }

    private static String readField(OptionDataType t, WireReader r, boolean tuple2) throws WireFormatException {
        return FieldCodec.read(t, r, tuple2);
    }

    private static boolean isDhcp4(OptionDefinition def, int code) {
        return def.code() == code && def.space().equals(OptionDefinition.DHCP4);
    }

    private static boolean isDhcp6(OptionDefinition def, int code) {
        return def.code() == code && def.space().equals(OptionDefinition.DHCP6);
    }

    private static boolean tuple2(OptionDefinition def) {
        return def.space().equals(OptionDefinition.DHCP6) || isDhcp4(def, 143);
    }

    private static String typeList(List<OptionDataType> types) {
        return String.join(", ", types.stream().map(OptionDataType::keaName).toList());
    }

    /**
     * Kea's {@code util::str::tokens(text, ",", true)}: split on commas, drop empty tokens, a backslash before a
     * comma or another backslash keeps that character, before anything else it is kept as is.
     */
    static List<String> tokens(String text) {
        List<String> result = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        boolean inToken = false, escaped = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',') {
                if (!inToken) continue;
                if (escaped) {
                    escaped = false;
                    token.append(c);
                } else {
                    if (!token.isEmpty()) result.add(token.toString());
                    inToken = false;
                    token.setLength(0);
                }
            } else if (c == '\\') {
                inToken = true;
                if (escaped) {
                    escaped = false;
                    token.append(c);
                } else {
                    escaped = true;
                }
            } else {
                inToken = true;
                if (escaped) {
                    escaped = false;
                    token.append('\\');
                }
                token.append(c);
            }
        }
        if (escaped) token.append('\\');
        if (!token.isEmpty()) result.add(token.toString());
        return result;
    }
}
