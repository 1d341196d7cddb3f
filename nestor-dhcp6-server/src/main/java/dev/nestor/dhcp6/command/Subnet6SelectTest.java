package dev.nestor.dhcp6.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nestor.codec.net.Ipv6;
import dev.nestor.common.Bytes;
import dev.nestor.common.net.Ipv4;
import dev.nestor.config.model.Subnet6;
import dev.nestor.control.Answer;
import dev.nestor.control.Command;
import dev.nestor.dhcp.commands.KeaHex;
import dev.nestor.dhcp6.Dhcp6Runtime;
import dev.nestor.engine.v6.SubnetSelector6;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Kea's {@code subnet6-select-test}: runs subnet selection on facts given as arguments ({@code interface},
 * {@code interface-id} of the closest relay, {@code remote} source address, {@code link} = the first relay's
 * link-address, {@code classes}) and names the subnet the server would pick.
 */
final class Subnet6SelectTest {
    private Subnet6SelectTest() {}

    static Answer handle(Command c, Dhcp6Runtime runtime) {
        JsonNode args = c.arguments();
        if (args == null) return Answer.error("empty arguments");
        if (!args.isObject()) return Answer.error("arguments must be a map");
        String iface = "";
        Bytes interfaceId = null;
        Bytes remote = Ipv6.UNSPECIFIED;
        List<Bytes> links = new ArrayList<>();
        Set<String> classes = new HashSet<>();
        // Kea walks the arguments in key order (std::map)
        Map<String, JsonNode> sorted = new TreeMap<>();
        args.properties().forEach(e -> sorted.put(e.getKey(), e.getValue()));
        for (var e : sorted.entrySet()) {
            String key = e.getKey();
            JsonNode v = e.getValue();
            switch (key) {
                case "interface" -> {
                    if (!v.isTextual()) return Answer.error("'interface' entry must be a string");
                    iface = v.textValue();
                }
                case "interface-id" -> {
                    if (!v.isTextual()) return Answer.error("'interface-id' entry must be a string");
                    try {
                        interfaceId = KeaHex.identifier(v.textValue());
                    } catch (IllegalArgumentException ex) {
                        return Answer.error("value of 'interface-id' was not recognized");
                    }
                    if (interfaceId.isEmpty()) return Answer.error("'interface-id' must be not empty");
                }
                case "remote", "link" -> {
                    if (!v.isTextual()) return Answer.error("'" + key + "' entry must be a string");
                    String text = v.textValue();
                    if (Ipv4.isValid(text)) return Answer.error("bad '" + key + "' entry: not IPv6");
                    Bytes a = Dhcp6Family.address(text);
                    if (a == null) {
                        return Answer.error("bad '" + key + "' entry: Failed to convert string to address '" + text + "': Invalid argument");
                    }
                    if (key.equals("remote")) remote = a;
                    else links.add(a);
                }
                case "classes" -> {
                    if (!v.isArray()) return Answer.error("'classes' entry must be a list");
                    for (JsonNode item : v) {
                        if (!item.isTextual()) return Answer.error("'classes' entry must be a list of strings");
                        if (!item.textValue().isEmpty()) classes.add(item.textValue());
                    }
                }
                default -> {
                    return Answer.error("unknown entry '" + key + "'");
                }
            }
        }
        Optional<Subnet6> subnet = runtime.selection().select(new SubnetSelector6(iface, interfaceId, links, remote, classes));
        if (subnet.isEmpty()) return Answer.of(Answer.EMPTY, "no subnet selected");
        Subnet6 s = subnet.get();
        String text = s.sharedNetworkName() != null
                ? "selected shared network '" + s.sharedNetworkName() + "' starting with subnet '" + s.prefix() + "' id " + s.id()
                : "selected subnet '" + s.prefix() + "' id " + s.id();
        return Answer.success(text);
    }
}
