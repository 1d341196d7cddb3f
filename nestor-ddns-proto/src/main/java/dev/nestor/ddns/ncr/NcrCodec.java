package dev.nestor.ddns.ncr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * Kea's NCR wire format ({@code NameChangeRequest::toFormat/fromFormat} with {@code FMT_JSON}): a datagram holding
 * a 2-byte big-endian length and that many bytes of JSON.
 *
 * <p>Field names across Kea versions: Kea 2.2–2.4 write {@code use-conflict-resolution} (boolean) and require
 * {@code lease-expires-on}; Kea 2.6–3.0 write {@code conflict-resolution-mode} and still send
 * {@code lease-expires-on}; Kea 3.1+ dropped {@code lease-expires-on}. We decode all of them
 * ({@code conflict-resolution-mode} wins over {@code use-conflict-resolution}, a missing {@code lease-expires-on}
 * reads as 0) and encode both conflict fields plus {@code lease-expires-on}, so every Kea version reads what we
 * send. Unknown fields are ignored, as Kea does.
 */
public final class NcrCodec {
    /** Largest JSON text the 2-byte length can describe. */
    public static final int MAX_JSON_BYTES = 0xFFFF;
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    // Kea's timeToText64 / timeFromText64: exactly 14 digits, UTC
    private static final DateTimeFormatter EXPIRES = DateTimeFormatter.ofPattern("uuuuMMddHHmmss")
            .withResolverStyle(ResolverStyle.STRICT);

    private NcrCodec() {}

    /** The datagram: 2-byte length + JSON. */
    public static byte[] encode(NameChangeRequest ncr) {
        byte[] json = toJson(ncr).getBytes(StandardCharsets.UTF_8);
        if (json.length > MAX_JSON_BYTES) throw new IllegalArgumentException("NCR JSON longer than 65535 bytes");
        byte[] out = new byte[2 + json.length];
        out[0] = (byte) (json.length >> 8);
        out[1] = (byte) json.length;
        System.arraycopy(json, 0, out, 2, json.length);
        return out;
    }

    /** Decodes one datagram. Bytes after the announced JSON length are ignored, as in Kea. */
    public static NameChangeRequest decode(byte[] datagram, int offset, int length) throws NcrFormatException {
        if (length < 2) throw new NcrFormatException("fromFormat: buffer read error: datagram shorter than the length field");
        int len = (datagram[offset] & 0xFF) << 8 | datagram[offset + 1] & 0xFF;
        if (len > length - 2) {
            throw new NcrFormatException("fromFormat: buffer read error: length field says " + len
                    + " bytes, datagram holds " + (length - 2));
        }
        return fromJson(new String(datagram, offset + 2, len, StandardCharsets.UTF_8));
    }

    public static NameChangeRequest decode(byte[] datagram) throws NcrFormatException {
        return decode(datagram, 0, datagram.length);
    }

