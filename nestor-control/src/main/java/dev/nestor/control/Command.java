package dev.nestor.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A control command: {@code {"command": "name", "arguments": {...}, "service": ["dhcp4"]}} (Kea ARM, Management
 * API). {@code arguments} is null when absent; it is copied in and out so a handler cannot change what another
 * sees. {@code service} is empty when absent.
 */
public record Command(String command, JsonNode arguments, List<String> service) {
    // Kea's parseCommand accepts exactly these top-level members
    private static final Set<String> MEMBERS = Set.of("command", "arguments", "service", "remote-address");

    public Command {
        Objects.requireNonNull(command, "command");
        arguments = arguments == null || arguments.isMissingNode() ? null : arguments.deepCopy();
        service = service == null ? List.of() : List.copyOf(service);
    }

    public static Command of(String command) {
        return new Command(command, null, List.of());
    }

    public static Command of(String command, JsonNode arguments) {
        return new Command(command, arguments, List.of());
    }

    /** {@return a copy of the arguments, or null when the command had none} */
    @Override
    public JsonNode arguments() {
        return arguments == null ? null : arguments.deepCopy();
    }

    /** {@return the named member of a map-valued {@code arguments}, if present} */
    public Optional<JsonNode> argument(String name) {
        if (arguments == null || !arguments.isObject() || !arguments.has(name)) return Optional.empty();
        return Optional.of(arguments.get(name).deepCopy());
    }

    /** Parses command text. @throws CommandException on a JSON syntax error or a non-command document */
    public static Command parse(String json) throws CommandException {
        JsonNode tree;
        try {
            tree = KeaJson.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new CommandException(e.getOriginalMessage(), e);
        }
        return fromJson(tree);
    }

    /** Checks a parsed document the way Kea's {@code parseCommand} does, with Kea's error texts. */
    public static Command fromJson(JsonNode tree) throws CommandException {
        if (tree == null || tree.isMissingNode()) throw new CommandException("invalid command: no command specified");
        if (!tree.isObject()) {
            throw new CommandException("invalid command: expected toplevel entry to be a map, got "
                    + typeName(tree) + " instead");
        }
        if (!tree.has("command")) throw new CommandException("invalid command: does not contain mandatory 'command'");
        for (String member : (Iterable<String>) tree::fieldNames) {
            if (!MEMBERS.contains(member)) {
                throw new CommandException("invalid command: unsupported parameter '" + member + "'");
            }
        }
        JsonNode cmd = tree.get("command");
        if (!cmd.isTextual()) {
            throw new CommandException("invalid command: expected 'command' to be a string, got "
                    + typeName(cmd) + " instead");
        }
        List<String> services = new ArrayList<>();
        JsonNode svc = tree.get("service");
        if (svc != null && !svc.isNull()) {
            if (!svc.isArray()) {
                throw new CommandException("invalid command: expected 'service' to be a list, got " + typeName(svc) + " instead");
            }
            for (JsonNode s : svc) {
                if (!s.isTextual()) throw new CommandException("invalid command: 'service' entries must be strings");
                services.add(s.textValue());
            }
        }
        return new Command(cmd.textValue(), tree.get("arguments"), services);
    }

    /** {@return this command as Kea would send it} */
    public String toJson() {
        ObjectNode o = KeaJson.object();
        o.put("command", command);
        if (arguments != null) o.set("arguments", arguments.deepCopy());
        if (!service.isEmpty()) service.forEach(o.putArray("service")::add);
        return KeaJson.write(o);
    }

    /** Kea's {@code Element::typeToName}. */
    public static String typeName(JsonNode n) {
        if (n.isObject()) return "map";
        if (n.isArray()) return "list";
        if (n.isTextual()) return "string";
        if (n.isIntegralNumber()) return "integer";
        if (n.isNumber()) return "real";
        if (n.isBoolean()) return "boolean";
        if (n.isNull()) return "null";
        return "unknown";
    }
}
