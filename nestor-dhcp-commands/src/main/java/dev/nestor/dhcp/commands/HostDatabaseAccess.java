package dev.nestor.dhcp.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nestor.codec.option.OptionDefinition;
import dev.nestor.codec.option.OptionDefinitions;
import dev.nestor.codec.option.OptionValueCodec;
import dev.nestor.codec.option.OptionValueException;
import dev.nestor.common.Bytes;
import dev.nestor.common.net.Ipv4;
import dev.nestor.common.net.Ipv6Text;
import dev.nestor.config.model.Dhcp4Config;
import dev.nestor.config.model.Dhcp6Config;
import dev.nestor.control.KeaJson;
import dev.nestor.lease.LeaseStoreException;
import dev.nestor.lease.host.Host;
import dev.nestor.lease.host.HostIdentifierType;
import dev.nestor.lease.host.HostOption;
import dev.nestor.lease.host.HostStore;
import dev.nestor.lease.host.HostStores;
import dev.nestor.lease.host.Ipv6Reservation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * host_cmds' side of the host databases: the stores of the running config's {@code hosts-databases} (opened on
 * first use and kept while the config names them) and the conversion between a reservation map of a command and
 * a stored {@link Host}, in the columns Kea's host backends use (an option given as text keeps its text in
 * {@code formatted_value} and its payload in {@code value}).
 */
final class HostDatabaseAccess<C> {
    private final DhcpFamily<C> family;
    private final HostStore.Family storeFamily;
    private final Map<Map<String, String>, HostStore> open = new HashMap<>();

    HostDatabaseAccess(DhcpFamily<C> family) {
        this.family = family;
        this.storeFamily = family.version() == 4 ? HostStore.Family.V4 : HostStore.Family.V6;
    }

    HostStore.Family storeFamily() {
        return storeFamily;
    }

    /** The host databases of {@code config}, in order; empty when it has none. */
    synchronized List<HostStore> stores(C config) throws KeaError {
        List<Map<String, String>> specs = switch (config) {
            case Dhcp4Config c -> c.hostsDatabases();
            case Dhcp6Config c -> c.hostsDatabases();
            default -> List.of();
        };
        open.entrySet().removeIf(e -> {
            if (specs.contains(e.getKey())) return false;
            e.getValue().close();
            return true;
        });
        List<HostStore> out = new ArrayList<>();
        for (Map<String, String> spec : specs) {
            HostStore s = open.get(spec);
            if (s == null) {
                try {
                    s = HostStores.open(spec, HostDatabaseAccess.class.getClassLoader());
                } catch (LeaseStoreException e) {
                    throw KeaError.error("cannot open the hosts database: " + e.getMessage());
                }
                open.put(spec, s);
            }
            out.add(s);
        }
        return out;
    }

    // ---- command map -> stored host ----------------------------------------------------------------------------

    /** A reservation map of reservation-add (without "subnet-id") as a host of this protocol in {@code subnetId}. */
    Host toHost(C config, ObjectNode r, HostView.Id id, long subnetId) throws KeaError {
        HostIdentifierType type = HostIdentifierType.ofKeaName(id.type());
        if (type == null) throw KeaError.error("unsupported identifier type " + id.type());
        String hostname = r.path("hostname").asText("");
        List<String> classes = strings(r.get("client-classes"));
        String context = userContext(r);
        List<HostOption> options = options(config, r.get("option-data"));
        if (family.version() == 4) {
            Integer address = ipv4(r, "ip-address");
            return new Host(0, type, id.value(), subnetId, null, address, hostname, classes, List.of(),
                    ipv4(r, "next-server"), r.path("server-hostname").asText(""), r.path("boot-file-name").asText(""),
                    context, null, List.of(), options, List.of());
        }
        List<Ipv6Reservation> resv = new ArrayList<>();
        for (String a : strings(r.get("ip-addresses"))) {
            try {
                resv.add(Ipv6Reservation.address(Ipv6Text.parse(a)));
            } catch (IllegalArgumentException e) {
                throw KeaError.error("invalid IPv6 address '" + a + "'");
            }
        }
        for (String p : strings(r.get("prefixes"))) {
            int slash = p.indexOf('/');
            try {
                resv.add(Ipv6Reservation.prefix(Ipv6Text.parse(p.substring(0, slash)), Integer.parseInt(p.substring(slash + 1))));
            } catch (RuntimeException e) {
                throw KeaError.error("invalid IPv6 prefix '" + p + "'");
            }
        }
        return new Host(0, type, id.value(), null, subnetId, null, hostname, List.of(), classes, null, "", "", context,
                null, resv, List.of(), options);
    }

    private static Integer ipv4(JsonNode r, String key) throws KeaError {
        JsonNode v = r.get(key);
        if (v == null || !v.isTextual() || v.textValue().isEmpty()) return null;
        if (!Ipv4.isValid(v.textValue())) throw KeaError.error("invalid " + key + " '" + v.textValue() + "'");
        int a = Ipv4.parse(v.textValue());
        return a == 0 ? null : a;
    }

