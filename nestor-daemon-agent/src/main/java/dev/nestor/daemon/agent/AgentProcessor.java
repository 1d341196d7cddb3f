package dev.nestor.daemon.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.nestor.control.Answer;
import dev.nestor.control.CommandRegistry;
import dev.nestor.control.KeaJson;
import dev.nestor.control.http.CommandProcessor;
import dev.nestor.control.http.UnixCommandClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Kea's Control Agent command handling: a command with a {@code service} list is forwarded, unchanged, to each
 * named daemon's unix control socket and the answers come back as a list in that order; without a service the
 * agent answers itself (and explains {@code service} when it does not know the command).
 */
final class AgentProcessor implements CommandProcessor {
    private static final Logger log = LoggerFactory.getLogger("dev.nestor.agent");
    private static final String NO_SERVICE_HINT = " You did not include \"service\" parameter in the command,"
            + " which indicates that Kea Control Agent should process this"
            + " command rather than forward it to one or more Kea servers. If you"
            + " aimed to send this command to one of the Kea servers you"
            + " should include the \"service\" parameter in your request, e.g."
            + " \"service\": [ \"dhcp4\" ] to forward the command to the DHCPv4"
            + " server, or \"service\": [ \"dhcp4\", \"dhcp6\", \"d2\" ] to forward it to"
            + " DHCPv4, DHCPv6 and D2 servers etc.";

    private final CommandRegistry registry;
    private final Supplier<AgentConfig> config;
    private final UnixCommandClient client;

    AgentProcessor(CommandRegistry registry, Supplier<AgentConfig> config, UnixCommandClient client) {
        this.registry = registry;
        this.config = config;
        this.client = client;
    }

    @Override
    public JsonNode process(JsonNode request, String remoteAddress) {
        ArrayNode answers = KeaJson.array();
        JsonNode services = request.isObject() ? request.get("service") : null;
        if (services != null && !services.isNull() && !services.isArray()) {
            answers.add(Answer.error("service value must be a list").toJsonNode());
            return answers;
        }
        if (services == null || services.isNull() || services.isEmpty()) {
            Answer a = registry.process(request);
            if (a.result() == Answer.UNSUPPORTED) a = Answer.of(Answer.UNSUPPORTED, a.text() + NO_SERVICE_HINT, a.arguments());
            answers.add(a.toJsonNode());
            return answers;
        }
        String text = KeaJson.write(request);
        String name = request.path("command").asText("");
        for (JsonNode s : services) {
            answers.add(forward(s.asText(""), name, text, remoteAddress));
        }
        return answers;
    }

    private JsonNode forward(String service, String command, String text, String remote) {
        Path socket = config.get().sockets().get(service);
        if (socket == null) {
            return Answer.error("forwarding socket is not configured for the server type " + service).toJsonNode();
        }
        try {
            JsonNode answer = client.send(socket, text);
            log.info("CTRL_AGENT_COMMAND_FORWARDED command {} successfully forwarded to the service {} from remote address {}",
                    command, service, remote);
            return answer;
        } catch (IOException e) {
            log.debug("CTRL_AGENT_COMMAND_FORWARD_FAILED failed forwarding command {}: {}", command, e.getMessage());
            return Answer.error("unable to forward command to the " + service + " service: " + e.getMessage()
                    + ". The server is likely to be offline").toJsonNode();
        }
    }
}
