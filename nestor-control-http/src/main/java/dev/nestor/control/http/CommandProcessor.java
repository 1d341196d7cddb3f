package dev.nestor.control.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nestor.control.Answer;
import dev.nestor.control.CommandRegistry;
import dev.nestor.control.KeaJson;

/**
 * Turns one parsed HTTP request body into the JSON body of the answer. Called on the request's virtual thread;
 * must not throw for bad commands (answer them instead).
 */
@FunctionalInterface
public interface CommandProcessor {
    /** @param remoteAddress the client's address text, passed on as Kea's {@code remote-address} */
    JsonNode process(JsonNode request, String remoteAddress);

    /**
     * A Kea 3.0 daemon's HTTP command channel: a {@code service} other than {@code ownService} is refused with
     * Kea's texts, the command goes to {@code registry}, and the answer is wrapped in a list as the Control Agent
     * used to answer, so agent-era clients keep working.
     */
    static CommandProcessor daemon(CommandRegistry registry, String ownService) {
        return (request, remote) -> {
            Answer answer = checkService(request, ownService);
            if (answer == null) {
                JsonNode cmd = request;
                if (request.isObject() && remote != null && !request.has("remote-address")) {
                    ObjectNode copy = ((ObjectNode) request).deepCopy();
                    copy.put("remote-address", remote);
                    cmd = copy;
                }
                answer = registry.process(cmd);
            }
            ArrayNode list = KeaJson.array();
            list.add(answer.toJsonNode());
            return list;
        };
    }

    /** Kea's HttpCommandResponseCreator::checkService; null when the command may proceed. */
    static Answer checkService(JsonNode command, String ownService) {
        if (command == null || !command.isObject()) return null;
        JsonNode services = command.get("service");
        if (services == null) return null;
        if (!services.isArray()) return Answer.error("service value must be a list");
        if (services.isEmpty()) return null;
        if (services.size() != 1) return Answer.error("service value has more than one item");
        JsonNode s = services.get(0);
        if (!s.isTextual()) return Answer.error("service name must be a string");
        String name = s.textValue();
        if (name.isEmpty() || name.equals(ownService)) return null;
        return Answer.error("unsupported service '" + name + "', expected '" + ownService + "'");
    }
}
