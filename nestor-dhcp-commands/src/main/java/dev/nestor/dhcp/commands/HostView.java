package dev.nestor.dhcp.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nestor.common.Bytes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A host reservation as it sits in the config document (global {@code reservations} or a subnet's), with its
 * identifier decoded, so host_cmds can find, render and remove it, whatever the protocol. Host ids are the 1-based
 * position in {@link #all} (subnets in config order, then the global list), stable while the config does not
 * change, which is what reservation-get-page's {@code from} needs.
 *
 * @param addresses reserved addresses, canonical text (DHCPv4: the non-zero {@code ip-address}; DHCPv6:
 *                  {@code ip-addresses})
 * @param prefixes  reserved prefixes, canonical {@code address/length} text (DHCPv6 only)
 */
public record HostView(long hostId, long subnetId, Id id, List<String> addresses, List<String> prefixes,
                       String hostname, ArrayNode list, int index) {
    public HostView {
        addresses = List.copyOf(addresses);
        prefixes = List.copyOf(prefixes);
    }

    /** The reservation's map in the document. */
    public ObjectNode node() {
        return (ObjectNode) list.get(index);
    }

    /** Every reservation of the document whose identifier can be decoded. */
    static <C> List<HostView> all(ConfigEdit<C> edit, HostFamily<C> family, ObjectNode root) {
        List<HostView> out = new ArrayList<>();
        for (ConfigEdit.SubnetSlot s : edit.subnets(root)) {
            if (s.node().get("reservations") instanceof ArrayNode list) collect(family, list, s.id(), out);
        }
        if (root.get("reservations") instanceof ArrayNode list) collect(family, list, 0, out);
        return out;
    }

    private static void collect(HostFamily<?> family, ArrayNode list, long subnetId, List<HostView> out) {
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof ObjectNode r)) continue;
            Id id = Id.of(family.identifiers(), r);
            if (id == null) continue;
            out.add(new HostView(out.size() + 1, subnetId, id, family.addresses(r), family.prefixes(r),
                    r.path("hostname").asText(""), list, i));
        }
    }

    /** A decoded host identifier: its Kea keyword ("hw-address", "duid", ...) and value. */
    public record Id(String type, Bytes value) {
        /** The identifier of a reservation map, or null when it has none (or an undecodable one). */
        static Id of(List<String> keywords, JsonNode reservation) {
            for (String t : keywords) {
                JsonNode v = reservation.get(t);
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
        public String asText() {
            String name = type.equals("hw-address") ? "hwaddr" : type;
            return name + "=" + (value.isEmpty() ? "(null)" : KeaHex.upper(value));
        }

        /** The hardware address and DUID as Kea's duplicate-host texts show them, "(null)" for the one it is not. */
        public String hwText() {
            return type.equals("hw-address") ? value.toHexColon() : "(null)";
        }

        public String duidText() {
            return type.equals("duid") ? value.toHexColon() : "(null)";
        }

        /** The identifier as host_cmds shows it: hw-address and duid colon-separated, the others upper-case hex. */
        public String display() {
            return type.equals("hw-address") || type.equals("duid") ? value.toHexColon() : KeaHex.upper(value);
        }
    }

    public boolean matches(Id other) {
        return id.equals(other);
    }

    boolean hasHostname(String lowerCase) {
        return hostname.toLowerCase(Locale.ROOT).equals(lowerCase);
    }

    /** Whether {@code address} (canonical) is one of the reserved addresses or reserved prefixes' addresses. */
    public boolean reserves(String address) {
        if (addresses.contains(address)) return true;
        for (String p : prefixes) if (p.substring(0, p.indexOf('/')).equals(address)) return true;
        return false;
    }

    /**
     * What Kea's {@code Host::toElement4} and {@code toElement6} both show, plus host_cmds' "subnet-id": the
     * user-context (with a top-level {@code comment} folded in), the identifier, the host name, the client classes
     * and the options. The protocol adds its addresses.
     */
    public ObjectNode toJson() {
        ObjectNode r = node();
        ObjectNode o = r.objectNode();
        JsonNode ctx = r.get("user-context");
        JsonNode comment = r.get("comment");
        if (ctx != null || comment != null) {
            ObjectNode c = ctx instanceof ObjectNode m ? m.deepCopy() : r.objectNode();
            if (comment != null) c.set("comment", comment.deepCopy());
            o.set("user-context", c);
        }
        o.put(id.type(), id.display());
        o.put("hostname", hostname);
        o.set("client-classes", listOf("client-classes"));
        o.set("option-data", listOf("option-data"));
        o.put("subnet-id", subnetId);
        return o;
    }

    /** A copied list member of the reservation map, or an empty list. */
    private ArrayNode listOf(String key) {
        return node().get(key) instanceof ArrayNode a ? a.deepCopy() : node().arrayNode();
    }
}
