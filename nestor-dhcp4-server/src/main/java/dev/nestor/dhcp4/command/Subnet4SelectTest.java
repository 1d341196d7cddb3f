package dev.nestor.dhcp4.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nestor.common.net.Ipv4;
import dev.nestor.config.model.Subnet4;
import dev.nestor.control.Answer;
import dev.nestor.control.Command;
import dev.nestor.dhcp.commands.SelectTest;
import dev.nestor.dhcp4.Dhcp4Runtime;
import dev.nestor.engine.select.SubnetSelector;
import dev.nestor.transport.InterfaceAddress4;
import dev.nestor.transport.Interfaces;
import dev.nestor.transport.NetInterface;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Kea's {@code subnet4-select-test}: runs subnet selection on facts given as arguments ({@code interface},
 * {@code address} = ciaddr, {@code relay} = giaddr, {@code local}, {@code remote}, {@code link} (RAI
 * link-selection), {@code subnet} (option 118), {@code classes}) and names the subnet the server would pick.
 */
final class Subnet4SelectTest {
    private static final List<String> ADDRESSES = List.of("address", "relay", "local", "remote", "link", "subnet");

    private Subnet4SelectTest() {}

    static Answer handle(Command c, Dhcp4Runtime runtime) {
        boolean ignoreLinkSelection = runtime.config().globals().compatibility().ignoreRaiLinkSelection();
        JsonNode args = c.arguments();
        if (args instanceof ObjectNode o && o.has("link") && !ignoreLinkSelection) {
            args = o.deepCopy().without("subnet"); // link-selection wins over subnet-selection
        }
        SelectTest.Facts facts = new SelectTest.Facts();
        Map<String, Integer> given = new HashMap<>();
        Answer bad = SelectTest.walk(args, facts, (key, v) -> {
            if (!ADDRESSES.contains(key)) return false;
            given.put(key, Ipv4.parse(SelectTest.address(key, v, 4)));
            return true;
        });
        if (bad != null) return bad;
        int optionSelect = !ignoreLinkSelection && given.containsKey("link") ? given.get("link") : given.getOrDefault("subnet", 0);
        SubnetSelector selector = new SubnetSelector(optionSelect, given.getOrDefault("relay", 0), given.getOrDefault("address", 0),
                given.getOrDefault("remote", 0), given.getOrDefault("local", 0) == Ipv4.BROADCAST, facts.iface(),
                addressesOf(facts.iface()), facts.classes());
        Optional<Subnet4> s = runtime.selection().select(selector);
        return s.isEmpty() ? SelectTest.selected(null, 0, null)
                : SelectTest.selected(s.get().prefix().toString(), s.get().id(), s.get().sharedNetworkName());
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
