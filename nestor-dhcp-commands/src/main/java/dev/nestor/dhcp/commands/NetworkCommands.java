package dev.nestor.dhcp.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nestor.control.Answer;
import dev.nestor.control.CommandRegistry;
import dev.nestor.control.KeaJson;

import java.util.List;

/**
 * The shared-network half of Kea's subnet_cmds, for DHCPv4 and DHCPv6 alike: network4-list / network6-list, -get,
 * -add, -del, -subnet-add, -subnet-del, with Kea's texts. Moving a subnet into or out of a network moves its map
 * (with its reservations) between the network's subnet list and the top-level one, so it inherits from its new
 * scope.
 */
final class NetworkCommands<C> {
    private final ConfigEdit<C> edit;
    private final DhcpFamily<C> family;
    /** "network4" / "network6": the commands' prefix. */
    private final String prefix;
    /** "subnet4" / "subnet6": where a network keeps its subnets. */
    private final String key;
    private final String ip;

    private NetworkCommands(ConfigEdit<C> edit) {
        this.edit = edit;
        this.family = edit.family();
        this.prefix = "network" + family.version();
        this.key = family.subnetKey();
        this.ip = family.ip();
    }

    static <C> void registerAll(CommandRegistry r, ConfigEdit<C> edit) {
        NetworkCommands<C> c = new NetworkCommands<>(edit);
        r.register(c.prefix + "-list", Args.handler(_ -> c.list()));
        r.register(c.prefix + "-get", Args.handler(c::get));
        r.register(c.prefix + "-add", Args.handler(c::add));
        r.register(c.prefix + "-del", Args.handler(c::del));
        r.register(c.prefix + "-subnet-add", Args.handler(c::subnetAdd));
        r.register(c.prefix + "-subnet-del", Args.handler(c::subnetDel));
    }

    private Answer list() {
        List<JsonNode> networks = family.networks(edit.config()).stream().map(n -> Args.named(n.name())).toList();
        return Args.listed("shared-networks", networks, ip + " network", ip + " networks");
    }

    private Answer get(JsonNode args) throws KeaError {
        String command = prefix + "-get";
        SubnetCommands.checkMap(args, command);
        JsonNode name = args.get("name");
        if (name == null) throw KeaError.error("invalid '" + command + "': missing mandatory 'name' parameter");
        if (!name.isTextual()) throw KeaError.error("'name' parameter must be a string");
        ObjectNode net = ConfigEdit.network(edit.document(), name.textValue())
                .orElseThrow(() -> KeaError.empty("No '" + name.textValue() + "' shared network found"));
        for (JsonNode s : net.path(key)) if (s instanceof ObjectNode o) o.remove("reservations");
        ObjectNode result = KeaJson.object();
        result.putArray("shared-networks").add(net);
        return Answer.success("Info about " + ip + " shared network '" + name.textValue() + "' returned", result);
    }

    private Answer add(JsonNode args) throws Exception {
        String command = prefix + "-add";
        SubnetCommands.checkMap(args, command);
        JsonNode list = args.get("shared-networks");
        if (list == null) throw KeaError.error("missing 'shared-networks' argument for the '" + command + "' command");
        if (!list.isArray()) throw KeaError.error("'shared-networks' argument specified for the '" + command + "' command is not a list");
        if (list.size() != 1) {
            throw KeaError.error("invalid number of networks specified for the '" + command + "' command. Expected one network");
        }
        if (!(list.get(0) instanceof ObjectNode given)) {
            throw KeaError.error("invalid network information specified for the'" + command + "' command. Expected a map");
        }
        ObjectNode network = given.deepCopy();
        String name = network.path("name").asText("");
        edit.change((root, current) -> {
            if (family.network(current, name).isPresent()) {
                throw KeaError.error("duplicate network '" + name + "' found in the configuration");
            }
            for (JsonNode s : network.path(key)) {
                if (s.path("id").canConvertToLong() && family.subnet(current, s.get("id").longValue()).isPresent()) {
                    throw KeaError.error("ID of the new " + ip + " subnet '" + s.get("id").longValue() + "' is already in use");
                }
            }
            root.withArray("shared-networks").add(network);
            return null;
        });
        ObjectNode result = KeaJson.object();
        result.putArray("shared-networks").addObject().put("name", name);
        return Answer.success("A new " + ip + " shared network '" + name + "' added", result);
    }

