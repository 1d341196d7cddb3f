package dev.nestor.dhcp6.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nestor.codec.net.Ipv6Prefix;
import dev.nestor.config.model.Dhcp6Config;
import dev.nestor.config.model.Reservation6.IdentifierType;
import dev.nestor.dhcp.commands.Addresses;
import dev.nestor.dhcp.commands.HostCommands;
import dev.nestor.dhcp.commands.HostFamily;
import dev.nestor.dhcp.commands.HostView;
import dev.nestor.dhcp.commands.KeaError;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * DHCPv6 reservations for host_cmds: {@code ip-addresses} and {@code prefixes} lists, Kea's {@code Host::toElement6},
 * {@code checkHost6} and {@code CfgHosts::add6} rules. Stateless.
 */
final class Hosts6 implements HostFamily<Dhcp6Config> {
    static final Hosts6 HOSTS = new Hosts6();
    private static final List<String> IDENTIFIERS = Arrays.stream(IdentifierType.values()).map(IdentifierType::keaName).toList();

    private Hosts6() {}

    @Override
    public List<String> identifiers() { return IDENTIFIERS; }

    @Override
    public List<String> addresses(JsonNode r) {
        List<String> out = new ArrayList<>();
        for (JsonNode a : r.path("ip-addresses")) {
            String address = a.isTextual() ? Addresses.canonical(a.textValue(), 6) : null;
            if (address != null) out.add(address);
        }
        return out;
    }

    @Override
    public List<String> prefixes(JsonNode r) {
        List<String> out = new ArrayList<>();
        for (JsonNode p : r.path("prefixes")) {
            if (!p.isTextual()) continue;
            try {
                out.add(Ipv6Prefix.parse(p.textValue().replace(" ", "")).toString());
            } catch (IllegalArgumentException e) {
                // not a prefix: the config parser refuses it anyway
            }
        }
        return out;
    }

    @Override
    public String address(String text) {
        return Addresses.canonical(text, 6);
    }

    /** Kea's {@code Host::toElement6} plus "subnet-id", as host_cmds answers. */
    @Override
    public ObjectNode toJson(HostView v) {
        ObjectNode o = v.toJson();
        ArrayNode addresses = o.putArray("ip-addresses");
        v.addresses().forEach(addresses::add);
        ArrayNode prefixes = o.putArray("prefixes");
        v.prefixes().forEach(prefixes::add);
        if (v.node().get("excluded-prefixes") instanceof ArrayNode excluded && !excluded.isEmpty()) {
            o.set("excluded-prefixes", excluded.deepCopy());
        }
        return o;
    }

    /** Kea's checkHost6: name the subnet all reserved addresses belong to; prefixes give no hint. */
    @Override
    public KeaError missingSubnet(Dhcp6Config config, List<String> addresses, List<String> prefixes) {
        String missing = "Mandatory 'subnet-id' parameter missing.";
        if (!addresses.isEmpty()) {
            HostCommands.Candidate c = HostCommands.Candidate.of(Dhcp6Family.FAMILY, config, addresses);
            if (c == null) return KeaError.error(missing + " Reserved IPv6 addresses do not belong to a common configured subnet.");
            return KeaError.error(missing + " Reserved IPv6 addresses belong to " + c.describe());
        }
        if (!prefixes.isEmpty()) return KeaError.error(missing + " Prefixes are not attached to subnets so no hint is available.");
        return null;
    }

    /** CfgHosts::add6's "There's already reservation for this address/prefix" (a prefix by its address). */
    @Override
    public KeaError reservedAddress(List<HostView> same, HostView.Id id, List<String> addresses, List<String> prefixes,
                                    long subnetId) {
        List<String> wanted = new ArrayList<>(addresses);
        for (String p : prefixes) wanted.add(p.substring(0, p.indexOf('/')));
        for (String address : wanted) {
            for (HostView v : same) {
                if (!v.reserves(address)) continue;
                return KeaError.error("failed to add address reservation for host using the HW address '" + id.hwText()
                        + " and DUID '" + id.duidText() + "' to the IPv6 subnet id '" + subnetId + "' for address/prefix " + address
                        + ": There's already reservation for this address/prefix");
            }
        }
        return null;
    }
}
