package dev.nestor.dhcp4.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nestor.common.net.Ipv4;
import dev.nestor.config.model.Dhcp4Config;
import dev.nestor.config.model.Reservation4.IdentifierType;
import dev.nestor.config.model.Subnet4;
import dev.nestor.control.Answer;
import dev.nestor.control.CommandRegistry;
import dev.nestor.control.KeaJson;
import dev.nestor.dhcp4.Dhcp4Server;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Kea's host_cmds hook library for DHCPv4 (src/hooks/dhcp/host_cmds/host_cmds.cc): reservation-add, -update,
 * -del, -get, -get-all, -get-page, -get-by-hostname, -get-by-id and -get-by-address, with Kea's texts and result
 * codes and its {@code operation-target} rules. Nestor keeps reservations in the config only (Kea's "memory"
 * source; there are no host databases), so, exactly as Kea without a hosts-database, the modifying commands
 * refuse the default target ("database") and need {@code "operation-target": "memory"} or {@code "all"}. A change
 * edits the running config's JSON document and swaps the re-parsed config in (see {@link ConfigEdit}).
 */
public final class HostCommands4 {
    static final long SUBNET_ID_MAX = 0xFFFFFFFEL;

    /** Kea's HostMgrOperationTarget as host_cmds sees it. */
    private enum Target { UNSPECIFIED, MEMORY, DATABASE, ALL }

    private final ConfigEdit edit;

    private HostCommands4(ConfigEdit edit) {
        this.edit = edit;
    }

    public static void registerAll(CommandRegistry r, Dhcp4Server server, ConfigApplier applier, RuntimeChanges changes) {
        HostCommands4 c = new HostCommands4(new ConfigEdit(server, applier, changes));
        r.register("reservation-add", Args.handler(c::add));
        r.register("reservation-update", Args.handler(c::update));
        r.register("reservation-del", Args.handler(c::del));
        r.register("reservation-get", Args.handler(c::get));
        r.register("reservation-get-all", Args.handler(c::getAll));
        r.register("reservation-get-page", Args.handler(c::getPage));
        r.register("reservation-get-by-hostname", Args.handler(c::getByHostname));
        r.register("reservation-get-by-id", Args.handler(c::getById));
        r.register("reservation-get-by-address", Args.handler(c::getByAddress));
    }

    // ---- changes ------------------------------------------------------------------------------------------

    private Answer add(JsonNode args) throws Exception {
        if (args == null) throw KeaError.error("no parameters specified for the command");
        Target target = target(args, Target.DATABASE);
        JsonNode reservation = args.get("reservation");
        if (reservation == null) throw KeaError.error("reservation must be specified");
        Dhcp4Config config = edit.config();
        NewHost h = NewHost.parse(reservation, false);
        boolean forceGlobal = false;
        if (h.subnetId < 0) {
            if (h.address != null) throw subnetHint(config, h.address);
            forceGlobal = true;
        }
        long subnetId = Math.max(0, h.subnetId);
        if (target == Target.DATABASE) throw KeaError.error("Host database not available, cannot add host.");
        validateForSubnet(config, subnetId, h.address);
        edit.change((dhcp4, current) -> {
            checkDuplicates(dhcp4, current, subnetId, h, -1);
            reservations(dhcp4, subnetId).add(h.json);
            return null;
        });
        return Answer.success(forceGlobal ? "Host added. subnet-id not specified, assumed global (subnet-id 0)." : "Host added.");
    }

