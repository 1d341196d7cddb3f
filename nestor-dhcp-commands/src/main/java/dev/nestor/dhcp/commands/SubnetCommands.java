package dev.nestor.dhcp.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nestor.control.Answer;
import dev.nestor.control.CommandRegistry;
import dev.nestor.control.KeaJson;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Kea's subnet_cmds hook library (src/hooks/dhcp/subnet_cmds/subnet_cmds.cc), for DHCPv4 and DHCPv6 alike:
 * subnet4-list / subnet6-list, -get, -add, -update, -del, -delta-add, -delta-del here, and the network4-* /
 * network6-* commands in {@link NetworkCommands} (registered together). Each change edits the running config's JSON document and swaps in the re-parsed config
 * ({@link ConfigEdit}); a subnet keeps its reservations across an update (Kea keeps hosts apart from subnets),
 * and, as in Kea, deleting a subnet deletes its reservations but not its leases.
 */
public final class SubnetCommands<C> {
    /** Kea's largest subnet id (SUBNET_ID_MAX). */
    public static final long SUBNET_ID_MAX = 0xFFFFFFFEL;

    private final ConfigEdit<C> edit;
    private final DhcpFamily<C> family;
    /** "subnet4" / "subnet6": the list key and the commands' prefix. */
    private final String key;
    private final String ip;

    private enum Mode { REPLACE, DELTA_ADD, DELTA_DEL }

    private SubnetCommands(ConfigEdit<C> edit) {
        this.edit = edit;
        this.family = edit.family();
        this.key = family.subnetKey();
        this.ip = family.ip();
    }

    public static <C> void registerAll(CommandRegistry r, ConfigEdit<C> edit) {
        SubnetCommands<C> c = new SubnetCommands<>(edit);
        String k = c.key;
        r.register(k + "-list", Args.handler(_ -> c.list()));
        r.register(k + "-get", Args.handler(c::get));
        r.register(k + "-add", Args.handler(c::add));
        r.register(k + "-update", Args.handler(a -> c.update(a, k + "-update", Mode.REPLACE)));
        r.register(k + "-delta-add", Args.handler(a -> c.update(a, k + "-delta-add", Mode.DELTA_ADD)));
        r.register(k + "-delta-del", Args.handler(a -> c.update(a, k + "-delta-del", Mode.DELTA_DEL)));
        r.register(k + "-del", Args.handler(c::del));
        NetworkCommands.registerAll(r, edit);
    }

    private Answer list() {
        List<ObjectNode> subnets = family.subnets(edit.config()).stream().sorted(Comparator.comparingLong(SubnetView::id)).map(s -> {
            ObjectNode o = brief(s);
            if (s.sharedNetworkName() != null) o.put("shared-network-name", s.sharedNetworkName());
            else o.set("shared-network-name", NullNode.getInstance());
            return o;
        }).toList();
        return Args.listed("subnets", subnets, ip + " subnet", ip + " subnets");
    }

    private Answer get(JsonNode args) throws KeaError {
        String command = key + "-get";
        checkMap(args, command);
        if (args.size() != 1) {
            throw KeaError.error("invalid number of arguments " + args.size()
                    + " for the '" + command + "' command. Expecting 'id' or 'subnet'");
        }
        C config = edit.config();
        Optional<SubnetView> found;
        String missing;
        if (args.has("subnet")) {
            if (!args.get("subnet").isTextual()) throw KeaError.error("'subnet' parameter must be a string");
            String prefix = args.get("subnet").textValue();
            found = family.subnets(config).stream().filter(s -> s.prefix().equals(prefix)).findFirst();
            missing = "No " + prefix + " subnet found";
        } else if (args.has("id")) {
            if (!args.get("id").isIntegralNumber()) throw KeaError.error("'id' parameter must be an integer");
            long id = args.get("id").longValue();
            found = family.subnet(config, id);
            missing = "No subnet with id " + args.get("id").asText() + " found";
        } else {
            throw KeaError.error("'id' or 'subnet' parameter required");
        }
        if (found.isEmpty()) throw KeaError.empty(missing);
        SubnetView s = found.get();
        ObjectNode json = edit.subnet(ConfigEdit.document(family.json(config)), s.id()).orElseThrow().node();
        json.remove("reservations");
        ObjectNode result = KeaJson.object();
        result.putArray(key).add(json);
        return Answer.success("Info about " + ip + " subnet " + s.prefix() + " (id " + s.id() + ") returned", result);
    }

