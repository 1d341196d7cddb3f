package dev.nestor.dhcp4.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nestor.config.model.SharedNetwork4;
import dev.nestor.config.model.Subnet4;
import dev.nestor.control.Answer;
import dev.nestor.control.CommandRegistry;
import dev.nestor.control.KeaJson;

import java.util.List;

/**
 * The shared-network half of Kea's subnet_cmds: network4-list, -get, -add, -del, -subnet-add, -subnet-del, with
 * Kea's texts. Moving a subnet into or out of a network moves its map (with its reservations) between the
 * network's {@code subnet4} list and the top-level one, so it inherits from its new scope.
 */
final class NetworkCommands4 {
    private final ConfigEdit edit;

    private NetworkCommands4(ConfigEdit edit) {
        this.edit = edit;
    }

    static void registerAll(CommandRegistry r, ConfigEdit edit) {
        NetworkCommands4 c = new NetworkCommands4(edit);
        r.register("network4-list", Args.handler(_ -> c.list()));
        r.register("network4-get", Args.handler(c::get));
        r.register("network4-add", Args.handler(c::add));
        r.register("network4-del", Args.handler(c::del));
        r.register("network4-subnet-add", Args.handler(c::subnetAdd));
        r.register("network4-subnet-del", Args.handler(c::subnetDel));
    }

    private Answer list() {
        List<SharedNetwork4> networks = edit.config().sharedNetworks();
        ArrayNode list = KeaJson.array();
        for (SharedNetwork4 n : networks) list.addObject().put("name", n.name());
        ObjectNode args = KeaJson.object();
        args.set("shared-networks", list);
        String text = networks.size() + " IPv4 network" + (networks.size() == 1 ? "" : "s") + " found";
        return Answer.of(networks.isEmpty() ? Answer.EMPTY : Answer.SUCCESS, text, args);
    }

    private Answer get(JsonNode args) throws KeaError {
        SubnetCommands4.checkMap(args, "network4-get");
        JsonNode name = args.get("name");
        if (name == null) throw KeaError.error("invalid 'network4-get': missing mandatory 'name' parameter");
        if (!name.isTextual()) throw KeaError.error("'name' parameter must be a string");
        ObjectNode net = ConfigEdit.network(ConfigEdit.document(edit.config()), name.textValue())
                .orElseThrow(() -> KeaError.empty("No '" + name.textValue() + "' shared network found"));
        for (JsonNode s : net.path("subnet4")) if (s instanceof ObjectNode o) o.remove("reservations");
        ObjectNode result = KeaJson.object();
        result.putArray("shared-networks").add(net);
        return Answer.success("Info about IPv4 shared network '" + name.textValue() + "' returned", result);
    }

    private Answer add(JsonNode args) throws Exception {
        SubnetCommands4.checkMap(args, "network4-add");
        JsonNode list = args.get("shared-networks");
        if (list == null) throw KeaError.error("missing 'shared-networks' argument for the 'network4-add' command");
        if (!list.isArray()) throw KeaError.error("'shared-networks' argument specified for the 'network4-add' command is not a list");
        if (list.size() != 1) {
            throw KeaError.error("invalid number of networks specified for the 'network4-add' command. Expected one network");
        }
        if (!(list.get(0) instanceof ObjectNode given)) {
            throw KeaError.error("invalid network information specified for the'network4-add' command. Expected a map");
        }
        ObjectNode network = given.deepCopy();
        String name = network.path("name").asText("");
        edit.change((dhcp4, current) -> {
            if (current.sharedNetwork(name).isPresent()) {
                throw KeaError.error("duplicate network '" + name + "' found in the configuration");
            }
            for (JsonNode s : network.path("subnet4")) {
                if (s.path("id").canConvertToLong() && current.subnet(s.get("id").longValue()).isPresent()) {
                    throw KeaError.error("ID of the new IPv4 subnet '" + s.get("id").longValue() + "' is already in use");
                }
            }
            dhcp4.withArray("shared-networks").add(network);
            return null;
        });
        ObjectNode result = KeaJson.object();
        result.putArray("shared-networks").addObject().put("name", name);
        return Answer.success("A new IPv4 shared network '" + name + "' added", result);
    }