    private Answer update(JsonNode args) throws Exception {
        if (args == null) throw KeaError.error("invalid command: does not contain mandatory 'arguments'");
        if (!args.isObject()) {
            throw KeaError.error("invalid command: expected 'arguments' to be a map, got " + Args.typeName(args) + " instead");
        }
        JsonNode reservation = args.get("reservation");
        if (reservation == null) {
            throw KeaError.error("invalid command: expected 'reservation' as the sole parameter inside the 'arguments' map,"
                    + " didn't get it instead");
        }
        if (!reservation.isObject()) {
            throw KeaError.error("invalid command: expected 'reservation' to be a map, got " + Args.typeName(reservation) + " instead");
        }
        Target target = target(args, Target.DATABASE);
        NewHost h = NewHost.parse(reservation, true);
        if (target == Target.DATABASE) throw KeaError.error("host database not available, cannot update host");
        validateForSubnet(edit.config(), h.subnetId, h.address);
        edit.change((dhcp4, current) -> {
            HostView4 old = HostView4.all(dhcp4).stream()
                    .filter(v -> v.subnetId() == h.subnetId && v.matches(h.id)).findFirst()
                    .orElseThrow(() -> KeaError.error("Host not updated (not found)."));
            checkDuplicates(dhcp4, current, h.subnetId, h, old.hostId());
            old.list().set(old.index(), h.json);
            return null;
        });
        return Answer.success("Host updated.");
    }

    private Answer del(JsonNode args) throws Exception {
        Lookup p = Lookup.of(args);
        Target target = p.target == Target.UNSPECIFIED ? Target.DATABASE : p.target;
        if (target == Target.DATABASE) {
            throw KeaError.error("Unable to delete a host because there is no hosts-databases configured.");
        }
        boolean deleted = edit.change((dhcp4, current) -> {
            for (HostView4 v : HostView4.all(dhcp4)) {
                if (p.matches(v)) {
                    v.list().remove(v.index());
                    return true;
                }
            }
            return false;
        });
        if (!deleted) throw KeaError.empty("Host not deleted (not found).");
        return Answer.success("Host deleted.");
    }

    // ---- queries -------------------------------------------------------------------------------------------

    private Answer get(JsonNode args) throws Exception {
        Lookup p = Lookup.of(args);
        for (HostView4 v : hosts(p.target)) {
            if (p.matches(v)) return Answer.success("Host found.", v.toJson());
        }
        throw KeaError.empty("Host not found.");
    }

    private Answer getAll(JsonNode args) throws Exception {
        if (args == null || !args.isObject()) throw KeaError.error("Parameters missing or are not a map.");
        long subnetId = Args.integer(args, "subnet-id", 0, SUBNET_ID_MAX);
        Target target = target(args, Target.ALL);
        validateForSubnet(edit.config(), subnetId, null);
        return hostList(hosts(target), v -> v.subnetId() == subnetId);
    }

    private Answer getPage(JsonNode args) throws Exception {
        if (args == null || !args.isObject()) throw KeaError.error("Parameters missing or are not a map.");
        long limit = Args.integer(args, "limit", 0, 0xFFFFFFFFL);
        Long subnetId = args.has("subnet-id") ? Args.integer(args, "subnet-id", 0, SUBNET_ID_MAX) : null;
        long sourceIndex = args.get("source-index") != null ? Args.integer(args, "source-index", 0, 10) : 0;
        long from = args.get("from") != null ? Args.integer(args, "from") : 0;
        if (limit == 0) throw KeaError.error("page size of retrieved hosts must not be zero");
        if (subnetId != null) validateForSubnet(edit.config(), subnetId, null);
        ArrayNode list = KeaJson.array();
        long last = 0;
        // source 0 is the config; there are no host databases behind it
        if (sourceIndex == 0) {
            for (HostView4 v : HostView4.all(ConfigEdit.document(edit.config()))) {
                if (list.size() >= limit) break;
                if (v.hostId() <= from || (subnetId != null && v.subnetId() != subnetId)) continue;
                list.add(v.toJson());
                last = v.hostId();
            }
        }
        ObjectNode result = KeaJson.object();
        result.set("hosts", list);
        result.put("count", list.size());
        if (!list.isEmpty()) {
            ObjectNode next = result.putObject("next");
            next.put("source-index", sourceIndex);
            next.put("from", last);
        }
        return Answer.of(list.isEmpty() ? Answer.EMPTY : Answer.SUCCESS, list.size() + " IPv4 host(s) found.", result);
    }

