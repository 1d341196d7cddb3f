package dev.nestor.dhcp6.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nestor.codec.net.Ipv6;
import dev.nestor.common.Bytes;
import dev.nestor.config.model.Subnet6;
import dev.nestor.control.Answer;
import dev.nestor.control.Command;
import dev.nestor.dhcp.commands.KeaError;
import dev.nestor.dhcp.commands.KeaHex;
import dev.nestor.dhcp.commands.SelectTest;
import dev.nestor.dhcp6.Dhcp6Runtime;
import dev.nestor.engine.v6.SubnetSelector6;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Kea's {@code subnet6-select-test}: runs subnet selection on facts given as arguments ({@code interface},
 * {@code interface-id} of the closest relay, {@code remote} source address, {@code link} = the first relay's
 * link-address, {@code classes}) and names the subnet the server would pick.
 */
final class Subnet6SelectTest {
    private Subnet6SelectTest() {}

    static Answer handle(Command c, Dhcp6Runtime runtime) {
        SelectTest.Facts facts = new SelectTest.Facts();
        Bytes[] interfaceId = {null};
        Bytes[] remote = {Ipv6.UNSPECIFIED};
        List<Bytes> links = new ArrayList<>();
        Answer bad = SelectTest.walk(c.arguments(), facts, (key, v) -> {
            switch (key) {
                case "interface-id" -> interfaceId[0] = interfaceId(v);
                case "remote" -> remote[0] = Ipv6.parse(SelectTest.address(key, v, 6));
                case "link" -> links.add(Ipv6.parse(SelectTest.address(key, v, 6)));
                default -> {
                    return false;
                }
            }
            return true;
        });
        if (bad != null) return bad;
        Optional<Subnet6> s = runtime.selection().select(new SubnetSelector6(facts.iface(), interfaceId[0], links, remote[0], facts.classes()));
        return s.isEmpty() ? SelectTest.selected(null, 0, null)
                : SelectTest.selected(s.get().prefix().toString(), s.get().id(), s.get().sharedNetworkName());
    }

    /** Kea: a quoted string as its bytes, else hex. */
    private static Bytes interfaceId(JsonNode v) throws KeaError {
        if (!v.isTextual()) throw KeaError.error("'interface-id' entry must be a string");
        Bytes id;
        try {
            id = KeaHex.identifier(v.textValue());
        } catch (IllegalArgumentException e) {
            throw KeaError.error("value of 'interface-id' was not recognized");
        }
        if (id.isEmpty()) throw KeaError.error("'interface-id' must be not empty");
        return id;
    }
}