    private Answer add(JsonNode args) throws Exception {
        String command = key + "-add";
        ObjectNode subnet = subnetArgument(args, command);
        if (subnet.has("reservations")) {
            throw KeaError.error("must not specify host reservations with '" + command + "'. Use 'reservation-add' to add"
                    + " a reservation to a subnet");
        }
        long id = edit.change((root, current) -> {
            if (subnet.path("id").canConvertToLong() && family.subnet(current, subnet.get("id").longValue()).isPresent()) {
                throw KeaError.error("ID of the new " + ip + " subnet '" + subnet.get("id").longValue() + "' is already in use");
            }
            String prefix = subnet.path("subnet").isTextual() ? family.canonicalPrefix(subnet.get("subnet").textValue()) : null;
            if (prefix != null && family.subnets(current).stream().anyMatch(s -> s.prefix().equals(prefix))) {
                throw KeaError.error("subnet with the prefix of '" + prefix + "' already exists");
            }
            root.withArray(key).add(subnet);
            return subnet.path("id").asLong();
        });
        return Answer.success(ip + " subnet added", subnetsResult(family.subnet(edit.config(), id).orElseThrow()));
    }

    private Answer update(JsonNode args, String command, Mode mode) throws Exception {
        ObjectNode subnet = subnetArgument(args, command);
        if (subnet.has("reservations")) throw KeaError.error("must not specify host reservations with '" + command + "'.");
        if (!subnet.has("id")) throw KeaError.error("must specify subnet id with '" + command + "' command.");
        long id = Args.integer(subnet, "id", 1, SUBNET_ID_MAX);
        SubnetDelta delta = new SubnetDelta(family.optionDefinitions(edit.config()), family.optionSpace(), family::poolRange);
        edit.change((root, current) -> {
            ConfigEdit.SubnetSlot slot = edit.subnet(root, id)
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
        return Answer.success(ip + " subnet updated", subnetsResult(family.subnet(edit.config(), id).orElseThrow()));
    }

    private Answer del(JsonNode args) throws Exception {
        String command = key + "-del";
        checkMap(args, command);
        if (args.size() != 1) {
            throw KeaError.error("invalid number of arguments specified for the '" + command + " command. Expected subnet identifier");
        }
        JsonNode idNode = args.get("id");
        if (idNode == null) throw KeaError.error("subnet identifier is required for the '" + command + "' command");
        if (!idNode.isIntegralNumber()) throw KeaError.error("subnet identifier specified for the '" + command + "' is not a number");
        long id = idNode.longValue() & 0xFFFFFFFFL;
        SubnetView removed = edit.change((root, current) -> {
            Optional<SubnetView> s = family.subnet(current, id);
            if (s.isEmpty()) throw KeaError.empty("no subnet with id " + id + " found");
            edit.subnet(root, id).orElseThrow().remove();
            return s.get();
        });
        edit.removeStatistics(id);
        return Answer.success(ip + " subnet " + removed.prefix() + " (id " + id + ") deleted", subnetsResult(removed));
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    static void checkMap(JsonNode args, String command) throws KeaError {
        if (args == null) throw KeaError.error("no arguments specified for the '" + command + "' command");
        if (!args.isObject()) throw KeaError.error("arguments specified for the '" + command + "' command are not a map");
    }

    /** The single subnet map of {@code {"subnet4": [ {...} ]}}, with Kea's texts. */
    private ObjectNode subnetArgument(JsonNode args, String command) throws KeaError {
        checkMap(args, command);
        if (args.size() != 1) {
            throw KeaError.error("invalid number of arguments " + args.size() + " for the '" + command
                    + "' command. Expecting '" + key + "' list");
        }
        JsonNode list = args.get(key);
        if (list == null) throw KeaError.error("missing '" + key + "' argument for the '" + command + "' command");
        if (!list.isArray()) throw KeaError.error("'" + key + "' argument specified for the '" + command + "' command is not a list");
        if (list.size() != 1) {
            throw KeaError.error("invalid number of subnets specified for the '" + command + "' command. Expected one subnet");
        }
        if (!(list.get(0) instanceof ObjectNode subnet)) {
            throw KeaError.error("invalid subnet information specified for the'" + command + "' command. Expected a map");
        }
        return subnet.deepCopy();
    }

    static ObjectNode brief(SubnetView s) {
        ObjectNode o = KeaJson.object();
        o.put("id", s.id());
        o.put("subnet", s.prefix());
        return o;
    }

    private static ObjectNode subnetsResult(SubnetView s) {
        ObjectNode result = KeaJson.object();
        result.putArray("subnets").add(brief(s));
        return result;
    }
}
