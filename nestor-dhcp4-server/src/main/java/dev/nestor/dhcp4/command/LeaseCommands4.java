package dev.nestor.dhcp4.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nestor.common.Bytes;
import dev.nestor.common.net.HwAddress;
import dev.nestor.common.net.Ipv4;
import dev.nestor.config.model.Dhcp4Config;
import dev.nestor.config.model.Subnet4;
import dev.nestor.control.Answer;
import dev.nestor.control.CommandRegistry;
import dev.nestor.control.KeaJson;
import dev.nestor.dhcp4.Dhcp4Server;
import dev.nestor.lease.Lease4;
import dev.nestor.lease.LeaseStore4;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Kea's lease_cmds hook library for DHCPv4 (src/hooks/dhcp/lease_cmds/lease_cmds.cc): lease4-add, -update, -del,
 * -get, -get-all, -get-page, -get-by-hw-address, -get-by-client-id, -get-by-hostname, -wipe and -write, with Kea's
 * argument names, texts and result codes. Writes go through the store's compare-and-set primitives, so a lease a
 * client changed in between is never overwritten blindly (the command answers with a conflict instead); the
 * lease statistics follow every change. Needs only the server's runtime, store, clock and statistics.
 */
public final class LeaseCommands4 {
    private final Dhcp4Server server;

    private LeaseCommands4(Dhcp4Server server) {
        this.server = server;
    }

    public static void registerAll(CommandRegistry r, Dhcp4Server server) {
        LeaseCommands4 c = new LeaseCommands4(server);
        r.register("lease4-add", Args.handler(c::add));
        r.register("lease4-update", Args.handler(c::update));
        r.register("lease4-del", Args.handler(c::del));
        r.register("lease4-get", Args.handler(c::get));
        r.register("lease4-get-all", Args.handler(c::getAll));
        r.register("lease4-get-page", Args.handler(c::getPage));
        r.register("lease4-get-by-hw-address", Args.handler(c::getByHwAddress));
        r.register("lease4-get-by-client-id", Args.handler(c::getByClientId));
        r.register("lease4-get-by-hostname", Args.handler(c::getByHostname));
        r.register("lease4-wipe", Args.handler(c::wipe));
        r.register("lease4-write", Args.handler(c::write));
    }

    private LeaseStore4 store() {
        return server.runtime().store();
    }

    private Dhcp4Config config() {
        return server.runtime().config();
    }

    // ---- add / update / del ---------------------------------------------------------------------------

    private Answer add(JsonNode args) throws Exception {
        if (args == null) throw KeaError.error("no parameters specified for the command");
        Lease4 lease = LeaseParser4.parse(config(), args, server.clock().epochSeconds()).lease();
        if (!store().add(lease)) throw KeaError.conflict("IPv4 lease already exists.");
        LeaseStats4.change(server.stats(), null, lease);
        return Answer.success("Lease for address " + Ipv4.toString(lease.address()) + ", subnet-id "
                + lease.subnetId() + " added.");
    }

    private Answer update(JsonNode args) throws Exception {
        if (args == null) throw KeaError.error("no parameters specified for lease4-update command");
        LeaseParser4.Parsed p = LeaseParser4.parse(config(), args, server.clock().epochSeconds());
        Lease4 lease = p.lease();
        Optional<Lease4> existing = store().get(lease.address());
        if (existing.isEmpty() && p.forceCreate()) {
            if (!store().add(lease)) throw KeaError.conflict("lost race between calls to get and add");
            LeaseStats4.change(server.stats(), null, lease);
            return Answer.success("IPv4 lease added.");
        }
        if (existing.isEmpty() || !store().replace(existing.get(), lease)) {
            throw KeaError.conflict("failed to update the lease with address " + Ipv4.toString(lease.address())
                    + " either because the lease has been deleted or it has changed in the database, in both cases"
                    + " a retry might succeed");
        }
        LeaseStats4.change(server.stats(), existing.get(), lease);
        return Answer.success("IPv4 lease updated.");
    }

