package dev.nestor.dhcp4.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nestor.common.Bytes;
import dev.nestor.common.net.Ipv4;
import dev.nestor.config.model.Reservation4.IdentifierType;
import dev.nestor.control.KeaJson;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A host reservation as it sits in the config document (global {@code reservations} or a subnet's), with its
 * identifier decoded, so host_cmds can find, render and remove it. Host ids are the 1-based position in
 * {@link #all} (subnets in config order, then the global list), stable while the config does not change, which
 * is what reservation-get-page's {@code from} needs.
 */
record HostView4(long hostId, long subnetId, IdentifierType type, Bytes identifier, Integer address, String hostname,
                 ArrayNode list, int index) {

    ObjectNode node() {
        return (ObjectNode) list.get(index);
    }

    /** Every reservation of the document whose identifier can be decoded. */
    static List<HostView4> all(ObjectNode dhcp4) {
        List<HostView4> out = new ArrayList<>();
        for (ConfigEdit.SubnetSlot s : ConfigEdit.subnets(dhcp4)) {
            if (s.node().get("reservations") instanceof ArrayNode list) collect(list, s.id(), out);
        }
        if (dhcp4.get("reservations") instanceof ArrayNode list) collect(list, 0, out);
        return out;
    }

    private static void collect(ArrayNode list, long subnetId, List<HostView4> out) {
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof ObjectNode r)) continue;
            Id id = Id.of(r);
            if (id == null) continue;
            Integer ip = null;
            if (r.path("ip-address").isTextual() && Ipv4.isValid(r.get("ip-address").textValue())) {
                int a = Ipv4.parse(r.get("ip-address").textValue());
                if (a != 0) ip = a;
            }
            out.add(new HostView4(out.size() + 1, subnetId, id.type, id.value, ip, r.path("hostname").asText(""), list, i));
        }
    }

    /** A decoded host identifier. */
    record Id(IdentifierType type, Bytes value) {
        /** The identifier of a reservation map, or null when it has none (or an undecodable one). */
        static Id of(JsonNode reservation) {
            for (IdentifierType t : IdentifierType.values()) {
                JsonNode v = reservation.get(t.keaName());
                if (v == null || !v.isTextual()) continue;
                try {
                    return new Id(t, KeaHex.identifier(v.textValue()));
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
            return null;
        }

        /** Kea's {@code Host::getIdentifierAsText}: "hwaddr=0A0B0C...". */
        String asText() {
            String name = type == IdentifierType.HW_ADDRESS ? "hwaddr" : type.keaName();
            return name + "=" + (value.isEmpty() ? "(null)" : KeaHex.upper(value));
        }
    }

    boolean matches(Id id) {
        return type == id.type && identifier.equals(id.value);
    }

    boolean hasHostname(String lowerCase) {
        return hostname.toLowerCase(Locale.ROOT).equals(lowerCase);
    }

    /** Kea's {@code Host::toElement4} plus "subnet-id", as host_cmds answers. */
    ObjectNode toJson() {
        ObjectNode r = node();
        ObjectNode o = KeaJson.object();
        JsonNode ctx = r.get("user-context");
        JsonNode comment = r.get("comment");
        if (ctx != null || comment != null) {
            ObjectNode c = ctx instanceof ObjectNode m ? m.deepCopy() : KeaJson.object();
            if (comment != null) c.set("comment", comment.deepCopy());
            o.set("user-context", c);
        }
        String text = switch (type) {
            case HW_ADDRESS, DUID -> identifier.toHexColon();
            default -> KeaHex.upper(identifier);
        };
        o.put(type.keaName(), text);
        if (address != null) o.put("ip-address", Ipv4.toString(address));
        o.put("hostname", hostname);
        String nextServer = r.path("next-server").asText("");
        o.put("next-server", nextServer.isEmpty() ? "0.0.0.0" : nextServer);
        o.put("server-hostname", r.path("server-hostname").asText(""));
        o.put("boot-file-name", r.path("boot-file-name").asText(""));
        o.set("client-classes", r.get("client-classes") instanceof ArrayNode a ? a.deepCopy() : KeaJson.array());
        o.set("option-data", r.get("option-data") instanceof ArrayNode a ? a.deepCopy() : KeaJson.array());
        o.put("subnet-id", subnetId);
        return o;
    }
}