    private Answer getByHostname(JsonNode args) throws Exception {
        if (args == null || !args.isObject()) throw KeaError.error("Parameters missing or are not a map.");
        String hostname = Args.string(args, "hostname");
        Long subnetId = args.has("subnet-id") ? Args.integer(args, "subnet-id", 0, SUBNET_ID_MAX) : null;
        Target target = target(args, Target.ALL);
        if (hostname.isEmpty()) throw KeaError.error("Empty hostname");
        if (subnetId != null) validateForSubnet(edit.config(), subnetId, null);
        String lower = hostname.toLowerCase(Locale.ROOT);
        return hostList(hosts(target), v -> v.hasHostname(lower) && (subnetId == null || v.subnetId() == subnetId));
    }

    private Answer getById(JsonNode args) throws Exception {
        if (args == null || !args.isObject()) throw KeaError.error("Parameters missing or are not a map.");
        JsonNode type = args.get("identifier-type");
        JsonNode ident = args.get("identifier");
        if (type == null || !type.isTextual()) throw KeaError.error("'identifier-type' is either missing or not a string.");
        if (ident == null || !ident.isTextual()) throw KeaError.error("'identifier' is either missing or not a string.");
        if (args.has("subnet-id")) throw KeaError.error("'subnet-id' is forbidden in reservation-get-by-id");
        HostView4.Id id = Lookup.identifier(type.textValue(), ident.textValue());
        Target target = target(args, Target.ALL);
        return hostList(hosts(target), v -> v.matches(id));
    }

    private Answer getByAddress(JsonNode args) throws Exception {
        if (args == null || !args.isObject()) throw KeaError.error("Parameters missing or are not a map.");
        String text = Args.string(args, "ip-address");
        if (!Ipv4.isValid(text)) {
            throw KeaError.error("Failed to convert '" + text + "' to address: Failed to convert string to address '"
                    + text + "': Invalid argument");
        }
        int address = Ipv4.parse(text);
        Long subnetId = args.has("subnet-id") ? Args.integer(args, "subnet-id", 0, SUBNET_ID_MAX) : null;
        Target target = target(args, Target.ALL);
        if (subnetId != null) validateForSubnet(edit.config(), subnetId, null);
        return hostList(hosts(target), v -> v.address() != null && v.address() == address
                && (subnetId == null || v.subnetId() == subnetId));
    }

    private List<HostView4> hosts(Target target) {
        // a "database" query has no database to ask
        return target == Target.DATABASE ? List.of() : HostView4.all(ConfigEdit.document(edit.config()));
    }

    private static Answer hostList(List<HostView4> hosts, Predicate<HostView4> filter) {
        ArrayNode list = KeaJson.array();
        for (HostView4 v : hosts) if (filter.test(v)) list.add(v.toJson());
        ObjectNode result = KeaJson.object();
        result.set("hosts", list);
        return Answer.of(list.isEmpty() ? Answer.EMPTY : Answer.SUCCESS, list.size() + " IPv4 host(s) found.", result);
    }

    // ---- checks ------------------------------------------------------------------------------------------

    /** Kea's getOperationTarget; {@code UNSPECIFIED} ("default" or absent) becomes {@code byDefault}. */
    private static Target target(JsonNode args, Target byDefault) throws KeaError {
        Target t = parseTarget(args);
        return t == Target.UNSPECIFIED ? byDefault : t;
    }

    static Target parseTarget(JsonNode args) throws KeaError {
        if (args.get("operation-target") == null) return Target.UNSPECIFIED;
        String raw = Args.string(args, "operation-target");
        return switch (raw) {
            case "memory" -> Target.MEMORY;
            case "database" -> Target.DATABASE;
            case "all" -> Target.ALL;
            case "default" -> Target.UNSPECIFIED;
            default -> throw KeaError.error("The 'operation-target' value (" + raw
                    + ") is not within expected set: (memory, database, all, default)");
        };
    }

    /** Kea's validateHostForSubnet4. */
    private static void validateForSubnet(Dhcp4Config config, long subnetId, Integer address) throws KeaError {
        if (subnetId == 0) return;
        Subnet4 s = config.subnet(subnetId)
                .orElseThrow(() -> KeaError.error("IPv4 subnet with ID of '" + subnetId + "' is not configured"));
        if (address != null && !s.prefix().contains(address)) {
            throw KeaError.error("specified reservation '" + Ipv4.toString(address)
                    + "' is not matching the IPv4 subnet prefix '" + s.prefix() + "'");
        }
    }

