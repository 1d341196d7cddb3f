package dev.nestor.dhcp4.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nestor.common.net.Ipv4;
import dev.nestor.config.model.Subnet4;
import dev.nestor.control.Answer;
import dev.nestor.control.Command;
import dev.nestor.dhcp4.Dhcp4Runtime;
import dev.nestor.engine.select.SubnetSelector;
import dev.nestor.transport.InterfaceAddress4;
import dev.nestor.transport.Interfaces;
import dev.nestor.transport.NetInterface;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Kea's {@code subnet4-select-test}: runs subnet selection on facts given as arguments ({@code interface},
 * {@code address} = ciaddr, {@code relay} = giaddr, {@code local}, {@code remote}, {@code link} (RAI
 * link-selection), {@code subnet} (option 118), {@code classes}) and names the subnet the server would pick.
 */
final class Subnet4SelectTest {
    private Subnet4SelectTest() {}

    static Answer handle(Command c, Dhcp4Runtime runtime) {
        JsonNode args = c.arguments();
        if (args == null) return Answer.error("empty arguments");
        if (!args.isObject()) return Answer.error("arguments must be a map");
        boolean ignoreLinkSelection = runtime.config().globals().compatibility().ignoreRaiLinkSelection();
        String iface = "";
        int ciaddr = 0, giaddr = 0, local = 0, remote = 0, optionSelect = 0;
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
                case "address", "relay", "local", "remote", "link", "subnet" -> {
                    if (key.equals("subnet") && args.has("link") && !ignoreLinkSelection) continue; // link-selection wins
                    if (!v.isTextual()) return Answer.error("'" + key + "' entry must be a string");
                    String text = v.textValue();
                    if (!Ipv4.isValid(text)) {
                        return Answer.error(text.contains(":") ? "bad '" + key + "' entry: not IPv4"
                                : "bad '" + key + "' entry: Failed to convert string to address '" + text + "': Invalid argument");
                    }
                    int a = Ipv4.parse(text);
                    switch (key) {
                        case "address" -> ciaddr = a;
                        case "relay" -> giaddr = a;
                        case "local" -> local = a;
                        case "remote" -> remote = a;
                        case "link" -> { if (!ignoreLinkSelection) optionSelect = a; }
                        default -> optionSelect = a;
                    }
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
        SubnetSelector selector = new SubnetSelector(optionSelect, giaddr, ciaddr, remote, local == Ipv4.BROADCAST,
                iface, addressesOf(iface), classes);
        Optional<Subnet4> subnet = runtime.selection().select(selector);
        if (subnet.isEmpty()) return Answer.of(Answer.EMPTY, "no subnet selected");
        Subnet4 s = subnet.get();
        String text = s.sharedNetworkName() != null
                ? "selected shared network '" + s.sharedNetworkName() + "' starting with subnet '" + s.prefix() + "' id " + s.id()
                : "selected subnet '" + s.prefix() + "' id " + s.id();
        return Answer.success(text);
    }

    private static List<Integer> addressesOf(String iface) {
        if (iface.isEmpty()) return List.of();
        try {
            for (NetInterface ni : Interfaces.list()) {
                if (ni.name().equals(iface)) return ni.ipv4().stream().map(InterfaceAddress4::address).toList();
            }
        } catch (RuntimeException e) {
            // interfaces unreadable: select by configured interface name only
        }
        return List.of();
    }
}
