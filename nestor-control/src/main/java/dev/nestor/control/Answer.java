package dev.nestor.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A control answer, {@code { "arguments": ..., "result": 0, "text": "..." }}. As in Kea's {@code createAnswer},
 * {@code text} and {@code arguments} are left out when null (an empty text counts as none).
 */
public record Answer(int result, String text, JsonNode arguments) {
    /** The command succeeded. */
    public static final int SUCCESS = 0;
    /** The command failed. */
    public static final int ERROR = 1;
    /** No handler for the command. */
    public static final int UNSUPPORTED = 2;
    /** Completed, but there was nothing to return (e.g. a lease lookup found nothing). */
    public static final int EMPTY = 3;
    /** The arguments conflict with the server state (e.g. lease4-add with a mismatching subnet-id). */
    public static final int CONFLICT = 4;
    /** Failed and the configuration could not be reverted to a working state (Kea CONTROL_RESULT_FATAL_ERROR). */
    public static final int FATAL_ERROR = 5;

    public Answer {
        if (text != null && text.isEmpty()) text = null;
        arguments = arguments == null || arguments.isMissingNode() ? null : arguments.deepCopy();
    }

    public static Answer success() {
        return new Answer(SUCCESS, null, null);
    }

    public static Answer success(String text) {
        return new Answer(SUCCESS, text, null);
    }

    public static Answer success(JsonNode arguments) {
        return new Answer(SUCCESS, null, arguments);
    }

    public static Answer success(String text, JsonNode arguments) {
        return new Answer(SUCCESS, text, arguments);
    }

    public static Answer error(String text) {
        return of(ERROR, text);
    }

    /** Kea requires a text with every non-success result; so do we when building answers. */
    public static Answer of(int result, String text) {
        return of(result, text, null);
    }

    public static Answer of(int result, String text, JsonNode arguments) {
        if (result != SUCCESS && (text == null || text.isEmpty())) {
            throw new IllegalArgumentException("Text has to be provided for status_code != 0");
        }
        return new Answer(result, text, arguments);
    }

    /** {@return a copy of the arguments, or null when there are none} */
    @Override
    public JsonNode arguments() {
        return arguments == null ? null : arguments.deepCopy();
    }

    public boolean isSuccess() {
        return result == SUCCESS;
    }

    /** {@return the answer as a JSON tree (a fresh copy)} */
    public ObjectNode toJsonNode() {
        ObjectNode o = KeaJson.object();
        o.put("result", result);
        if (text != null) o.put("text", text);
        if (arguments != null) o.set("arguments", arguments.deepCopy());
        return o;
    }

    /** {@return the answer in Kea's exact text form, e.g. {@code { "result": 2, "text": "'foo' command not supported." }}} */
    public String toJson() {
        return KeaJson.write(toJsonNode());
    }

    /** Parses an answer (from a peer or a forwarded daemon), with Kea's {@code parseAnswer} checks. */
    public static Answer parse(String json) throws CommandException {
        JsonNode tree;
        try {
            tree = KeaJson.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new CommandException(e.getOriginalMessage(), e);
        }
        return fromJson(tree);
    }

    public static Answer fromJson(JsonNode tree) throws CommandException {
        if (tree == null || tree.isMissingNode()) throw new CommandException("invalid answer: no answer specified");
        if (!tree.isObject()) {
            throw new CommandException("invalid answer: expected toplevel entry to be a map, got "
                    + Command.typeName(tree) + " instead");
        }
        JsonNode result = tree.get("result");
        if (result == null) throw new CommandException("invalid answer: does not contain mandatory 'result'");
        if (!result.isIntegralNumber() || !result.canConvertToInt()) {
            throw new CommandException("invalid answer: expected 'result' to be an integer, got "
                    + Command.typeName(result) + " instead");
        }
        JsonNode text = tree.get("text");
        return new Answer(result.intValue(), text == null || text.isNull() ? null : text.asText(), tree.get("arguments"));
    }
}