    /** The JSON text, in Kea's member order. */
    public static String toJson(NameChangeRequest ncr) {
        ObjectNode o = JSON.createObjectNode();
        o.put("change-type", ncr.changeType().code());
        o.put("forward-change", ncr.forwardChange());
        o.put("reverse-change", ncr.reverseChange());
        o.put("fqdn", ncr.fqdn());
        o.put("ip-address", ncr.ipAddressText());
        o.put("dhcid", ncr.dhcid().toHex());
        o.put("lease-expires-on", expiresText(ncr.leaseExpiresOn()));
        o.put("lease-length", ncr.leaseLength());
        o.put("use-conflict-resolution", ncr.conflictResolutionMode().usesConflictResolution());
        o.put("conflict-resolution-mode", ncr.conflictResolutionMode().keaName());
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses and validates NCR JSON, with Kea's error texts. */
    public static NameChangeRequest fromJson(String json) throws NcrFormatException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new NcrFormatException("Malformed NameChangeRequest JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) throw new NcrFormatException("Malformed NameChangeRequest JSON: not a map");
        JsonNode n = member(root, "change-type");
        if (!n.isIntegralNumber()) throw new NcrFormatException("Wrong data type for change_type: " + type(n));
        ChangeType changeType;
        try {
            changeType = ChangeType.fromCode(n.canConvertToLong() ? n.longValue() : -1);
        } catch (IllegalArgumentException e) {
            throw new NcrFormatException(e.getMessage());
        }
        boolean forward = bool(member(root, "forward-change"), "forward-change");
        boolean reverse = bool(member(root, "reverse-change"), "reverse_change");
        String fqdn = string(member(root, "fqdn"), "fqdn");
        String ipText = string(member(root, "ip-address"), "ip-address");
        InetAddress ip;
        try {
            ip = AddressText.parse(ipText);
        } catch (IllegalArgumentException e) {
            throw new NcrFormatException("Invalid ip address string for ip_address: " + ipText);
        }
        String dhcidText = string(member(root, "dhcid"), "dhcid");
        Dhcid dhcid;
        try {
            dhcid = Dhcid.fromHex(dhcidText);
        } catch (IllegalArgumentException e) {
            throw new NcrFormatException(e.getMessage());
        }
        long expires = 0;
        JsonNode e = root.get("lease-expires-on");
        if (e != null) expires = parseExpires(string(e, "lease-expires-on"));
        JsonNode l = member(root, "lease-length");
        if (!l.isIntegralNumber()) throw new NcrFormatException("Wrong data type for lease_length: " + type(l));
        if (!l.canConvertToLong() || l.longValue() > 0xFFFFFFFFL) {
            throw new NcrFormatException("lease_length value " + l.asText() + " is too large for unsigned 32-bit integer.");
        }
        if (l.longValue() < 0) {
            throw new NcrFormatException("lease_length value " + l.longValue() + " is negative. It must greater than or equal to zero");
        }
        ConflictResolutionMode mode = ConflictResolutionMode.CHECK_WITH_DHCID;
        JsonNode m = root.get("conflict-resolution-mode");
        JsonNode u = root.get("use-conflict-resolution");
        if (m != null) {
            if (!m.isTextual()) throw new NcrFormatException("Wrong data type for conflict-resolution-mode: " + type(m));
            try {
                mode = ConflictResolutionMode.fromKeaName(m.textValue());
            } catch (IllegalArgumentException ex) {
                throw new NcrFormatException(ex.getMessage());
            }
        } else if (u != null) {
            if (!u.isBoolean()) throw new NcrFormatException("Wrong data type for use-conflict-resolution: " + type(u));
            mode = u.booleanValue() ? ConflictResolutionMode.CHECK_WITH_DHCID : ConflictResolutionMode.NO_CHECK_WITH_DHCID;
        }
        try {
            return new NameChangeRequest(changeType, forward, reverse, fqdn, ip, dhcid, expires, l.longValue(), mode);
        } catch (IllegalArgumentException ex) {
            throw new NcrFormatException(ex.getMessage());
        }
    }

    /** Kea's {@code timeToText64}: {@code YYYYMMDDHHMMSS} in UTC. */
    public static String expiresText(long epochSeconds) {
        return EXPIRES.format(LocalDateTime.ofEpochSecond(epochSeconds, 0, ZoneOffset.UTC));
    }

    /** Kea's {@code timeFromText64}. */
    public static long parseExpires(String text) throws NcrFormatException {
        if (text.length() != 14 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new NcrFormatException("Invalid date-time string: [" + text + "]");
        }
        try {
            return LocalDateTime.parse(text, EXPIRES).toEpochSecond(ZoneOffset.UTC);
        } catch (DateTimeParseException ex) {
            throw new NcrFormatException("Invalid date-time string: [" + text + "]");
        }
    }


    private static JsonNode member(JsonNode root, String name) throws NcrFormatException {
        JsonNode n = root.get(name);
        if (n == null) throw new NcrFormatException("NameChangeRequest value missing for: " + name);
        return n;
    }

    private static boolean bool(JsonNode n, String name) throws NcrFormatException {
        if (!n.isBoolean()) throw new NcrFormatException("Wrong data type for " + name + ": " + type(n));
        return n.booleanValue();
    }

    private static String string(JsonNode n, String name) throws NcrFormatException {
        if (!n.isTextual()) throw new NcrFormatException("Wrong data type for " + name + ": " + type(n) + " instead of string");
        return n.textValue();
    }

    private static String type(JsonNode n) {
        if (n.isObject()) return "map";
        if (n.isArray()) return "list";
        if (n.isTextual()) return "string";
        if (n.isIntegralNumber()) return "integer";
        if (n.isNumber()) return "real";
        if (n.isBoolean()) return "boolean";
        return "null";
    }
}
