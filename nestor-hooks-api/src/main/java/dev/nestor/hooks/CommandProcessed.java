package dev.nestor.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * {@code command_processed}: a control command was answered. In: {@code name}, {@code arguments} (null when none).
 * In/out: {@code response}, the answer sent back. Steps: none (the answer is always sent).
 */
public record CommandProcessed(String name, JsonNode arguments, JsonNode response) {
    public CommandProcessed {
        Objects.requireNonNull(name, "name");
        arguments = arguments == null ? null : arguments.deepCopy();
        response = Objects.requireNonNull(response, "response").deepCopy();
    }

    @Override public JsonNode arguments() { return arguments == null ? null : arguments.deepCopy(); }

    @Override public JsonNode response() { return response.deepCopy(); }

    public CommandProcessed withResponse(JsonNode r) { return new CommandProcessed(name, arguments, r); }
}
