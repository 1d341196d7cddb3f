package dev.nestor.dhcp.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nestor.common.Bytes;
import dev.nestor.control.Answer;
import dev.nestor.control.CommandRegistry;
import dev.nestor.control.KeaJson;
import dev.nestor.lease.LeaseStoreException;
import dev.nestor.lease.host.Host;
import dev.nestor.lease.host.HostIdentifierType;
import dev.nestor.lease.host.HostStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Kea's host_cmds hook library (src/hooks/dhcp/host_cmds/host_cmds.cc), for DHCPv4 and DHCPv6 alike:
 * reservation-add, -update, -del, -get, -get-all, -get-page, -get-by-hostname, -get-by-id and -get-by-address, with
 * Kea's texts and result codes and its {@code operation-target} rules; what differs per protocol is a
 * {@link HostFamily}. Reservations live in the config (Kea's "memory" source) and in the host databases of
 * {@code hosts-databases}. The modifying commands go to the databases by default ("database"), as in Kea, and
 * refuse without one; {@code "operation-target": "memory"} edits the running config's JSON document and swaps the
 * re-parsed config in (see {@link ConfigEdit}); {@code "all"} does both. Queries look at both unless told otherwise.
 *
 * @param <C> the parsed config type
 */
public final class HostCommands<C> {
    private static final long SUBNET_ID_MAX = SubnetCommands.SUBNET_ID_MAX;

    /** Kea's HostMgrOperationTarget as host_cmds sees it. */
    private enum Target { UNSPECIFIED, MEMORY, DATABASE, ALL }

    private final ConfigEdit<C> edit;
    private final HostFamily<C> hosts;
    private final DhcpFamily<C> family;
    private final String ip;
    private final HostDatabaseAccess<C> db;

    private HostCommands(ConfigEdit<C> edit, HostFamily<C> hosts) {
        this.edit = edit;
        this.hosts = hosts;
        this.family = edit.family();
        this.ip = family.ip();
        this.db = new HostDatabaseAccess<>(family);
    }

    public static <C> void registerAll(CommandRegistry r, ConfigEdit<C> edit, HostFamily<C> hosts) {
        HostCommands<C> c = new HostCommands<>(edit, hosts);
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
        C config = edit.config();
        NewHost h = parse(reservation, false);
        boolean forceGlobal = false;
        if (h.subnetId < 0) {
            KeaError hint = hosts.missingSubnet(config, h.addresses, h.prefixes);
            if (hint != null) throw hint;
            forceGlobal = true;
        }
        long subnetId = Math.max(0, h.subnetId);
        List<HostStore> stores = db.stores(config);
        if (target == Target.DATABASE && stores.isEmpty()) throw KeaError.error("Host database not available, cannot add host.");
        validateForSubnet(config, subnetId, h.addresses);
        if (target != Target.MEMORY && !stores.isEmpty()) {
            addToDatabases(config, stores, h, subnetId);
            if (target == Target.DATABASE) {
                return Answer.success(forceGlobal ? "Host added. subnet-id not specified, assumed global (subnet-id 0)." : "Host added.");
            }
        }
        edit.change((root, current) -> {
            checkDuplicates(root, current, subnetId, h, -1);
            reservations(root, subnetId).add(h.json);
            return null;
        });
        return Answer.success(forceGlobal ? "Host added. subnet-id not specified, assumed global (subnet-id 0)." : "Host added.");
    }

    /** Kea's HostMgr::add: every writable database gets the host; the unique keys refuse duplicates. */
    private void addToDatabases(C config, List<HostStore> stores, NewHost h, long subnetId) throws KeaError {
        Host host = db.toHost(config, h.json, h.id, subnetId);
        List<HostStore> writable = stores.stream().filter(s -> !s.readonly()).toList();
        if (writable.isEmpty()) throw KeaError.error("Host database is read-only, cannot add host.");
        if (family.ipReservationsUnique(config)) {
            for (String a : h.addresses) {
                for (HostStore s : stores) {
                    if (!s.getByAddress(db.storeFamily(), subnetId, db.addressBytes(a)).isEmpty()) {
                        throw KeaError.error("failed to add new host using the HW address '" + h.id.hwText() + " and DUID '"
                                + h.id.duidText() + "' to the " + ip + " subnet id '" + subnetId + "' for the address "
                                + a + ": There's already a reservation for this address");
                    }
                }
            }
        }
        for (HostStore s : writable) {
            try {
                s.add(host);
            } catch (LeaseStoreException e) {
                if (e.getMessage() != null && e.getMessage().contains("duplicate")) {
                    throw KeaError.error("Database duplicate entry error");
                }
                throw KeaError.error("Unable to add the host: " + e.getMessage());
            }
        }
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
        NewHost h = parse(reservation, true);
        C config = edit.config();
        List<HostStore> stores = db.stores(config);
        if (target == Target.DATABASE && stores.isEmpty()) throw KeaError.error("host database not available, cannot update host");
        validateForSubnet(config, h.subnetId, h.addresses);
        // Kea's HostMgr::update: the config first, then every database
        if (target != Target.DATABASE) {
            edit.change((root, current) -> {
                HostView old = HostView.all(edit, hosts, root).stream()
                        .filter(v -> v.subnetId() == h.subnetId && v.matches(h.id)).findFirst()
                        .orElseThrow(() -> KeaError.error("Host not updated (not found)."));
                checkDuplicates(root, current, h.subnetId, h, old.hostId());
                old.list().set(old.index(), h.json);
                return null;
            });
        }
        if (target != Target.MEMORY) updateInDatabases(config, stores, h);
        return Answer.success("Host updated.");
    }

    /**
     * Kea's update of a database host source: the host with this identifier in this subnet is deleted and the new one
     * added, in one transaction per database (a read-only or a failing database leaves its old host).
     */
    private void updateInDatabases(C config, List<HostStore> stores, NewHost h) throws KeaError {
        if (stores.isEmpty()) return; // "all" without a database: the config alone, as Kea
        Host host = db.toHost(config, h.json, h.id, h.subnetId);
        for (HostStore s : stores) {
            try {
                if (s.update(host).isEmpty()) throw KeaError.error("Host not updated (not found).");
            } catch (LeaseStoreException e) {
                if (s.readonly()) throw KeaError.error("Host database is read-only, cannot update host.");
                if (e.getMessage() != null && e.getMessage().contains("duplicate")) {
                    throw KeaError.error("Database duplicate entry error");
                }
                throw KeaError.error("Unable to update the host: " + e.getMessage());
            }
        }
    }

    private Answer del(JsonNode args) throws Exception {
        Lookup p = lookup(args);
        Target target = p.target == Target.UNSPECIFIED ? Target.DATABASE : p.target;
        List<HostStore> stores = db.stores(edit.config());
        if (target == Target.DATABASE && stores.isEmpty()) {
            throw KeaError.error("Unable to delete a host because there is no hosts-databases configured.");
        }
        boolean fromDatabases = false;
        if (target != Target.MEMORY) {
            for (HostStore s : stores) {
                if (s.readonly()) continue;
                try {
                    fromDatabases |= p.address != null
                            ? s.delete(db.storeFamily(), p.subnetId, db.addressBytes(p.address))
                            : s.delete(db.storeFamily(), p.subnetId, HostIdentifierType.ofKeaName(p.id.type()), p.id.value());
                } catch (LeaseStoreException e) {
                    throw KeaError.error("Unable to delete the host: " + e.getMessage());
                }
            }
            if (target == Target.DATABASE) {
                if (!fromDatabases) throw KeaError.empty("Host not deleted (not found).");
                return Answer.success("Host deleted.");
            }
        }
        boolean deleted = fromDatabases | (boolean) edit.change((root, current) -> {
            for (HostView v : HostView.all(edit, hosts, root)) {
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
        Lookup p = lookup(args);
        for (HostView v : hostsIn(p.target, s -> p.address != null
                ? s.getByAddress(db.storeFamily(), p.subnetId, db.addressBytes(p.address))
                : s.get(db.storeFamily(), p.subnetId, HostIdentifierType.ofKeaName(p.id.type()), p.id.value()).stream().toList())) {
            if (p.matches(v)) return Answer.success("Host found.", hosts.toJson(v));
        }
        throw KeaError.empty("Host not found.");
    }

    private Answer getAll(JsonNode args) throws Exception {
        if (args == null || !args.isObject()) throw KeaError.error("Parameters missing or are not a map.");
        long subnetId = Args.integer(args, "subnet-id", 0, SUBNET_ID_MAX);
        Target target = target(args, Target.ALL);
        validateForSubnet(edit.config(), subnetId, List.of());
        return hostList(hostsIn(target, s -> s.getAll(db.storeFamily(), subnetId)), v -> v.subnetId() == subnetId);
    }

    private Answer getPage(JsonNode args) throws Exception {
        if (args == null || !args.isObject()) throw KeaError.error("Parameters missing or are not a map.");
        long limit = Args.integer(args, "limit", 0, 0xFFFFFFFFL);
        Long subnetId = args.has("subnet-id") ? Args.integer(args, "subnet-id", 0, SUBNET_ID_MAX) : null;
        long sourceIndex = args.get("source-index") != null ? Args.integer(args, "source-index", 0, 10) : 0;
        long from = args.get("from") != null ? Args.integer(args, "from") : 0;
        if (limit == 0) throw KeaError.error("page size of retrieved hosts must not be zero");
        if (subnetId != null) validateForSubnet(edit.config(), subnetId, List.of());
        ArrayNode list = KeaJson.array();
        long last = 0;
        // source 0 is the config, then the host databases in order; an exhausted source moves on to the next
        List<HostStore> stores = db.stores(edit.config());
        if (sourceIndex == 0) {
            for (HostView v : HostView.all(edit, hosts, edit.document())) {
                if (list.size() >= limit) break;
                if (v.hostId() <= from || (subnetId != null && v.subnetId() != subnetId)) continue;
                list.add(hosts.toJson(v));
                last = v.hostId();
            }
            if (list.isEmpty() && !stores.isEmpty()) {
                sourceIndex = 1;
                from = 0;
            }
        }
        while (list.isEmpty() && sourceIndex >= 1 && sourceIndex <= stores.size()) {
            int size = (int) Math.min(limit, 10_000);
            for (Host h : stores.get((int) sourceIndex - 1).getPage(db.storeFamily(), subnetId, from, size)) {
                list.add(hosts.toJson(db.view(edit.config(), h, hosts)));
                last = h.hostId();
            }
            if (list.isEmpty() && sourceIndex < stores.size()) {
                sourceIndex++;
                from = 0;
            } else {
                break;
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
        return Answer.of(list.isEmpty() ? Answer.EMPTY : Answer.SUCCESS, list.size() + " " + ip + " host(s) found.", result);
    }

    private Answer getByHostname(JsonNode args) throws Exception {
        if (args == null || !args.isObject()) throw KeaError.error("Parameters missing or are not a map.");
        String hostname = Args.string(args, "hostname");
        Long subnetId = args.has("subnet-id") ? Args.integer(args, "subnet-id", 0, SUBNET_ID_MAX) : null;
        Target target = target(args, Target.ALL);
        if (hostname.isEmpty()) throw KeaError.error("Empty hostname");
        if (subnetId != null) validateForSubnet(edit.config(), subnetId, List.of());
        String lower = hostname.toLowerCase(Locale.ROOT);
        return hostList(hostsIn(target, s -> s.getByHostname(db.storeFamily(), hostname, subnetId)),
                v -> v.hasHostname(lower) && (subnetId == null || v.subnetId() == subnetId));
    }

    private Answer getById(JsonNode args) throws Exception {
        if (args == null || !args.isObject()) throw KeaError.error("Parameters missing or are not a map.");
        JsonNode type = args.get("identifier-type");
        JsonNode ident = args.get("identifier");
        if (type == null || !type.isTextual()) throw KeaError.error("'identifier-type' is either missing or not a string.");
        if (ident == null || !ident.isTextual()) throw KeaError.error("'identifier' is either missing or not a string.");
        if (args.has("subnet-id")) throw KeaError.error("'subnet-id' is forbidden in reservation-get-by-id");
        HostView.Id id = identifier(type.textValue(), ident.textValue());
        Target target = target(args, Target.ALL);
        return hostList(hostsIn(target, s -> s.getByIdentifier(HostIdentifierType.ofKeaName(id.type()), id.value()).stream()
                .filter(h -> h.subnetId(db.storeFamily()) != null).toList()), v -> v.matches(id));
    }

    private Answer getByAddress(JsonNode args) throws Exception {
        if (args == null || !args.isObject()) throw KeaError.error("Parameters missing or are not a map.");
        String text = Args.string(args, "ip-address");
        String address = hosts.address(text);
        if (address == null) {
            throw KeaError.error("Failed to convert '" + text + "' to address: Failed to convert string to address '"
                    + text + "': Invalid argument");
        }
        Long subnetId = args.has("subnet-id") ? Args.integer(args, "subnet-id", 0, SUBNET_ID_MAX) : null;
        Target target = target(args, Target.ALL);
        if (subnetId != null) validateForSubnet(edit.config(), subnetId, List.of());
        return hostList(hostsIn(target, s -> {
            List<Host> found = new ArrayList<>();
            if (subnetId != null) return s.getByAddress(db.storeFamily(), subnetId, db.addressBytes(address));
            // one indexed lookup per configured subnet and the global reservations, never a table scan
            found.addAll(s.getByAddress(db.storeFamily(), 0, db.addressBytes(address)));
            for (SubnetView sv : family.subnets(edit.config())) {
                if (sv.contains(address)) found.addAll(s.getByAddress(db.storeFamily(), sv.id(), db.addressBytes(address)));
            }
            return found;
        }), v -> v.reserves(address) && (subnetId == null || v.subnetId() == subnetId));
    }

    /** A lookup in one host database. */
    @FunctionalInterface
    private interface StoreQuery {
        List<Host> run(HostStore store);
    }

    /**
     * The reservations a query sees: the config's (unless the target is "database") followed by what {@code query}
     * finds in each host database (unless the target is "memory").
     */
    private List<HostView> hostsIn(Target target, StoreQuery query) throws KeaError {
        List<HostView> out = new ArrayList<>();
        if (target != Target.DATABASE) out.addAll(HostView.all(edit, hosts, edit.document()));
        if (target == Target.MEMORY) return out;
        C config = edit.config();
        for (HostStore s : db.stores(config)) {
            try {
                for (Host h : query.run(s)) out.add(db.view(config, h, hosts));
            } catch (RuntimeException e) {
                throw KeaError.error("hosts database query failed: " + e.getMessage());
            }
        }
        return out;
    }

    private Answer hostList(List<HostView> found, Predicate<HostView> filter) {
        ArrayNode list = KeaJson.array();
        for (HostView v : found) if (filter.test(v)) list.add(hosts.toJson(v));
        ObjectNode result = KeaJson.object();
        result.set("hosts", list);
        return Answer.of(list.isEmpty() ? Answer.EMPTY : Answer.SUCCESS, list.size() + " " + ip + " host(s) found.", result);
    }

    // ---- checks ------------------------------------------------------------------------------------------

    /** Kea's getOperationTarget; {@code UNSPECIFIED} ("default" or absent) becomes {@code byDefault}. */
    private static Target target(JsonNode args, Target byDefault) throws KeaError {
        Target t = parseTarget(args);
        return t == Target.UNSPECIFIED ? byDefault : t;
    }

    private static Target parseTarget(JsonNode args) throws KeaError {
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

    /** Kea's validateHostForSubnet4 / validateHostForSubnet6. */
    private void validateForSubnet(C config, long subnetId, List<String> addresses) throws KeaError {
        if (subnetId == 0) return;
        SubnetView s = family.subnet(config, subnetId)
                .orElseThrow(() -> KeaError.error(ip + " subnet with ID of '" + subnetId + "' is not configured"));
        for (String address : addresses) {
            if (!s.contains(address)) {
                throw KeaError.error("specified reservation '" + address + "' is not matching the " + ip
                        + " subnet prefix '" + s.prefix() + "'");
            }
        }
    }

    /**
     * The subnet a reservation's addresses all belong to, for the "subnet-id missing" hints of checkHost4 and
     * checkHost6: the first unguarded one, else the first guarded one; {@code others} when more than one fits.
     */
    public record Candidate(SubnetView subnet, boolean guarded, boolean others) {
        /** Null when no subnet holds every address. */
        public static <C> Candidate of(DhcpFamily<C> family, C config, List<String> addresses) {
            SubnetView candidate = null, guarded = null;
            boolean others = false;
            for (SubnetView s : family.subnets(config)) {
                if (!addresses.stream().allMatch(s::contains)) continue;
                if (!s.guarded()) {
                    if (candidate == null) candidate = s;
                    else others = true;
                } else if (guarded == null) {
                    guarded = s;
                } else {
                    others = true;
                }
            }
            if (guarded != null && candidate != null) others = true;
            if (candidate == null && guarded == null) return null;
            return candidate != null ? new Candidate(candidate, false, others) : new Candidate(guarded, true, others);
        }

        /** "subnet '192.0.2.0/24' id 1." or "guarded subnet '...' id 2 and others." */
        public String describe() {
            return (guarded ? "guarded " : "") + "subnet '" + subnet.prefix() + "' id " + subnet.id() + (others ? " and others." : ".");
        }
    }

    /** Kea's CfgHosts::add4 / add6 checks against the hosts already in the subnet (ignoring {@code replacing}). */
    private void checkDuplicates(ObjectNode root, C current, long subnetId, NewHost h, long replacing) throws KeaError {
        List<HostView> same = new ArrayList<>();
        for (HostView v : HostView.all(edit, hosts, root)) if (v.subnetId() == subnetId && v.hostId() != replacing) same.add(v);
        for (HostView v : same) {
            if (!v.matches(h.id)) continue;
            if (h.id.type().equals("hw-address")) {
                throw KeaError.error("failed to add new host using the HW address '" + h.id.value().toHexColon()
                        + "' to the " + ip + " subnet id '" + subnetId + "' as this host has already been added");
            }
            if (h.id.type().equals("duid")) {
                throw KeaError.error("failed to add new host using the DUID '" + h.id.value().toHexColon()
                        + "' to the " + ip + " subnet id '" + subnetId + "' as this host has already been added");
            }
        }
        if (family.ipReservationsUnique(current)) {
            KeaError reserved = hosts.reservedAddress(same, h.id, h.addresses, h.prefixes, subnetId);
            if (reserved != null) throw reserved;
        }
        // Kea checks the identifier tuple itself for IPv4 subnets only
        if (family.version() == 4) {
            for (HostView v : same) {
                if (v.matches(h.id)) throw KeaError.error("failed to add duplicate IPv4 host using identifier: " + h.id.asText());
            }
        }
    }

    /** The {@code reservations} list of the subnet (0 = global), created when missing. */
    private ArrayNode reservations(ObjectNode root, long subnetId) throws KeaError {
        if (subnetId == 0) return root.withArray("reservations");
        ConfigEdit.SubnetSlot slot = edit.subnet(root, subnetId)
                .orElseThrow(() -> KeaError.error(ip + " subnet with ID of '" + subnetId + "' is not configured"));
        return slot.node().withArray("reservations");
    }

    // ---- argument shapes ---------------------------------------------------------------------------------

    /** A reservation from reservation-add/-update: its map without "subnet-id" (-1 when absent), id, addresses. */
    private record NewHost(ObjectNode json, long subnetId, HostView.Id id, List<String> addresses, List<String> prefixes) {}

    private NewHost parse(JsonNode reservation, boolean subnetRequired) throws KeaError {
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
        HostView.Id id = HostView.Id.of(hosts.identifiers(), json);
        if (id == null) {
            throw KeaError.error("one of the supported identifiers must be specified for host reservation: "
                    + String.join(", ", hosts.identifiers().stream().sorted().toList()));
        }
        return new NewHost(json, subnetId, id, hosts.addresses(json), hosts.prefixes(json));
    }

    /** Kea's HostCmdsImpl::getParameters (reservation-get / reservation-del). */
    private record Lookup(long subnetId, String address, HostView.Id id, Target target) {
        boolean matches(HostView v) {
            if (v.subnetId() != subnetId) return false;
            return address != null ? v.reserves(address) : v.matches(id);
        }
    }

    private Lookup lookup(JsonNode p) throws KeaError {
        if (p == null || !p.isObject()) throw KeaError.error("Parameters missing or are not a map.");
        JsonNode addr = p.get("ip-address");
        JsonNode type = p.get("identifier-type");
        JsonNode ident = p.get("identifier");
        boolean hasSubnet = p.has("subnet-id") || (addr == null && type == null && ident == null);
        long subnetId = hasSubnet ? Args.integer(p, "subnet-id", 0, SUBNET_ID_MAX) : 0;
        Target target = parseTarget(p);
        if (addr != null) {
            if (!addr.isTextual()) throw KeaError.error("'ip-address' is not a string.");
            String address = hosts.address(addr.textValue());
            if (address == null) {
                throw KeaError.error("Failed to convert string to address '" + addr.textValue() + "': Invalid argument");
            }
            if (!hasSubnet) {
                throw KeaError.error("missing parameter 'subnet-id', use 'reservation-get-by-address' with 'ip-address'"
                        + " set to \"" + addr.textValue() + "\" to get the list of reservations with this address");
            }
            return new Lookup(subnetId, address, null, target);
        }
        if (type == null || !type.isTextual()) {
            throw KeaError.error("No 'ip-address' provided and 'identifier-type' is either missing or not a string.");
        }
        if (ident == null || !ident.isTextual()) {
            throw KeaError.error("No 'ip-address' provided and 'identifier' is either missing or not a string.");
        }
        HostView.Id id = identifier(type.textValue(), ident.textValue());
        if (!hasSubnet) {
            throw KeaError.error("missing parameter 'subnet-id', use 'reservation-get-by-id' with 'identifier-type' set to \""
                    + type.textValue() + "\" and 'identifier' to \"" + ident.textValue()
                    + "\" to get the list of reservations with this identifier");
        }
        return new Lookup(subnetId, null, id, target);
    }

    private HostView.Id identifier(String type, String text) throws KeaError {
        Bytes value;
        try {
            value = KeaHex.identifier(text);
        } catch (IllegalArgumentException e) {
            throw KeaError.error("Unable to parse 'identifier' value.");
        }
        if (value.isEmpty()) throw KeaError.error("Unable to query for empty 'identifier'.");
        if (!hosts.identifiers().contains(type)) throw KeaError.error("Value of 'identifier-type' was not recognized.");
        return new HostView.Id(type, value);
    }
}