    private Answer del(JsonNode args) throws Exception {
        Query q = Query.of(args);
        if (q.duid) throw KeaError.error("Delete by duid is not allowed in v4.");
        Optional<Lease4> lease = find(q);
        if (lease.isEmpty()) throw KeaError.empty("IPv4 lease not found.");
        if (!store().delete(lease.get())) throw KeaError.empty("IPv4 lease not found.");
        LeaseStats4.change(server.stats(), lease.get(), null);
        return Answer.success("IPv4 lease deleted.");
    }

    // ---- queries ----------------------------------------------------------------------------------------

    private Answer get(JsonNode args) throws Exception {
        Query q = Query.of(args);
        if (q.duid) throw KeaError.error("Query by duid is not allowed in v4.");
        Optional<Lease4> lease = find(q);
        if (lease.isEmpty()) throw KeaError.empty("Lease not found.");
        return Answer.success("IPv4 lease found.", LeaseJson.toJson(lease.get()));
    }

    private Optional<Lease4> find(Query q) {
        if (q.address != null) return store().get(q.address);
        List<Lease4> found = q.hw != null ? store().getByHwAddress(q.hw, q.subnetId) : store().getByClientId(q.clientId, q.subnetId);
        return found.stream().findFirst();
    }

    private Answer getAll(JsonNode args) throws Exception {
        List<Lease4> leases = new ArrayList<>();
        if (args != null) {
            JsonNode subnets = args.get("subnets");
            if (subnets == null) throw KeaError.error("'subnets' parameter not specified");
            if (!subnets.isArray()) throw KeaError.error("'subnets' parameter must be a list");
            for (JsonNode id : subnets) {
                if (!id.isIntegralNumber()) throw KeaError.error("listed subnet identifiers must be numbers");
                if (!id.canConvertToLong() || id.longValue() < 0 || id.longValue() > 0xFFFFFFFFL) {
                    throw KeaError.error("out of range subnet identifier " + id.asText());
                }
                leases.addAll(store().getBySubnet(id.longValue()));
            }
        } else {
            leases.addAll(store().getAll());
        }
        return leaseList(leases, false);
    }

    private Answer getPage(JsonNode args) throws Exception {
        if (args == null) throw KeaError.error("no parameters specified for the lease4-get-page command");
        JsonNode from = args.get("from");
        if (from == null) throw KeaError.error("'from' parameter not specified");
        if (!from.isTextual()) throw KeaError.error("'from' parameter must be a string");
        int start;
        if (from.textValue().equals("start")) {
            start = 0;
        } else if (from.textValue().indexOf(':') >= 0 && isIpv6(from.textValue())) {
            throw KeaError.error("'from' parameter value " + from.textValue() + " is not an IPv4 address");
        } else if (Ipv4.isValid(from.textValue())) {
            start = Ipv4.parse(from.textValue());
        } else {
            throw KeaError.error("'from' parameter value is neither 'start' keyword nor a valid IPv4 address");
        }
        JsonNode limit = args.get("limit");
        if (limit == null) throw KeaError.error("'limit' parameter not specified");
        if (!limit.isIntegralNumber()) throw KeaError.error("'limit' parameter must be a number");
        if (!limit.canConvertToLong() || limit.longValue() < 0 || limit.longValue() > 0xFFFFFFFFL) {
            throw KeaError.error("'limit' parameter is not a 32 bit unsigned integer.");
        }
        if (limit.longValue() == 0) throw KeaError.error("'limit' parameter must not be 0.");
        int size = (int) Math.min(limit.longValue(), Integer.MAX_VALUE);
        return leaseList(store().getPage(start, size), true);
    }

    private Answer getByHwAddress(JsonNode args) throws Exception {
        JsonNode hw = mapArgument(args, "hw-address");
        if (hw.textValue().isEmpty()) throw KeaError.error("'hw-address' parameter must not be empty");
        HwAddress address;
        try {
            address = new HwAddress(HwAddress.HTYPE_ETHERNET, KeaHex.colonSeparated(hw.textValue()).toArray());
        } catch (IllegalArgumentException e) {
            throw KeaError.error("bad 'hw-address' parameter: " + e.getMessage());
        }
        return leaseList(store().getByHwAddress(address), false);
    }

