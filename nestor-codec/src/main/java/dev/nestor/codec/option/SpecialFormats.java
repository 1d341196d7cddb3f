package dev.nestor.codec.option;

import dev.nestor.common.net.Ipv4;
import dev.nestor.common.net.Ipv4Prefix;
import dev.nestor.common.wire.WireFormatException;
import dev.nestor.common.wire.WireReader;
import dev.nestor.common.wire.WireWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Options whose Kea type is {@code internal} and that have their own text notation: 121 classless static routes
 * (RFC 3442), 162 v4-dnr and DHCPv6 144 v6-dnr (RFC 9463).
 */
final class SpecialFormats {
    private SpecialFormats() {}

    // ---- option 121: "10.0.0.0/8 - 192.0.2.1, 198.51.100.0/24 - 192.0.2.2"

    static byte[] classlessRoutes(String data) throws OptionValueException {
        WireWriter w = new WireWriter();
        for (String route : splitUnescaped(data, ',')) {
            String r = route.trim();
            if (r.isEmpty()) continue;
            String[] parts = r.split("-", -1);
            if (parts.length != 2)
                throw new OptionValueException("classless-static-route has invalid value '" + r
                        + "', routes must be comma separated and formatted as in: 10.229.0.128/25 - 10.229.0.1");
            Ipv4Prefix p;
            try {
                p = Ipv4Prefix.parse(parts[0].trim());
            } catch (IllegalArgumentException e) {
                throw new OptionValueException("classless-static-route: invalid destination prefix '" + parts[0].trim() + "'");
            }
            int router = FieldCodec.ipv4(parts[1].trim());
            w.u8(p.length());
            byte[] net = Ipv4.toBytes(p.network());
            w.bytes(net, 0, (p.length() + 7) / 8);
            w.u32(router & 0xFFFFFFFFL);
        }
        if (w.size() < 5) throw new OptionValueException("classless-static-route needs at least one route");
        return w.toByteArray();
    }

    static String classlessRoutesText(byte[] data) throws WireFormatException {
        WireReader r = new WireReader(data);
        if (data.length < 5) throw new WireFormatException("classless-static-route shorter than 5 bytes", 0);
        List<String> out = new ArrayList<>();
        while (r.hasRemaining()) {
            int at = r.position();
            int width = r.u8();
            if (width > 32) throw new WireFormatException("classless-static-route mask width " + width + " over 32", at);
            byte[] net = new byte[4];
            byte[] sig = r.bytes((width + 7) / 8);
            System.arraycopy(sig, 0, net, 0, sig.length);
            int router = r.s32();
            out.add(Ipv4.toString(Ipv4.fromBytes(net, 0)) + "/" + width + " - " + Ipv4.toString(router));
        }
        return String.join(", ", out);
    }

    // ---- option 162: "2, resolver.example., 10.0.5.6, alpn=dot\,doq port=8530 | 3, fooexp.resolver.example."

    private static final Map<String, Integer> SVC_KEYS = Map.of("alpn", 1, "port", 3, "dohpath", 7);

    static byte[] dnr(String data) throws OptionValueException {
        WireWriter out = new WireWriter();
        for (String inst : splitUnescaped(data, '|')) {
            if (inst.isBlank()) continue;
            List<String> f = new ArrayList<>();
            for (String s : splitUnescaped(inst, ',')) f.add(unescape(s).trim());
            if (f.size() < 2 || f.size() > 4)
                throw new OptionValueException("v4-dnr instance '" + inst.trim()
                        + "' must have 2 to 4 comma separated fields: priority, adn[, addresses[, svc-params]]");
            WireWriter w = new WireWriter();
            w.u16((int) FieldCodec.integer(f.get(0), 0, 0xFFFF, OptionDataType.UINT16));
            byte[] adn = FieldCodec.fqdn(f.get(1));
            w.u8(adn.length).bytes(adn);
            if (f.size() >= 3) {
                WireWriter addrs = new WireWriter();
                for (String a : f.get(2).split("\\s+")) if (!a.isEmpty()) addrs.u32(FieldCodec.ipv4(a) & 0xFFFFFFFFL);
                if (addrs.size() == 0 || addrs.size() > 255) throw new OptionValueException("v4-dnr: invalid address list '" + f.get(2) + "'");
                w.u8(addrs.size()).bytes(addrs.toByteArray());
                if (f.size() == 4) w.bytes(svcParams(f.get(3)));
            }
            if (w.size() > 0xFFFF) throw new OptionValueException("v4-dnr instance too long");
            out.u16(w.size()).bytes(w.toByteArray());
        }
        if (out.size() == 0) throw new OptionValueException("v4-dnr needs at least one instance");
        return out.toByteArray();
    }

