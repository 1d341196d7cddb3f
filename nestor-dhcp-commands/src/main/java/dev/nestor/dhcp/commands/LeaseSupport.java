package dev.nestor.dhcp.commands;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nestor.common.net.HwAddress;
import dev.nestor.common.stats.StatsRegistry;
import dev.nestor.control.Answer;
import dev.nestor.control.KeaJson;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of Kea's lease_cmds (src/hooks/dhcp/lease_cmds/lease_cmds.cc) that lease4-* and lease6-* share: the
 * argument checks of the get-all, get-page, get-by-*, write and wipe commands, the lease-list answer, the
 * user-context rules, with Kea's texts. The protocol's command set does the lookups.
 */
public final class LeaseSupport {
    private LeaseSupport() {}

    /** The mandatory string argument of the get-by-* commands, with Kea's texts. */
    public static JsonNode mapArgument(JsonNode args, String name) throws KeaError {
        if (args == null || !args.isObject()) throw KeaError.error("Command arguments missing or a not a map.");
        JsonNode v = args.get(name);
        if (v == null) throw KeaError.error("'" + name + "' parameter not specified");
        if (!v.isTextual()) throw KeaError.error("'" + name + "' parameter must be a string");
        return v;
    }

    /**
     * {@code {"leases": [...]}} (and {@code "count"} for get-page), result 0, or 3 when empty, with Kea's
     * "N IPv4 lease(s) found." text.
     */
    public static Answer leaseList(List<ObjectNode> leases, String ip, boolean withCount) {
        ArrayNode list = KeaJson.array();
        leases.forEach(list::add);
        ObjectNode args = KeaJson.object();
        args.set("leases", list);
        if (withCount) args.put("count", list.size());
        return Answer.of(list.isEmpty() ? Answer.EMPTY : Answer.SUCCESS, list.size() + " " + ip + " lease(s) found.", args);
    }

    /** The {@code subnets} of lease4/6-get-all: null for every lease (no arguments), else the listed ids. */
    public static List<Long> subnets(JsonNode args) throws KeaError {
        if (args == null) return null;
        JsonNode subnets = args.get("subnets");
        if (subnets == null) throw KeaError.error("'subnets' parameter not specified");
        if (!subnets.isArray()) throw KeaError.error("'subnets' parameter must be a list");
        List<Long> ids = new ArrayList<>();
        for (JsonNode id : subnets) {
            if (!id.isIntegralNumber()) throw KeaError.error("listed subnet identifiers must be numbers");
            if (!id.canConvertToLong() || id.longValue() < 0 || id.longValue() > 0xFFFFFFFFL) {
                throw KeaError.error("out of range subnet identifier " + id.asText());
            }
            ids.add(id.longValue());
        }
        return ids;
    }

    /**
     * The {@code from} of lease4-get-page / lease6-get-page: the canonical address to page after, or null for
     * "start".
     */
    public static String pageFrom(JsonNode args, int version) throws KeaError {
        if (args == null) throw KeaError.error("no parameters specified for the lease" + version + "-get-page command");
        JsonNode from = args.get("from");
        if (from == null) throw KeaError.error("'from' parameter not specified");
        if (!from.isTextual()) throw KeaError.error("'from' parameter must be a string");
        String text = from.textValue();
        if (text.equals("start")) return null;
        String address = Addresses.canonical(text, version);
        if (address != null) return address;
        String other = Addresses.canonical(text, version == 4 ? 6 : 4);
        if (other != null) throw KeaError.error("'from' parameter value " + other + " is not an IPv" + version + " address");
        throw KeaError.error("'from' parameter value is neither 'start' keyword nor a valid IPv" + version + " address");
    }

    /** The {@code limit} of lease4/6-get-page: a positive 32-bit count. */
    public static int pageLimit(JsonNode args) throws KeaError {
        JsonNode limit = args.get("limit");
        if (limit == null) throw KeaError.error("'limit' parameter not specified");
        if (!limit.isIntegralNumber()) throw KeaError.error("'limit' parameter must be a number");
        if (!limit.canConvertToLong() || limit.longValue() < 0 || limit.longValue() > 0xFFFFFFFFL) {
            throw KeaError.error("'limit' parameter is not a 32 bit unsigned integer.");
        }
        if (limit.longValue() == 0) throw KeaError.error("'limit' parameter must not be 0.");
        return (int) Math.min(limit.longValue(), Integer.MAX_VALUE);
    }

    /** The {@code hostname} of lease4/6-get-by-hostname, lower-cased as Kea stores host names. */
    public static String hostname(JsonNode args) throws KeaError {
        String name = mapArgument(args, "hostname").textValue();
        if (name.isEmpty()) throw KeaError.error("'hostname' parameter is empty");
        return name.toLowerCase(java.util.Locale.ROOT);
    }

