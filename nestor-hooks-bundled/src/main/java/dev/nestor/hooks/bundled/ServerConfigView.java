package dev.nestor.hooks.bundled;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nestor.codec.option.OptionDefinitions;
import dev.nestor.config.ConfigException;
import dev.nestor.config.Dhcp4ConfigParser;
import dev.nestor.config.Dhcp6ConfigParser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the bundled libraries read from the server's configuration ({@code HookContext.serverConfig()}): subnets
 * (top level and inside shared networks), client classes, and the option definitions. Built once in {@code load}.
 *
 * @param v6 true for a {@code Dhcp6} object
 */
public record ServerConfigView(JsonNode config, boolean v6) {
    public ServerConfigView {
        config = config == null ? JsonNodeFactory.instance.objectNode() : config.deepCopy();
    }

    /** {@return every subnet entry by id, top-level and in shared networks, in config order} */
    public Map<Long, JsonNode> subnets() {
        String key = v6 ? "subnet6" : "subnet4";
        Map<Long, JsonNode> out = new LinkedHashMap<>();
        for (JsonNode s : config.path(key)) out.put(s.path("id").asLong(), s);
        for (JsonNode n : config.path("shared-networks")) {
            for (JsonNode s : n.path(key)) out.put(s.path("id").asLong(), s);
        }
        return out;
    }

    /** {@return the client class entries, in config order} */
    public List<JsonNode> clientClasses() {
        List<JsonNode> out = new ArrayList<>();
        config.path("client-classes").forEach(out::add);
        return out;
    }

    /** {@return the standard option definitions plus the config's option-def entries; the standard ones if unreadable} */
    public OptionDefinitions optionDefinitions() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.set(v6 ? "Dhcp6" : "Dhcp4", config.deepCopy());
        try {
            return v6 ? Dhcp6ConfigParser.parse(root).optionDefinitions() : Dhcp4ConfigParser.parse(root).optionDefinitions();
        } catch (ConfigException | RuntimeException e) {
            return v6 ? OptionDefinitions.standardV6() : OptionDefinitions.standardV4();
        }
    }

    /** {@return the top-level option space: dhcp4 or dhcp6} */
    public String space() { return v6 ? "dhcp6" : "dhcp4"; }
}
