package dev.nestor.config.parse;

import dev.nestor.codec.net.Ipv6;
import dev.nestor.codec.net.Ipv6Prefix;
import dev.nestor.common.Bytes;
import dev.nestor.common.net.HwAddress;
import dev.nestor.common.net.Ipv4;
import dev.nestor.config.model.OptionData;
import dev.nestor.config.model.Reservation4;
import dev.nestor.config.model.Reservation4.IdentifierType;
import dev.nestor.config.model.Reservation6;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Host reservations ({@code reservations} lists), as Kea's HostReservationParser4/6. The identifier handling and
 * the per-scope uniqueness rules are the same for both daemons; only the reserved resources differ.
 */
final class ReservationParser {
    /** Identifier keywords in the order they are looked for (the order of Kea's identifier types). */
    private static final List<String> IDS_4 = List.of("hw-address", "duid", "circuit-id", "client-id", "flex-id");
    private static final List<String> IDS_6 = List.of("hw-address", "duid", "flex-id");

    private ReservationParser() {}

    /** The one identifier of a reservation, as keyword and binary value. */
    private record Id(String keyword, Bytes value) {
        HwAddress hw() { return keyword.equals("hw-address") ? new HwAddress(HwAddress.HTYPE_ETHERNET, value.toArray()) : null; }

        Bytes as(String k) { return keyword.equals(k) ? value : null; }

        String key() { return keyword + "=" + value.toHexColon(); }
    }

    // ---- DHCPv4 ----

    static List<Reservation4> parseList(Obj scope, long subnetId, OptionParsers.Defs defs) {
        List<Reservation4> out = new ArrayList<>();
        for (Obj o : scope.maps("reservations")) {
            Reservation4 r = parse(o, subnetId, defs);
            if (r != null) out.add(r);
        }
        return out;
    }

    static Reservation4 parse(Obj o, long subnetId, OptionParsers.Defs defs) {
        o.check(Keywords.RESERVATION);
        int before = o.problems.errorCount();
        Id id = identifier(o, IDS_4);
        if (id == null) return null;
        Integer ip = null;
        String ipText = o.string("ip-address");
        if (ipText != null) {
            ip = Texts.ipv4(ipText);
            if (ip == null) o.error("ip-address", "invalid IPv4 address '" + ipText + "'");
            else if (ip == 0) ip = null; // Kea: 0.0.0.0 means "no address reserved"
        }
        String hostname = o.string("hostname", "");
        Integer nextServer = null;
        String ns = o.string("next-server");
        if (ns != null && !ns.isEmpty()) {
            nextServer = Texts.ipv4(ns);
            if (nextServer == null) o.error("next-server", "invalid next-server value '" + ns + "'");
            else if (nextServer == -1) o.error("next-server", "invalid next-server value '" + ns + "', must not be a broadcast");
        }
        String sname = o.string("server-hostname", "");
        if (sname.length() > 63) o.error("server-hostname", "server-hostname must be at most 63 bytes long, it is " + sname.length());
        String file = o.string("boot-file-name", "");
        if (file.length() > 127) o.error("boot-file-name", "boot-file-name must be at most 127 bytes long, it is " + file.length());
        List<String> classes = o.strings("client-classes");
        List<OptionData> options = OptionParsers.parseDataList(o, defs);
        if (o.problems.errorCount() > before) return null;
        return new Reservation4(id.hw(), id.as("client-id"), id.as("circuit-id"), id.as("duid"), id.as("flex-id"),
                ip, hostname, classes == null ? List.of() : classes, options, nextServer, sname, file, subnetId, o.path);
    }

    /**
     * Kea's CfgHosts rules within one subnet (or the global scope): one reservation per identifier, and, when
     * {@code ipUnique}, one reservation per address.
     */
    static void checkDuplicates(List<Reservation4> list, boolean ipUnique, Problems p) {
        Unique u = new Unique(ipUnique, p);
        for (Reservation4 r : list) {
            u.id(r.identifierType().keaName() + "=" + r.identifier().toHexColon(), r.identifierType().keaName() + " "
                    + r.identifier().toHexColon(), r.path());
            if (r.ipAddress() != null)
                u.resource(Ipv4.toString(r.ipAddress()), "address " + Ipv4.toString(r.ipAddress()), r.path() + ".ip-address", r.path());
        }
    }

    // ---- DHCPv6 ----

    static List<Reservation6> parseList6(Obj scope, long subnetId, OptionParsers.Defs defs) {
        List<Reservation6> out = new ArrayList<>();
        for (Obj o : scope.maps("reservations")) {
            Reservation6 r = parse6(o, subnetId, defs);
            if (r != null) out.add(r);
        }
        return out;
    }

    static Reservation6 parse6(Obj o, long subnetId, OptionParsers.Defs defs) {
        o.check(Keywords.RESERVATION6);
        int before = o.problems.errorCount();
        Id id = identifier(o, IDS_6);
        if (id == null) return null;
        List<Bytes> addresses = new ArrayList<>();
        List<String> texts = o.strings("ip-addresses");
        if (texts != null) {
            for (int i = 0; i < texts.size(); i++) {
                Bytes a = Texts.ipv6(texts.get(i));
                String path = o.at("ip-addresses") + "[" + i + "]";
                if (a == null || Ipv6.isMulticast(a)) o.problems.error(path, "invalid prefix '" + texts.get(i) + "' for new IPv6 reservation");
                else addresses.add(a);
            }
        }
        List<Reservation6.PrefixReservation> prefixes = prefixes(o);
        String hostname = o.string("hostname", "");
        List<String> classes = o.strings("client-classes");
        List<OptionData> options = OptionParsers.parseDataList(o, defs);
        if (o.problems.errorCount() > before) return null;
        return new Reservation6(id.hw(), id.as("duid"), id.as("flex-id"), addresses, prefixes, hostname,
                classes == null ? List.of() : classes, options, subnetId, o.path);
    }