    private static List<String> strings(JsonNode list) {
        List<String> out = new ArrayList<>();
        if (list instanceof ArrayNode a) for (JsonNode n : a) if (n.isTextual()) out.add(n.textValue());
        return out;
    }

    /** Kea folds a top-level "comment" into the user context. */
    private static String userContext(ObjectNode r) {
        JsonNode ctx = r.get("user-context");
        JsonNode comment = r.get("comment");
        if (ctx == null && comment == null) return null;
        ObjectNode c = ctx instanceof ObjectNode m ? m.deepCopy() : r.objectNode();
        if (comment != null) c.set("comment", comment.deepCopy());
        return c.toString();
    }

    private List<HostOption> options(C config, JsonNode list) throws KeaError {
        List<HostOption> out = new ArrayList<>();
        if (!(list instanceof ArrayNode a)) return out;
        OptionDefinitions defs = family.optionDefinitions(config);
        for (JsonNode o : a) {
            String space = o.path("space").asText(family.optionSpace());
            Optional<OptionDefinition> def = o.has("code") ? defs.byCode(space, o.get("code").asInt())
                    : defs.byName(space, o.path("name").asText(""));
            if (def.isEmpty() && !o.has("code")) {
                throw KeaError.error("definition for the option '" + space + "." + o.path("name").asText("")
                        + "' does not exist");
            }
            int code = def.map(OptionDefinition::code).orElseGet(() -> o.get("code").asInt());
            String data = o.path("data").asText("");
            boolean csv = def.isPresent() && o.path("csv-format").asBoolean(true);
            Bytes value;
            try {
                if (csv) {
                    value = Bytes.of(family.version() == 4 ? OptionValueCodec.fromCsv(def.get(), data)
                            : OptionValueCodec.fromCsv6(def.get(), data));
                } else {
                    value = Bytes.of(OptionValueCodec.fromHex(data));
                }
            } catch (OptionValueException | IllegalArgumentException e) {
                throw KeaError.error("option data does not match option definition (space: " + space + ", code: "
                        + code + "): " + e.getMessage());
            }
            out.add(new HostOption(code, space, value, csv ? data : null, o.path("always-send").asBoolean(false),
                    o.path("never-send").asBoolean(false), null, null));
        }
        return out;
    }

    // ---- stored host -> command map ----------------------------------------------------------------------------

    /** A stored host as a {@link HostView} over a one-element list holding its reservation map. */
    HostView view(C config, Host h, HostFamily<C> hosts) {
        ObjectNode r = KeaJson.object();
        HostView.Id id = new HostView.Id(h.identifierType().keaName(), h.identifier());
        r.put(id.type(), id.display());
        r.put("hostname", h.hostname());
        boolean v4 = family.version() == 4;
        ArrayNode classes = r.putArray("client-classes");
        (v4 ? h.dhcp4ClientClasses() : h.dhcp6ClientClasses()).forEach(classes::add);
        if (h.userContext() != null) {
            try {
                r.set("user-context", KeaJson.parse(h.userContext()));
            } catch (com.fasterxml.jackson.core.JsonProcessingException | RuntimeException e) {
                // a context that is not JSON is not shown
            }
        }
        OptionDefinitions defs = family.optionDefinitions(config);
        ArrayNode options = r.putArray("option-data");
        for (HostOption o : v4 ? h.options4() : h.options6()) {
            ObjectNode n = options.addObject();
            n.put("code", o.code());
            defs.byCode(o.space(), o.code()).ifPresent(d -> n.put("name", d.name()));
            n.put("space", o.space());
            n.put("csv-format", o.formattedValue() != null);
            n.put("data", o.formattedValue() != null ? o.formattedValue()
                    : o.value() == null ? "" : HexFormat.of().withUpperCase().formatHex(o.value().toArray()));
            n.put("always-send", o.persistent());
            n.put("never-send", o.cancelled());
        }
        if (v4) {
            if (h.ipv4Address() != null) r.put("ip-address", Ipv4.toString(h.ipv4Address()));
            if (h.nextServer() != null) r.put("next-server", Ipv4.toString(h.nextServer()));
            r.put("server-hostname", h.serverHostname());
            r.put("boot-file-name", h.bootFileName());
        } else {
            ArrayNode addresses = r.putArray("ip-addresses");
            ArrayNode prefixes = r.putArray("prefixes");
            for (Ipv6Reservation x : h.ipv6Reservations()) {
                if (x.type() == Ipv6Reservation.Type.NA) addresses.add(Ipv6Text.format(x.address()));
                else prefixes.add(Ipv6Text.format(x.address()) + "/" + x.prefixLength());
            }
        }
        ArrayNode list = KeaJson.array();
        list.add(r);
        Long subnet = h.subnetId(storeFamily);
        return new HostView(h.hostId(), subnet == null ? 0 : subnet, id, hosts.addresses(r), hosts.prefixes(r),
                h.hostname(), list, 0);
    }

    /** The address argument of a command as stored bytes (4 or 16). */
    Bytes addressBytes(String canonical) {
        return family.version() == 4 ? Bytes.of(Ipv4.toBytes(Ipv4.parse(canonical))) : Ipv6Text.parse(canonical);
    }
}