    /**
     * DHCPv6 option 144 (RFC 9463 section 4.1), one instance per option: "priority, adn[, addresses[, params]]",
     * addresses separated by blanks. Wire: priority u16, ADN length u16, ADN, then (unless ADN-only) addresses
     * length u16, the addresses, and the SvcParams.
     */
    static byte[] dnr6(String data) throws OptionValueException {
        List<String> f = new ArrayList<>();
        for (String s : splitUnescaped(data, ',')) f.add(unescape(s).trim());
        if (f.size() == 1 && f.getFirst().isEmpty()) f.clear();
        if (f.size() < 2 || f.size() > 4)
            throw new OptionValueException("v6-dnr '" + data.trim()
                    + "' must have 2 to 4 comma separated fields: priority, adn[, addresses[, svc-params]]");
        WireWriter w = new WireWriter();
        w.u16((int) FieldCodec.integer(f.get(0), 0, 0xFFFF, OptionDataType.UINT16));
        byte[] adn = FieldCodec.fqdn(f.get(1));
        w.u16(adn.length).bytes(adn);
        if (f.size() >= 3) {
            WireWriter addrs = new WireWriter();
            for (String a : f.get(2).split("\\s+")) if (!a.isEmpty()) addrs.bytes(FieldCodec.ipv6(a));
            if (addrs.size() == 0) throw new OptionValueException("v6-dnr: invalid address list '" + f.get(2) + "'");
            w.u16(addrs.size()).bytes(addrs.toByteArray());
            if (f.size() == 4) w.bytes(svcParams(f.get(3)));
        }
        if (w.size() > 0xFFFF) throw new OptionValueException("v6-dnr option too long");
        return w.toByteArray();
    }

    private static byte[] svcParams(String text) throws OptionValueException {
        Map<Integer, byte[]> params = new TreeMap<>(); // RFC 9460: keys in strictly increasing order
        for (String kv : text.split("\\s+")) {
            if (kv.isEmpty()) continue;
            int eq = kv.indexOf('=');
            if (eq <= 0) throw new OptionValueException("dnr: SvcParam '" + kv + "' is not key=value");
            String key = kv.substring(0, eq);
            String val = kv.substring(eq + 1);
            Integer code = SVC_KEYS.get(key);
            if (code == null) throw new OptionValueException("dnr: unsupported SvcParam key '" + key + "' (supported: alpn, port, dohpath)");
            WireWriter v = new WireWriter();
            switch (key) {
                case "alpn" -> {
                    for (String id : val.split(",")) {
                        byte[] b = id.trim().getBytes(StandardCharsets.US_ASCII);
                        if (b.length == 0 || b.length > 255) throw new OptionValueException("dnr: invalid alpn id '" + id + "'");
                        v.u8(b.length).bytes(b);
                    }
                }
                case "port" -> v.u16((int) FieldCodec.integer(val, 0, 0xFFFF, OptionDataType.UINT16));
                default -> v.bytes(val.getBytes(StandardCharsets.UTF_8));
            }
            if (params.put(code, v.toByteArray()) != null) throw new OptionValueException("dnr: SvcParam '" + key + "' repeated");
        }
        WireWriter w = new WireWriter();
        params.forEach((k, v) -> w.u16(k).u16(v.length).bytes(v));
        return w.toByteArray();
    }

    // ---- Kea-style escaping: backslash keeps the next delimiter in the value

    /** Splits on {@code delim} not preceded by a backslash; escapes are kept for the next level. */
    static List<String> splitUnescaped(String s, char delim) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                cur.append(c).append(s.charAt(++i));
            } else if (c == delim) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    private static String unescape(String s) {
        return s.replace("\\|", "|").replace("\\,", ",");
    }
}