    private Answer del(JsonNode args) throws Exception {
        String command = prefix + "-del";
        SubnetCommands.checkMap(args, command);
        JsonNode nameNode = args.get("name");
        if (nameNode == null) throw KeaError.error("network name ('name') is required for the '" + command + "' command");
        if (!nameNode.isTextual()) throw KeaError.error("network name ('name') specified for the '" + command + "' is not a string");
        boolean deleteSubnets = false;
        JsonNode action = args.get("subnets-action");
        if (action != null) {
            if (!action.isTextual()) {
                throw KeaError.error("subnets-action parameter for " + command + " command must be a string. Supported values are:"
                        + " 'keep' and 'delete'.");
            }
            if (!action.textValue().equals("keep") && !action.textValue().equals("delete")) {
                throw KeaError.error("Invalid value for subnets-action parameter: " + action.textValue()
                        + ", Supported values: 'keep' and 'delete'.");
            }
            deleteSubnets = action.textValue().equals("delete");
        }
        String name = nameNode.textValue();
        boolean delete = deleteSubnets;
        List<Long> dropped = edit.change((root, current) -> {
            NetworkView net = family.network(current, name)
                    .orElseThrow(() -> KeaError.empty("no shared network with name '" + name + "' found"));
            ArrayNode nets = (ArrayNode) root.get("shared-networks");
            for (int i = 0; i < nets.size(); i++) {
                if (!name.equals(nets.get(i).path("name").asText(null))) continue;
                ObjectNode removed = (ObjectNode) nets.remove(i);
                if (!delete) for (JsonNode s : removed.path(key)) root.withArray(key).add(s);
                break;
            }
            return delete ? net.subnetIds() : List.<Long>of();
        });
        for (long id : dropped) edit.removeStatistics(id);
        ObjectNode result = KeaJson.object();
        result.putArray("shared-networks").addObject().put("name", name);
        return Answer.success(ip + " shared network '" + name + "' deleted", result);
    }

    private record Pair(String name, long id) {}

    private static Pair pair(JsonNode args, String command) throws KeaError {
        SubnetCommands.checkMap(args, command);
        JsonNode name = args.get("name");
        if (name == null) throw KeaError.error("missing 'name' argument for the '" + command + "' command");
        if (!name.isTextual()) throw KeaError.error("'name' argument specified for the '" + command + "' command is not a string");
        JsonNode id = args.get("id");
        if (id == null) throw KeaError.error("missing 'id' argument for the '" + command + "' command");
        // Kea's text says 'name' here too
        if (!id.isIntegralNumber()) throw KeaError.error("'name' argument specified for the '" + command + "' command is not an integer");
        return new Pair(name.textValue(), id.longValue() & 0xFFFFFFFFL);
    }

    private Answer subnetAdd(JsonNode args) throws Exception {
        Pair p = pair(args, prefix + "-subnet-add");
        SubnetView moved = edit.change((root, current) -> {
            family.network(current, p.name).orElseThrow(() -> KeaError.empty("no " + ip + " shared network with name '" + p.name + "' found"));
            SubnetView s = family.subnet(current, p.id).orElseThrow(() -> KeaError.empty("no " + ip + " subnet with id '" + p.id + "' found"));
            if (s.sharedNetworkName() != null) {
                throw KeaError.error("subnet " + p.id + " being added to a shared network already belongs to a shared network");
            }
            ConfigEdit.SubnetSlot slot = edit.subnet(root, p.id).orElseThrow();
            ObjectNode node = slot.node();
            slot.remove();
            ConfigEdit.network(root, p.name).orElseThrow().withArray(key).add(node);
            return s;
        });
        return Answer.success(ip + " subnet " + moved.prefix() + " (id " + p.id + ") is now part of shared network '" + p.name + "'");
    }

    private Answer subnetDel(JsonNode args) throws Exception {
        Pair p = pair(args, prefix + "-subnet-del");
        SubnetView moved = edit.change((root, current) -> {
            family.network(current, p.name).orElseThrow(() -> KeaError.empty("no " + ip + " shared network with name '" + p.name + "' found"));
            SubnetView s = family.subnet(current, p.id).filter(x -> p.name.equals(x.sharedNetworkName()))
                    .orElseThrow(() -> KeaError.empty("The " + ip + " subnet with id " + p.id
                            + " is not part of the shared network with name '" + p.name + "' found"));
            ConfigEdit.SubnetSlot slot = edit.subnet(root, p.id).orElseThrow();
            ObjectNode node = slot.node();
            slot.remove();
            root.withArray(key).add(node);
            return s;
        });
        return Answer.success(ip + " subnet " + moved.prefix() + " (id " + p.id + ") is now removed from shared network '" + p.name + "'");
    }
}
