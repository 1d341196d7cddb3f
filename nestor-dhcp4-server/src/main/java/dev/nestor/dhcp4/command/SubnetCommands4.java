package dev.nestor.dhcp4.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nestor.common.net.Ipv4Prefix;
import dev.nestor.common.stats.StatsRegistry;
import dev.nestor.config.model.Dhcp4Config;
import dev.nestor.config.model.Subnet4;
import dev.nestor.control.Answer;
import dev.nestor.control.CommandRegistry;
import dev.nestor.control.KeaJson;
import dev.nestor.dhcp4.Dhcp4Server;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Kea's subnet_cmds hook library for DHCPv4 (src/hooks/dhcp/subnet_cmds/subnet_cmds.cc): subnet4-list, -get,
 * -add, -update, -del, -delta-add, -delta-del here, and the network4-* commands in {@link NetworkCommands4}
 * (registered together). Each change edits the running config's JSON document and swaps in the re-parsed config
 * ({@link ConfigEdit}); a subnet keeps its reservations across an update (Kea keeps hosts apart from subnets),
 * and, as in Kea, deleting a subnet deletes its reservations but not its leases.
 */
public final class SubnetCommands4 {
    private final Dhcp4Server server;
    private final ConfigEdit edit;

    private enum Mode { REPLACE, DELTA_ADD, DELTA_DEL }

    private SubnetCommands4(Dhcp4Server server, ConfigEdit edit) {
        this.server = server;
        this.edit = edit;
    }

    public static void registerAll(CommandRegistry r, Dhcp4Server server, ConfigApplier applier, RuntimeChanges changes) {
        ConfigEdit edit = new ConfigEdit(server, applier, changes);
        SubnetCommands4 c = new SubnetCommands4(server, edit);
        r.register("subnet4-list", Args.handler(_ -> c.list()));
        r.register("subnet4-get", Args.handler(c::get));
        r.register("subnet4-add", Args.handler(c::add));
        r.register("subnet4-update", Args.handler(a -> c.update(a, "subnet4-update", Mode.REPLACE)));
        r.register("subnet4-delta-add", Args.handler(a -> c.update(a, "subnet4-delta-add", Mode.DELTA_ADD)));
        r.register("subnet4-delta-del", Args.handler(a -> c.update(a, "subnet4-delta-del", Mode.DELTA_DEL)));
        r.register("subnet4-del", Args.handler(c::del));
        NetworkCommands4.registerAll(r, edit);
    }

    private Answer list() {
        List<Subnet4> subnets = edit.config().subnets().stream().sorted(Comparator.comparingLong(Subnet4::id)).toList();
        ArrayNode list = KeaJson.array();
        for (Subnet4 s : subnets) {
            ObjectNode o = brief(s);
            if (s.sharedNetworkName() != null) o.put("shared-network-name", s.sharedNetworkName());
            else o.set("shared-network-name", NullNode.getInstance());
            list.add(o);
        }
        ObjectNode args = KeaJson.object();
        args.set("subnets", list);
        String text = subnets.size() + " IPv4 subnet" + (subnets.size() == 1 ? "" : "s") + " found";
        return Answer.of(subnets.isEmpty() ? Answer.EMPTY : Answer.SUCCESS, text, args);
    }

    private Answer get(JsonNode args) throws KeaError {
        checkMap(args, "subnet4-get");
        if (args.size() != 1) {
            throw KeaError.error("invalid number of arguments " + args.size()
                    + " for the 'subnet4-get' command. Expecting 'id' or 'subnet'");
        }
        Dhcp4Config config = edit.config();
        Optional<Subnet4> found;
        String missing;
        if (args.has("subnet")) {
            if (!args.get("subnet").isTextual()) throw KeaError.error("'subnet' parameter must be a string");
            String prefix = args.get("subnet").textValue();
            found = config.subnets().stream().filter(s -> s.prefix().toString().equals(prefix)).findFirst();
            missing = "No " + prefix + " subnet found";
        } else if (args.has("id")) {
            if (!args.get("id").isIntegralNumber()) throw KeaError.error("'id' parameter must be an integer");
            long id = args.get("id").longValue();
            found = config.subnet(id);
            missing = "No subnet with id " + args.get("id").asText() + " found";
        } else {
            throw KeaError.error("'id' or 'subnet' parameter required");
        }
        if (found.isEmpty()) throw KeaError.empty(missing);
        Subnet4 s = found.get();
        ObjectNode json = ConfigEdit.subnet(ConfigEdit.document(config), s.id()).orElseThrow().node();
        json.remove("reservations");
        ObjectNode result = KeaJson.object();
        result.putArray("subnet4").add(json);
        return Answer.success("Info about IPv4 subnet " + s.prefix() + " (id " + s.id() + ") returned", result);
    }

    private Answer add(JsonNode args) throws Exception {
        ObjectNode subnet = subnetArgument(args, "subnet4-add");
        if (subnet.has("reservations")) {
            throw KeaError.error("must not specify host reservations with 'subnet4-add'. Use 'reservation-add' to add"
                    + " a reservation to a subnet");
        }
        long id = edit.change((dhcp4, current) -> {
            if (subnet.path("id").canConvertToLong() && current.subnet(subnet.get("id").longValue()).isPresent()) {
                throw KeaError.error("ID of the new IPv4 subnet '" + subnet.get("id").longValue() + "' is already in use");
            }
            Ipv4Prefix prefix = prefix(subnet);
            if (prefix != null && current.subnets().stream().anyMatch(s -> s.prefix().equals(prefix))) {
                throw KeaError.error("subnet with the prefix of '" + prefix + "' already exists");
            }
            dhcp4.withArray("subnet4").add(subnet);
            return subnet.path("id").asLong();
        });
        return Answer.success("IPv4 subnet added", subnetsResult(edit.config().subnet(id).orElseThrow()));
    }