    /** Kea's checkHost4 for a reservation with an address but no subnet-id: name the subnet(s) it belongs to. */
    private static KeaError subnetHint(Dhcp4Config config, int address) {
        Subnet4 candidate = null, guarded = null;
        boolean others = false;
        for (Subnet4 s : config.subnets()) {
            if (!s.prefix().contains(address)) continue;
            if (s.clientClasses().isEmpty()) {
                if (candidate == null) candidate = s;
                else others = true;
            } else if (guarded == null) {
                guarded = s;
            } else {
                others = true;
            }
        }
        if (guarded != null && candidate != null) others = true;
        String prefix = "Mandatory 'subnet-id' parameter missing. The address '" + Ipv4.toString(address) + "'";
        if (candidate == null && guarded == null) return KeaError.error(prefix + " belongs to no configured subnet.");
        Subnet4 s = candidate != null ? candidate : guarded;
        return KeaError.error(prefix + " belongs to " + (candidate != null ? "" : "guarded ") + "subnet '" + s.prefix()
                + "' id " + s.id() + (others ? " and others." : "."));
    }

    /** Kea's CfgHosts::add4 checks against the hosts already in the subnet (ignoring {@code replacing}). */
    private static void checkDuplicates(ObjectNode dhcp4, Dhcp4Config current, long subnetId, NewHost h, long replacing)
            throws KeaError {
        List<HostView4> same = new ArrayList<>();
        for (HostView4 v : HostView4.all(dhcp4)) if (v.subnetId() == subnetId && v.hostId() != replacing) same.add(v);
        for (HostView4 v : same) {
            if (!v.matches(h.id)) continue;
            if (h.id.type() == IdentifierType.HW_ADDRESS) {
                throw KeaError.error("failed to add new host using the HW address '" + h.id.value().toHexColon()
                        + "' to the IPv4 subnet id '" + subnetId + "' as this host has already been added");
            }
            if (h.id.type() == IdentifierType.DUID) {
                throw KeaError.error("failed to add new host using the DUID '" + h.id.value().toHexColon()
                        + "' to the IPv4 subnet id '" + subnetId + "' as this host has already been added");
            }
        }
        if (current.globals().ipReservationsUnique() && h.address != null) {
            for (HostView4 v : same) {
                if (v.address() != null && v.address().equals(h.address)) {
                    String hw = h.id.type() == IdentifierType.HW_ADDRESS ? h.id.value().toHexColon() : "(null)";
                    String duid = h.id.type() == IdentifierType.DUID ? h.id.value().toHexColon() : "(null)";
                    throw KeaError.error("failed to add new host using the HW address '" + hw + " and DUID '" + duid
                            + "' to the IPv4 subnet id '" + subnetId + "' for the address " + Ipv4.toString(h.address)
                            + ": There's already a reservation for this address");
                }
            }
        }
        for (HostView4 v : same) {
            if (v.matches(h.id)) throw KeaError.error("failed to add duplicate IPv4 host using identifier: " + h.id.asText());
        }
    }

    /** The {@code reservations} list of the subnet (0 = global), created when missing. */
    private static ArrayNode reservations(ObjectNode dhcp4, long subnetId) throws KeaError {
        if (subnetId == 0) return dhcp4.withArray("reservations");
        ConfigEdit.SubnetSlot slot = ConfigEdit.subnet(dhcp4, subnetId)
                .orElseThrow(() -> KeaError.error("IPv4 subnet with ID of '" + subnetId + "' is not configured"));
        return slot.node().withArray("reservations");
    }

    // ---- argument shapes ---------------------------------------------------------------------------------