    /** "prefixes" with the matching (same index) "excluded-prefixes" entries; "" means no exclusion. */
    private static List<Reservation6.PrefixReservation> prefixes(Obj o) {
        List<String> list = o.strings("prefixes");
        List<String> excluded = o.strings("excluded-prefixes");
        if (excluded != null && list == null) {
            o.error("excluded-prefixes", "'excluded-prefixes' parameter requires the 'prefixes' parameter");
            return List.of();
        }
        if (list == null) return List.of();
        if (excluded != null && excluded.size() != list.size()) {
            o.error("excluded-prefixes", "'excluded-prefixes' parameter does not match the 'prefixes' parameter: "
                    + excluded.size() + " != " + list.size());
            return List.of();
        }
        List<Reservation6.PrefixReservation> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String path = o.at("prefixes") + "[" + i + "]";
            Ipv6Prefix prefix = Texts.ipv6Prefix(list.get(i));
            if (prefix == null || Ipv6.isMulticast(prefix.network())) {
                o.problems.error(path, "invalid prefix reservation '" + list.get(i) + "', expected an IPv6 prefix/length");
                continue;
            }
            String ex = excluded == null ? "" : excluded.get(i).trim();
            Ipv6Prefix exclude = null;
            if (!ex.isEmpty()) {
                String exPath = o.at("excluded-prefixes") + "[" + i + "]";
                exclude = Texts.ipv6Prefix(ex);
                if (exclude == null) {
                    o.problems.error(exPath, "invalid exclude prefix '" + ex + "', expected an IPv6 prefix/length");
                    continue;
                }
                if (exclude.length() <= prefix.length() || !prefix.contains(exclude)) {
                    o.problems.error(exPath, "excluded prefix " + exclude + " must be longer than and inside the"
                            + " delegated prefix " + prefix);
                    continue;
                }
            }
            out.add(new Reservation6.PrefixReservation(prefix, exclude));
        }
        return out;
    }

    /** The v6 uniqueness rules: identifiers always, and with {@code ipUnique} every address and prefix. */
    static void checkDuplicates6(List<Reservation6> list, boolean ipUnique, Problems p) {
        Unique u = new Unique(ipUnique, p);
        for (Reservation6 r : list) {
            u.id(r.identifierType().keaName() + "=" + r.identifier().toHexColon(), r.identifierType().keaName() + " "
                    + r.identifier().toHexColon(), r.path());
            for (int i = 0; i < r.ipAddresses().size(); i++) {
                String a = Ipv6.toString(r.ipAddresses().get(i));
                u.resource(a, "address " + a, r.path() + ".ip-addresses[" + i + "]", r.path());
            }
            for (int i = 0; i < r.prefixes().size(); i++) {
                String pfx = r.prefixes().get(i).prefix().toString();
                u.resource(pfx, "prefix " + pfx, r.path() + ".prefixes[" + i + "]", r.path());
            }
        }
    }

    // ---- shared ----

    /**
     * Exactly one of the daemon's identifier keywords; null after reporting when there is none or more than one.
     * A bad value is reported and leaves {@link Id#value()} null, so the other fields are still checked.
     */
    private static Id identifier(Obj o, List<String> keywords) {
        int before = o.problems.errorCount();
        String kind = null, text = null;
        for (String k : keywords) {
            if (!o.node.has(k)) continue;
            String v = o.string(k);
            if (v == null) continue;
            if (kind != null) {
                o.error(null, "the '" + k + "' and '" + kind + "' are mutually exclusive");
                return null;
            }
            kind = k;
            text = v;
        }
        if (kind == null) {
            if (o.problems.errorCount() == before)
                o.error(null, "one of the supported identifiers must be specified for host reservation: "
                        + String.join(", ", keywords.stream().sorted().toList()));
            return null;
        }
        return new Id(kind, decode(o, kind, text));
    }

    /** The identifier's bytes (Kea's hex or 'quoted text' form); null after reporting. */
    private static Bytes decode(Obj o, String kind, String text) {
        if (text.isEmpty()) {
            o.error(kind, "empty host identifier used");
            return null;
        }
        byte[] b;
        try {
            b = Texts.binary(text);
        } catch (IllegalArgumentException e) {
            o.error(kind, "invalid host identifier value '" + text + "'");
            return null;
        }
        int max = switch (kind) {
            case "hw-address" -> 20;
            case "duid" -> 130;
            default -> 255;
        };
        if (b.length == 0) {
            o.error(kind, "empty host identifier used");
            return null;
        }
        if (b.length > max) {
            o.error(kind, "too long client identifier type " + kind + " length " + b.length);
            return null;
        }
        return Bytes.of(b);
    }

    /** Uniqueness of identifiers and (optionally) reserved resources within one scope. */
    private static final class Unique {
        private final boolean resources;
        private final Problems p;
        private final Map<String, String> ids = new HashMap<>();
        private final Map<String, String> taken = new HashMap<>();

        Unique(boolean resources, Problems p) {
            this.resources = resources;
            this.p = p;
        }

        void id(String key, String text, String path) {
            String prev = ids.putIfAbsent(key, path);
            if (prev != null) p.error(path, "duplicate reservation: " + text + " is already reserved at " + prev);
        }

        void resource(String key, String text, String errorPath, String ownerPath) {
            if (!resources) return;
            String prev = taken.putIfAbsent(key, ownerPath);
            if (prev != null) p.error(errorPath, "duplicate reservation: " + text + " is already reserved at " + prev);
        }
    }
}