    private Answer update(JsonNode args, String command, Mode mode) throws Exception {
        ObjectNode subnet = subnetArgument(args, command);
        if (subnet.has("reservations")) throw KeaError.error("must not specify host reservations with '" + command + "'.");
        if (!subnet.has("id")) throw KeaError.error("must specify subnet id with '" + command + "' command.");
        long id = Args.integer(subnet, "id", 1, HostCommands4.SUBNET_ID_MAX);
        SubnetDelta4 delta = new SubnetDelta4(edit.config().optionDefinitions());
        edit.change((dhcp4, current) -> {
            ConfigEdit.SubnetSlot slot = ConfigEdit.subnet(dhcp4, id)
                    .orElseThrow(() -> KeaError.error("Can't find subnet '" + id + "' to update"));
            ObjectNode old = slot.node();
            ObjectNode next;
            switch (mode) {
                case REPLACE -> next = subnet;
                case DELTA_ADD -> {
                    next = old.deepCopy();
                    next.remove("reservations");
                    delta.add(next, subnet);
                }
                case DELTA_DEL -> {
                    next = old.deepCopy();
                    next.remove("reservations");
                    delta.del(next, subnet);
                }
                default -> throw new IllegalStateException();
            }
            if (old.has("reservations")) next.set("reservations", old.get("reservations"));
            else next.remove("reservations");
            slot.list().set(slot.index(), next);
            return null;
        });
        return Answer.success("IPv4 subnet updated", subnetsResult(edit.config().subnet(id).orElseThrow()));
    }

    private Answer del(JsonNode args) throws Exception {
        checkMap(args, "subnet4-del");
        if (args.size() != 1) {
            throw KeaError.error("invalid number of arguments specified for the 'subnet4-del command. Expected subnet identifier");
        }
        JsonNode idNode = args.get("id");
        if (idNode == null) throw KeaError.error("subnet identifier is required for the 'subnet4-del' command");
        if (!idNode.isIntegralNumber()) throw KeaError.error("subnet identifier specified for the 'subnet4-del' is not a number");
        long id = idNode.longValue() & 0xFFFFFFFFL;
        Subnet4 removed = edit.change((dhcp4, current) -> {
            Optional<Subnet4> s = current.subnet(id);
            if (s.isEmpty()) throw KeaError.empty("no subnet with id " + id + " found");
            ConfigEdit.subnet(dhcp4, id).orElseThrow().remove();
            return s.get();
        });
        removeStatistics(server.stats(), id);
        return Answer.success("IPv4 subnet " + removed.prefix() + " (id " + id + ") deleted", subnetsResult(removed));
    }

    /** Kea drops a deleted subnet's statistics (CfgSubnets4::removeStatistics). */
    static void removeStatistics(StatsRegistry stats, long id) {
        String p = "subnet[" + id + "].";
        for (String name : List.copyOf(stats.observations().keySet())) if (name.startsWith(p)) stats.remove(name);
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    static void checkMap(JsonNode args, String command) throws KeaError {
        if (args == null) throw KeaError.error("no arguments specified for the '" + command + "' command");
        if (!args.isObject()) throw KeaError.error("arguments specified for the '" + command + "' command are not a map");
    }

    /** The single subnet map of {@code {"subnet4": [ {...} ]}}, with Kea's texts. */
    private static ObjectNode subnetArgument(JsonNode args, String command) throws KeaError {
        checkMap(args, command);
        if (args.size() != 1) {
            throw KeaError.error("invalid number of arguments " + args.size() + " for the '" + command
                    + "' command. Expecting 'subnet4' list");
        }
        JsonNode list = args.get("subnet4");
        if (list == null) throw KeaError.error("missing 'subnet4' argument for the '" + command + "' command");
        if (!list.isArray()) throw KeaError.error("'subnet4' argument specified for the '" + command + "' command is not a list");
        if (list.size() != 1) {
            throw KeaError.error("invalid number of subnets specified for the '" + command + "' command. Expected one subnet");
        }
        if (!(list.get(0) instanceof ObjectNode subnet)) {
            throw KeaError.error("invalid subnet information specified for the'" + command + "' command. Expected a map");
        }
        return subnet.deepCopy();
    }

    static Ipv4Prefix prefix(JsonNode subnet) {
        try {
            return subnet.path("subnet").isTextual() ? Ipv4Prefix.parse(subnet.get("subnet").textValue().replace(" ", "")) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static ObjectNode brief(Subnet4 s) {
        ObjectNode o = KeaJson.object();
        o.put("id", s.id());
        o.put("subnet", s.prefix().toString());
        return o;
    }

    private static ObjectNode subnetsResult(Subnet4 s) {
        ObjectNode result = KeaJson.object();
        result.putArray("subnets").add(brief(s));
        return result;
    }
}