    /** The {@code hw-address} of lease4/6-get-by-hw-address. */
    public static HwAddress hwAddress(JsonNode args) throws KeaError {
        JsonNode hw = mapArgument(args, "hw-address");
        if (hw.textValue().isEmpty()) throw KeaError.error("'hw-address' parameter must not be empty");
        try {
            return new HwAddress(HwAddress.HTYPE_ETHERNET, KeaHex.colonSeparated(hw.textValue()).toArray());
        } catch (IllegalArgumentException e) {
            throw KeaError.error("bad 'hw-address' parameter: " + e.getMessage());
        }
    }

    /** Whether {@code text} is an IPv6 address literal. */
    public static boolean isIpv6(String text) {
        try {
            return java.net.InetAddress.ofLiteral(text) instanceof java.net.Inet6Address;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    // ---- lease4/6-write -------------------------------------------------------------------------------------

    /** Makes everything the store holds durable in its own file. */
    @FunctionalInterface
    public interface Flush {
        void flush() throws Exception;
    }

    /** Writes every lease into a file as a Kea lease file. */
    @FunctionalInterface
    public interface Dump {
        void writeTo(Path file) throws IOException;
    }

    /**
     * lease4-write / lease6-write: Kea 3's path rules, then the leases into the file. Writing into the store's own
     * file flushes it instead (everything the store holds is already there).
     *
     * @param ownFile the store's own lease file, null when it has none (SQL stores, memfile without persistence)
     */
    public static Answer write(JsonNode args, Path dataDirectory, Path ownFile, Flush flush, Dump dump, String ip) throws Exception {
        if (args == null) throw KeaError.error("no parameters specified for the command");
        JsonNode file = args.get("filename");
        if (file == null) throw KeaError.error("'filename' parameter not specified");
        if (!file.isTextual()) throw KeaError.error("'filename' parameter must be a string");
        Path target = validatePath(dataDirectory, file.textValue());
        if (target.equals(ownFile)) {
            flush.flush();
        } else {
            try {
                dump.writeTo(target);
            } catch (IOException e) {
                throw KeaError.error("unable to write lease file '" + target + "': " + e.getMessage());
            }
        }
        return Answer.success(ip + " lease database into '" + target + "'.");
    }

    /** Kea 3's PathChecker: a bare file name goes to the data directory; a directory must be that directory. */
    static Path validatePath(Path dataDirectory, String input) throws KeaError {
        Path dataDir = dataDirectory.toAbsolutePath().normalize();
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

    /** The memfile store's own lease file, or null when the store is not memfile. */
    public static Path ownLeaseFile(java.util.Map<String, String> leaseDatabase, Path dataDirectory, String defaultName) {
        if (!"memfile".equals(leaseDatabase.getOrDefault("type", "memfile"))) return null;
        String name = leaseDatabase.getOrDefault("name", defaultName);
        return dataDirectory.resolve(name).toAbsolutePath().normalize();
    }

    // ---- lease4/6-wipe --------------------------------------------------------------------------------------

    /** Removes one subnet's leases from the store. */
    @FunctionalInterface
    public interface Wipe {
        int wipe(long subnetId) throws Exception;
    }

    /**
     * lease4-wipe / lease6-wipe: the leases of {@code subnet-id}, or of every configured subnet, and their
     * statistics: each listed subnet counter is zeroed, and its global counterpart (when the server keeps one)
     * drops by what the subnet had, or is zeroed when every subnet was wiped.
     *
     * @param counters the subnet counters the wipe zeroes, e.g. {@code assigned-nas}, {@code declined-addresses}
     */
    public static Answer wipe(JsonNode args, List<Long> configured, Wipe store, StatsRegistry stats, List<String> counters,
                              String ip) throws Exception {
        long id = args != null && args.has("subnet-id") ? Args.uint32(args, "subnet-id") : 0;
        List<Long> ids = id != 0 ? List.of(id) : configured;
        long num = 0;
        StringBuilder text = new StringBuilder();
        for (long sid : ids) {
            num += store.wipe(sid);
            text.append(' ').append(sid);
            for (String counter : counters) {
                String name = "subnet[" + sid + "]." + counter;
                long before = stats.observation(name).isPresent() ? stats.get(name) : 0;
                stats.set(name, 0L);
                // the global declined-addresses always exists; the others only where the server keeps them
                boolean global = counter.equals("declined-addresses") || stats.observation(counter).isPresent();
                if (id != 0 && global) stats.add(counter, -before);
            }
        }
        if (id == 0) {
            for (String counter : counters) {
                if (counter.equals("declined-addresses") || stats.observation(counter).isPresent()) stats.set(counter, 0L);
            }
        }
        return Answer.of(num > 0 ? Answer.SUCCESS : Answer.EMPTY, "Deleted " + num + " " + ip + " lease(s) from subnet(s)" + text);
    }

    // ---- lease4/6-add and -update ---------------------------------------------------------------------------

    /**
     * The subnet of a lease given to lease4/6-add or -update, as Kea's lease parsers find it: {@code subnet-id}
     * when given (the address must lie in it when {@code checkRange}), else the first unguarded subnet holding
     * the address. The subnet problems are conflicts (result 4).
     */
    public static <C> SubnetView leaseSubnet(DhcpFamily<C> family, C config, long subnetId, String address, boolean checkRange)
            throws KeaError {
        if (subnetId == 0) {
            return family.subnetOf(config, address).orElseThrow(() -> KeaError.conflict(
                    "subnet-id not specified and failed to find a subnet for address " + address));
        }
        SubnetView s = family.subnet(config, subnetId).orElseThrow(() -> KeaError.conflict("Invalid subnet-id: No "
                + family.ip() + " subnet with subnet-id=" + subnetId + " currently configured."));
        if (checkRange && !s.contains(address)) {
            throw KeaError.conflict("The address " + address + " does not belong to subnet " + s.prefix() + ", subnet-id=" + subnetId);
        }
        return s;
    }

    /** The fields of Kea's Lease4Parser / Lease6Parser that both read the same way. */
    public record LeaseFields(long cltt, boolean fqdnFwd, boolean fqdnRev, String hostname, int state) {}

    /**
     * {@code expire} (giving cltt, else {@code now}), {@code fqdn-fwd}, {@code fqdn-rev}, {@code hostname}
     * (lower-cased, as Kea's Lease constructor does) and {@code state} (0 to 4), with Kea's checks and texts.
     *
     * @param valid   the lease's valid lifetime
     * @param address the lease's address as text, for the error texts
     */
    public static LeaseFields leaseFields(JsonNode info, long valid, long now, String address) throws KeaError {
        long cltt = now;
        if (info.has("expire")) {
            long expire = Args.integer(info, "expire");
            if (expire <= 0) throw KeaError.error("expiration time must be positive for address " + address);
            if (expire < valid) {
                throw KeaError.error("expiration time must be greater than valid lifetime for address " + address);
            }
            cltt = expire - valid;
        }
        boolean fwd = info.has("fqdn-fwd") && Args.bool(info, "fqdn-fwd");
        boolean rev = info.has("fqdn-rev") && Args.bool(info, "fqdn-rev");
        String hostname = info.has("hostname") ? Args.string(info, "hostname") : "";
        if (hostname.isEmpty() && (fwd || rev)) {
            throw KeaError.error("No hostname specified and either forward or reverse fqdn was set to true.");
        }
        long state = info.has("state") ? Args.unsigned(info, "state", 255) : 0;
        if (state > 4) {
            throw KeaError.error("Invalid state value: " + state + ", supported values are: 0 (default), 1 (declined),"
                    + " 2 (expired-reclaimed), 3 (released) and 4 (registered)");
        }
        return new LeaseFields(cltt, fwd, rev, hostname.toLowerCase(java.util.Locale.ROOT), (int) state);
    }

    // ---- user context ---------------------------------------------------------------------------------------

    /** user-context (a map) with a top-level "comment" folded into it, as Kea's lease parsers do; JSON text or null. */
    public static String userContext(JsonNode info) throws KeaError {
        JsonNode ctx = info.get("user-context");
        if (ctx != null && !ctx.isObject()) {
            throw KeaError.error("Invalid user context '" + KeaJson.write(ctx) + "' is not a JSON map.");
        }
        JsonNode comment = info.get("comment");
        if (comment != null) {
            if (ctx != null && ctx.has("comment")) {
                throw KeaError.error("Duplicated comment entry '" + KeaJson.write(comment) + "' in user context '"
                        + KeaJson.write(ctx) + "'");
            }
            ObjectNode copy = ctx == null ? KeaJson.object() : (ObjectNode) ctx.deepCopy();
            copy.set("comment", comment);
            ctx = copy;
        }
        return ctx == null ? null : ctx.toString();
    }

    /** A stored user-context (JSON text) for an answer; unreadable text is shown as a string rather than dropped. */
    public static JsonNode userContextJson(String text) {
        try {
            return KeaJson.parse(text);
        } catch (JsonProcessingException e) {
            return JsonNodeFactory.instance.textNode(text);
        }
    }
}