    private Answer getByClientId(JsonNode args) throws Exception {
        JsonNode id = mapArgument(args, "client-id");
        Bytes clientId;
        try {
            clientId = LeaseParser4.clientId(id.textValue());
        } catch (KeaError e) {
            throw KeaError.error("bad 'client-id' parameter: " + e.getMessage());
        }
        return leaseList(store().getByClientId(clientId), false);
    }

    private Answer getByHostname(JsonNode args) throws Exception {
        JsonNode name = mapArgument(args, "hostname");
        if (name.textValue().isEmpty()) throw KeaError.error("'hostname' parameter is empty");
        return leaseList(store().getByHostname(name.textValue().toLowerCase(Locale.ROOT)), false);
    }

    /** The mandatory string argument of the get-by-* commands, with Kea's texts. */
    private static JsonNode mapArgument(JsonNode args, String name) throws KeaError {
        if (args == null || !args.isObject()) throw KeaError.error("Command arguments missing or a not a map.");
        JsonNode v = args.get(name);
        if (v == null) throw KeaError.error("'" + name + "' parameter not specified");
        if (!v.isTextual()) throw KeaError.error("'" + name + "' parameter must be a string");
        return v;
    }

    private static Answer leaseList(List<Lease4> leases, boolean withCount) {
        ArrayNode list = KeaJson.array();
        leases.forEach(l -> list.add(LeaseJson.toJson(l)));
        ObjectNode args = KeaJson.object();
        args.set("leases", list);
        if (withCount) args.put("count", list.size());
        return Answer.of(list.isEmpty() ? Answer.EMPTY : Answer.SUCCESS, list.size() + " IPv4 lease(s) found.", args);
    }

    // ---- wipe / write -----------------------------------------------------------------------------------

    private Answer wipe(JsonNode args) throws Exception {
        long id = args != null && args.has("subnet-id") ? Args.uint32(args, "subnet-id") : 0;
        List<Long> ids = new ArrayList<>();
        if (id != 0) ids.add(id);
        else for (Subnet4 s : config().subnets()) ids.add(s.id());
        long num = 0;
        StringBuilder text = new StringBuilder();
        var stats = server.stats();
        for (long sid : ids) {
            num += store().wipe(sid);
            text.append(' ').append(sid);
            String p = "subnet[" + sid + "].";
            long declined = stats.observation(p + "declined-addresses").isPresent() ? stats.get(p + "declined-addresses") : 0;
            stats.set(p + "assigned-addresses", 0L);
            stats.set(p + "declined-addresses", 0L);
            if (id != 0) stats.add("declined-addresses", -declined);
        }
        if (id == 0) stats.set("declined-addresses", 0L);
        return Answer.of(num > 0 ? Answer.SUCCESS : Answer.EMPTY, "Deleted " + num + " IPv4 lease(s) from subnet(s)" + text);
    }

    private Answer write(JsonNode args) throws Exception {
        if (args == null) throw KeaError.error("no parameters specified for the command");
        JsonNode file = args.get("filename");
        if (file == null) throw KeaError.error("'filename' parameter not specified");
        if (!file.isTextual()) throw KeaError.error("'filename' parameter must be a string");
        Path target = validatePath(file.textValue());
        if (target.equals(ownLeaseFile())) {
            // the store owns its file: everything it holds is already there, so make that durable instead of
            // replacing the file under it
            store().flush();
        } else {
            try {
                LeaseCsvWriter4.write(target, store().getAll());
            } catch (java.io.IOException e) {
                throw KeaError.error("unable to write lease file '" + target + "': " + e.getMessage());
            }
        }
        return Answer.success("IPv4 lease database into '" + target + "'.");
    }

    /** Kea 3's PathChecker: a bare file name goes to the data directory; a directory must be that directory. */
    private Path validatePath(String input) throws KeaError {
        Path dataDir = server.options().dataDirectory().toAbsolutePath().normalize();
        String text = input.strip();
        Path p = Path.of(text);
        Path name = p.getFileName();
        if (text.isEmpty() || name == null || name.toString().equals(".") || name.toString().equals("..")) {
            throw KeaError.error("'filename' parameter is invalid: path: '" + text + "' has no filename");
        }
        Path parent = p.getParent();
        if (parent != null && (!parent.toAbsolutePath().normalize().equals(dataDir) || parent.toString().equals("/"))) {
            throw KeaError.error("'filename' parameter is invalid: invalid path specified: '" + parent
                    + "', supported path is '" + dataDir + "'");
        }
        return dataDir.resolve(name.toString());
    }

