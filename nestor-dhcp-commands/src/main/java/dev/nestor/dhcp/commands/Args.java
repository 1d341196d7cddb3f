package dev.nestor.dhcp.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nestor.control.Answer;
import dev.nestor.control.Command;
import dev.nestor.control.CommandHandler;
import dev.nestor.control.KeaJson;

import java.util.List;

/**
 * Argument access with the texts of Kea's {@code SimpleParser} getters, and the exception-to-answer rule of
 * Kea's hook command handlers: any failure becomes result 1 with the failure's text (a {@link KeaError} carries
 * its own result code). Kea appends the JSON position of the element to some texts, e.g.
 * {@code (<string>:1:34)}; control-channel JSON here has no positions, so that suffix is left out.
 */
public final class Args {
    private Args() {}

    /** The body of a command: gets the (possibly null) arguments, answers or throws. */
    @FunctionalInterface
    public interface Body {
        Answer run(JsonNode args) throws Exception;
    }

    public static CommandHandler handler(Body body) {
        return c -> run(body, c);
    }

    private static Answer run(Body body, Command c) {
        try {
            return body.run(c.arguments());
        } catch (KeaError e) {
            return e.answer();
        } catch (Exception e) {
            return Answer.error(e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    public static String string(JsonNode scope, String name) throws KeaError {
        JsonNode x = scope.get(name);
        if (x == null) throw KeaError.error("missing parameter '" + name + "'");
        if (!x.isTextual()) throw KeaError.error("invalid type specified for parameter '" + name + "'");
        return x.textValue();
    }

    public static long integer(JsonNode scope, String name) throws KeaError {
        JsonNode x = scope.get(name);
        if (x == null) throw KeaError.error("missing parameter '" + name + "'");
        if (!x.isIntegralNumber() || !x.canConvertToLong()) {
            throw KeaError.error("invalid type specified for parameter '" + name + "'");
        }
        return x.longValue();
    }

    /** Kea's getInteger(scope, name, min, max). */
    public static long integer(JsonNode scope, String name, long min, long max) throws KeaError {
        long v = integer(scope, name);
        if (v < min || v > max) {
            throw KeaError.error("The '" + name + "' value (" + v + ") is not within expected range: (" + min + " - " + max + ")");
        }
        return v;
    }

    /** Kea's getUint32 / getUint8 (getIntType). */
    public static long unsigned(JsonNode scope, String name, long max) throws KeaError {
        long v = integer(scope, name);
        if (v < 0 || v > max) {
            throw KeaError.error("out of range value (" + v + ") specified for parameter '" + name + "'");
        }
        return v;
    }

    public static long uint32(JsonNode scope, String name) throws KeaError {
        return unsigned(scope, name, 0xFFFFFFFFL);
    }

    public static boolean bool(JsonNode scope, String name) throws KeaError {
        JsonNode x = scope.get(name);
        if (x == null) throw KeaError.error("missing parameter '" + name + "'");
        if (!x.isBoolean()) throw KeaError.error("invalid type specified for parameter '" + name + "'");
        return x.booleanValue();
    }

    /** Kea's Element::typeToName. */
    public static String typeName(JsonNode n) {
        return Command.typeName(n);
    }

    /**
     * The answer of the *-list commands: {@code {key: [names...]}}, result 0, or 3 when empty, with Kea's
     * "N IPv4 subnets found" / "1 class found" text.
     *
     * @param one  the noun after the count for one item ("IPv4 subnet"), {@code many} for the others
     */
    public static Answer listed(String key, List<? extends JsonNode> items, String one, String many) {
        ArrayNode list = KeaJson.array();
        items.forEach(list::add);
        ObjectNode args = KeaJson.object();
        args.set(key, list);
        String text = items.size() + " " + (items.size() == 1 ? one : many) + " found";
        return Answer.of(items.isEmpty() ? Answer.EMPTY : Answer.SUCCESS, text, args);
    }

    /** {@code {"name": name}}, the entries of network and class lists. */
    public static JsonNode named(String name) {
        return KeaJson.object().put("name", name);
    }

    /** Kea's parseCommandWithArgs checks (class_cmds and friends): arguments present, a map, not empty. */
    public static JsonNode mandatoryMap(String command, JsonNode args) throws KeaError {
        if (args == null) throw KeaError.error("invalid command '" + command + "': no arguments specified");
        if (!args.isObject()) {
            throw KeaError.error("invalid command '" + command + "': expected 'arguments' to be a map, got "
                    + typeName(args) + " instead");
        }
        if (args.isEmpty()) throw KeaError.error("invalid command '" + command + "': 'arguments' is empty");
        return args;
    }
}