    /** A reservation from reservation-add/-update: its map without "subnet-id" (-1 when absent), id, address. */
    private record NewHost(ObjectNode json, long subnetId, HostView4.Id id, Integer address) {
        static NewHost parse(JsonNode reservation, boolean subnetRequired) throws KeaError {
            if (!reservation.isObject()) throw KeaError.error("mapValue() called on non-map Element");
            ObjectNode json = reservation.deepCopy();
            long subnetId = -1;
            JsonNode sid = json.remove("subnet-id");
            if (sid != null) {
                if (!sid.isIntegralNumber()) throw KeaError.error("'subnet-id' parameter is not integer.");
                if (!sid.canConvertToLong() || sid.longValue() < 0 || sid.longValue() > SUBNET_ID_MAX) {
                    throw KeaError.error("subnet-id: " + sid.asText() + " is invalid, must be between 0 and "
                            + SUBNET_ID_MAX + " (inclusive).");
                }
                subnetId = sid.longValue();
            }
            if (subnetRequired && subnetId < 0) {
                throw KeaError.error("Mandatory 'subnet-id' parameter missing. Use `reservation-get-by-id' or"
                        + " 'reservation-get-by-address' to get the list of reservations with given identifier or address.");
            }
            HostView4.Id id = HostView4.Id.of(json);
            if (id == null) {
                throw KeaError.error("one of the supported identifiers must be specified for host reservation:"
                        + " circuit-id, client-id, duid, flex-id, hw-address");
            }
            Integer address = null;
            JsonNode ip = json.get("ip-address");
            if (ip != null && ip.isTextual() && Ipv4.isValid(ip.textValue()) && Ipv4.parse(ip.textValue()) != 0) {
                address = Ipv4.parse(ip.textValue());
            }
            return new NewHost(json, subnetId, id, address);
        }
    }

    /** Kea's HostCmdsImpl::getParameters (reservation-get / reservation-del). */
    private record Lookup(long subnetId, Integer address, HostView4.Id id, Target target) {
        static Lookup of(JsonNode p) throws KeaError {
            if (p == null || !p.isObject()) throw KeaError.error("Parameters missing or are not a map.");
            JsonNode addr = p.get("ip-address");
            JsonNode type = p.get("identifier-type");
            JsonNode ident = p.get("identifier");
            boolean hasSubnet = p.has("subnet-id") || (addr == null && type == null && ident == null);
            long subnetId = hasSubnet ? Args.integer(p, "subnet-id", 0, SUBNET_ID_MAX) : 0;
            Target target = parseTarget(p);
            if (addr != null) {
                if (!addr.isTextual()) throw KeaError.error("'ip-address' is not a string.");
                if (!Ipv4.isValid(addr.textValue())) {
                    throw KeaError.error("Failed to convert string to address '" + addr.textValue() + "': Invalid argument");
                }
                if (!hasSubnet) {
                    throw KeaError.error("missing parameter 'subnet-id', use 'reservation-get-by-address' with 'ip-address'"
                            + " set to \"" + addr.textValue() + "\" to get the list of reservations with this address");
                }
                return new Lookup(subnetId, Ipv4.parse(addr.textValue()), null, target);
            }
            if (type == null || !type.isTextual()) {
                throw KeaError.error("No 'ip-address' provided and 'identifier-type' is either missing or not a string.");
            }
            if (ident == null || !ident.isTextual()) {
                throw KeaError.error("No 'ip-address' provided and 'identifier' is either missing or not a string.");
            }
            HostView4.Id id = identifier(type.textValue(), ident.textValue());
            if (!hasSubnet) {
                throw KeaError.error("missing parameter 'subnet-id', use 'reservation-get-by-id' with 'identifier-type' set to \""
                        + type.textValue() + "\" and 'identifier' to \"" + ident.textValue()
                        + "\" to get the list of reservations with this identifier");
            }
            return new Lookup(subnetId, null, id, target);
        }

        static HostView4.Id identifier(String type, String text) throws KeaError {
            dev.nestor.common.Bytes value;
            try {
                value = KeaHex.identifier(text);
            } catch (IllegalArgumentException e) {
                throw KeaError.error("Unable to parse 'identifier' value.");
            }
            if (value.isEmpty()) throw KeaError.error("Unable to query for empty 'identifier'.");
            IdentifierType t = IdentifierType.fromKeaName(type);
            if (t == null) throw KeaError.error("Value of 'identifier-type' was not recognized.");
            return new HostView4.Id(t, value);
        }

        boolean matches(HostView4 v) {
            if (v.subnetId() != subnetId) return false;
            return address != null ? address.equals(v.address()) : v.matches(id);
        }
    }
}