    private Path ownLeaseFile() {
        var db = config().leaseDatabase();
        if (!"memfile".equals(db.getOrDefault("type", "memfile"))) return null;
        String name = db.getOrDefault("name", "kea-leases4.csv");
        return server.options().dataDirectory().resolve(name).toAbsolutePath().normalize();
    }

    private static boolean isIpv6(String text) {
        try {
            return java.net.InetAddress.ofLiteral(text) instanceof java.net.Inet6Address;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    // ---- lease4-get / lease4-del parameters (Kea's LeaseCmdsImpl::getParameters) ---------------------------

    private record Query(Integer address, HwAddress hw, Bytes clientId, boolean duid, long subnetId) {
        static Query of(JsonNode p) throws KeaError {
            if (p == null || !p.isObject()) throw KeaError.error("Parameters missing or are not a map.");
            if (p.has("update-ddns") && !p.get("update-ddns").isBoolean()) throw KeaError.error("'update-ddns' is not a boolean");
            if (p.has("type")) {
                String t = p.get("type").asText();
                if (!List.of("IA_NA", "0", "IA_PD", "2", "V4", "3").contains(t)) {
                    throw KeaError.error("Invalid lease type specified: " + t + ", only supported values are: IA_NA, IA_PD and V4");
                }
            }
            JsonNode ip = p.get("ip-address");
            if (ip != null) {
                if (!ip.isTextual()) throw KeaError.error("'ip-address' is not a string.");
                String t = ip.textValue();
                if (Ipv4.isValid(t)) return new Query(Ipv4.parse(t), null, null, false, 0);
                if (isIpv6(t)) throw KeaError.error("Invalid IPv4 address specified: " + t);
                throw KeaError.error("Failed to convert string to address '" + t + "': Invalid argument");
            }
            JsonNode sid = p.get("subnet-id");
            if (sid == null) throw KeaError.error("Mandatory 'subnet-id' parameter missing.");
            if (!sid.isIntegralNumber()) throw KeaError.error("'subnet-id' parameter is not integer.");
            if (!sid.canConvertToLong() || sid.longValue() < 0 || sid.longValue() > 0xFFFFFFFFL) {
                throw KeaError.error("'subnet-id' parameter is not a 32 bit unsigned integer.");
            }
            if (p.has("iaid")) throw KeaError.error("'iaid' parameter is specific to DHCPv6.");
            JsonNode type = p.get("identifier-type");
            JsonNode ident = p.get("identifier");
            if (type == null || !type.isTextual()) {
                throw KeaError.error("No 'ip-address' provided and 'identifier-type' is either missing or not a string.");
            }
            if (ident == null || !ident.isTextual()) {
                throw KeaError.error("No 'ip-address' provided and 'identifier' is either missing or not a string.");
            }
            long subnetId = sid.longValue();
            String text = ident.textValue();
            return switch (type.textValue()) {
                case "hw-address" -> {
                    try {
                        yield new Query(null, new HwAddress(HwAddress.HTYPE_ETHERNET, KeaHex.colonSeparated(text).toArray()),
                                null, false, subnetId);
                    } catch (IllegalArgumentException e) {
                        throw KeaError.error("Bad 'hw-address' identifier: " + e.getMessage());
                    }
                }
                case "client-id" -> {
                    try {
                        yield new Query(null, null, LeaseParser4.clientId(text), false, subnetId);
                    } catch (KeaError e) {
                        throw KeaError.error("Bad 'client-id' identifier: " + e.getMessage());
                    }
                }
                case "duid" -> new Query(null, null, null, true, subnetId);
                default -> throw KeaError.error("Incorrect identifier type: " + type.textValue()
                        + ", the only supported values are: hw-address, duid, client-id");
            };
        }
    }
}