    private Answer del(JsonNode args) throws Exception {
        SubnetCommands4.checkMap(args, "network4-del");
        JsonNode nameNode = args.get("name");
        if (nameNode == null) throw KeaError.error("network name ('name') is required for the 'network4-del' command");
        if (!nameNode.isTextual()) throw KeaError.error("network name ('name') specified for the 'network4-del' is not a string");
        boolean deleteSubnets = false;
        JsonNode action = args.get("subnets-action");
        if (action != null) {
            if (!action.isTextual()) {
                throw KeaError.error("subnets-action parameter for network4-del command must be a string. Supported values are:"
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
        List<Long> dropped = edit.change((dhcp4, current) -> {
            SharedNetwork4 net = current.sharedNetwork(name)
                    .orElseThrow(() -> KeaError.empty("no shared network with name '" + name + "' found"));
            ArrayNode nets = (ArrayNode) dhcp4.get("shared-networks");
            for (int i = 0; i < nets.size(); i++) {
                if (!name.equals(nets.get(i).path("name").asText(null))) continue;
                ObjectNode removed = (ObjectNode) nets.remove(i);
                if (!delete) for (JsonNode s : removed.path("subnet4")) dhcp4.withArray("subnet4").add(s);
                break;
            }
            return delete ? net.subnetIds() : List.<Long>of();
        });
        for (long id : dropped) SubnetCommands4.removeStatistics(edit.server().stats(), id);
        ObjectNode result = KeaJson.object();
        result.putArray("shared-networks").addObject().put("name", name);
        return Answer.success("IPv4 shared network '" + name + "' deleted", result);
    }

    private record Pair(String name, long id) {}

    private static Pair pair(JsonNode args, String command) throws KeaError {
        SubnetCommands4.checkMap(args, command);
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
        Pair p = pair(args, "network4-subnet-add");
        Subnet4 moved = edit.change((dhcp4, current) -> {
            current.sharedNetwork(p.name).orElseThrow(() -> KeaError.empty("no IPv4 shared network with name '" + p.name + "' found"));
            Subnet4 s = current.subnet(p.id).orElseThrow(() -> KeaError.empty("no IPv4 subnet with id '" + p.id + "' found"));
            if (s.sharedNetworkName() != null) {
                throw KeaError.error("subnet " + p.id + " being added to a shared network already belongs to a shared network");
            }
            ConfigEdit.SubnetSlot slot = ConfigEdit.subnet(dhcp4, p.id).orElseThrow();
            ObjectNode node = slot.node();
            slot.remove();
            ConfigEdit.network(dhcp4, p.name).orElseThrow().withArray("subnet4").add(node);
            return s;
        });
        return Answer.success("IPv4 subnet " + moved.prefix() + " (id " + p.id + ") is now part of shared network '" + p.name + "'");
    }

    private Answer subnetDel(JsonNode args) throws Exception {
        Pair p = pair(args, "network4-subnet-del");
        Subnet4 moved = edit.change((dhcp4, current) -> {
            current.sharedNetwork(p.name).orElseThrow(() -> KeaError.empty("no IPv4 shared network with name '" + p.name + "' found"));
            Subnet4 s = current.subnet(p.id).filter(x -> p.name.equals(x.sharedNetworkName()))
                    .orElseThrow(() -> KeaError.empty("The IPv4 subnet with id " + p.id
                            + " is not part of the shared network with name '" + p.name + "' found"));
            ConfigEdit.SubnetSlot slot = ConfigEdit.subnet(dhcp4, p.id).orElseThrow();
            ObjectNode node = slot.node();
            slot.remove();
            dhcp4.withArray("subnet4").add(node);
            return s;
        });
        return Answer.success("IPv4 subnet " + moved.prefix() + " (id " + p.id + ") is now removed from shared network '" + p.name + "'");
    }
}
