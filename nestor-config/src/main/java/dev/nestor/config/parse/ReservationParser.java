package dev.nestor.config.parse;

import dev.nestor.common.Bytes;
import dev.nestor.common.net.HwAddress;
import dev.nestor.config.model.OptionData;
import dev.nestor.config.model.Reservation4;
import dev.nestor.config.model.Reservation4.IdentifierType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Host reservations ({@code reservations} lists), as Kea's HostReservationParser4. */
final class ReservationParser {
    private static final String IDENTIFIERS = "circuit-id, client-id, duid, flex-id, hw-address";

    private ReservationParser() {}

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
        IdentifierType idType = null;
        String idText = null;
        for (IdentifierType t : IdentifierType.values()) {
            if (!o.node.has(t.keaName())) continue;
            String v = o.string(t.keaName());
            if (v == null) continue;
            if (idType != null) {
                o.error(null, "the '" + t.keaName() + "' and '" + idType.keaName() + "' are mutually exclusive");
                return null;
            }
            idType = t;
            idText = v;
        }
        if (idType == null) {
            if (o.problems.errorCount() == before)
                o.error(null, "one of the supported identifiers must be specified for host reservation: " + IDENTIFIERS);
            return null;
        }
        Bytes id = identifier(o, idType, idText);
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
        if (o.problems.errorCount() > before || id == null) return null;
        return new Reservation4(
                idType == IdentifierType.HW_ADDRESS ? new HwAddress(HwAddress.HTYPE_ETHERNET, id.toArray()) : null,
                idType == IdentifierType.CLIENT_ID ? id : null, idType == IdentifierType.CIRCUIT_ID ? id : null,
                idType == IdentifierType.DUID ? id : null, idType == IdentifierType.FLEX_ID ? id : null,
                ip, hostname, classes == null ? List.of() : classes, options, nextServer, sname, file, subnetId, o.path);
    }

    private static Bytes identifier(Obj o, IdentifierType type, String text) {
        if (text.isEmpty()) {
            o.error(type.keaName(), "empty host identifier used");
            return null;
        }
        byte[] b;
        try {
            b = Texts.binary(text);
        } catch (IllegalArgumentException e) {
            o.error(type.keaName(), "invalid host identifier value '" + text + "'");
            return null;
        }
        int max = switch (type) {
            case HW_ADDRESS -> 20;
            case DUID -> 130;
            default -> 255;
        };
        if (b.length == 0) {
            o.error(type.keaName(), "empty host identifier used");
            return null;
        }
        if (b.length > max) {
            o.error(type.keaName(), "too long client identifier type " + type.keaName() + " length " + b.length);
            return null;
        }
        return Bytes.of(b);
    }

    /**
     * Kea's CfgHosts rules within one subnet (or the global scope): one reservation per identifier, and, when
     * {@code ipUnique}, one reservation per address.
     */
    static void checkDuplicates(List<Reservation4> list, boolean ipUnique, Problems p) {
        Map<String, Reservation4> ids = new HashMap<>();
        Map<Integer, Reservation4> ips = new HashMap<>();
        for (Reservation4 r : list) {
            String key = r.identifierType().keaName() + "=" + r.identifier().toHexColon();
            Reservation4 prev = ids.putIfAbsent(key, r);
            if (prev != null)
                p.error(r.path(), "duplicate reservation: " + r.identifierType().keaName() + " "
                        + r.identifier().toHexColon() + " is already reserved at " + prev.path());
            if (ipUnique && r.ipAddress() != null) {
                Reservation4 prevIp = ips.putIfAbsent(r.ipAddress(), r);
                if (prevIp != null)
                    p.error(r.path() + ".ip-address", "duplicate reservation: address "
                            + dev.nestor.common.net.Ipv4.toString(r.ipAddress()) + " is already reserved at " + prevIp.path());
            }
        }
    }
}
