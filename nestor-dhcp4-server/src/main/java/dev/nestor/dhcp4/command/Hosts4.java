package dev.nestor.dhcp4.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nestor.common.net.Ipv4;
import dev.nestor.config.model.Dhcp4Config;
import dev.nestor.config.model.Reservation4.IdentifierType;
import dev.nestor.dhcp.commands.Addresses;
import dev.nestor.dhcp.commands.HostCommands;
import dev.nestor.dhcp.commands.HostFamily;
import dev.nestor.dhcp.commands.HostView;
import dev.nestor.dhcp.commands.KeaError;

import java.util.Arrays;
import java.util.List;

/** DHCPv4 reservations for host_cmds: one {@code ip-address}, Kea's {@code Host::toElement4}. Stateless. */
final class Hosts4 implements HostFamily<Dhcp4Config> {
    static final Hosts4 HOSTS = new Hosts4();
    private static final List<String> IDENTIFIERS = Arrays.stream(IdentifierType.values()).map(IdentifierType::keaName).toList();

    private Hosts4() {}

    @Override
    public List<String> identifiers() { return IDENTIFIERS; }

    @Override
    public List<String> addresses(JsonNode r) {
        if (r.path("ip-address").isTextual() && Ipv4.isValid(r.get("ip-address").textValue())) {
            int a = Ipv4.parse(r.get("ip-address").textValue());
            if (a != 0) return List.of(Ipv4.toString(a));
        }
        return List.of();
    }

    @Override
    public List<String> prefixes(JsonNode reservation) { return List.of(); }

    @Override
    public String address(String text) {
        return Addresses.canonical(text, 4);
    }

    /** Kea's {@code Host::toElement4} plus "subnet-id", as host_cmds answers. */
    @Override
    public ObjectNode toJson(HostView v) {
        ObjectNode r = v.node();
        ObjectNode o = v.toJson();
        if (!v.addresses().isEmpty()) o.put("ip-address", v.addresses().getFirst());
        String nextServer = r.path("next-server").asText("");
        o.put("next-server", nextServer.isEmpty() ? "0.0.0.0" : nextServer);
        o.put("server-hostname", r.path("server-hostname").asText(""));
        o.put("boot-file-name", r.path("boot-file-name").asText(""));
        return o;
    }

    /** Kea's checkHost4 for a reservation with an address but no subnet-id: name the subnet(s) it belongs to. */
    @Override
    public KeaError missingSubnet(Dhcp4Config config, List<String> addresses, List<String> prefixes) {
        if (addresses.isEmpty()) return null;
        String prefix = "Mandatory 'subnet-id' parameter missing. The address '" + addresses.getFirst() + "'";
        HostCommands.Candidate c = HostCommands.Candidate.of(Dhcp4Family.FAMILY, config, addresses);
        if (c == null) return KeaError.error(prefix + " belongs to no configured subnet.");
        return KeaError.error(prefix + " belongs to " + c.describe());
    }

    /** CfgHosts::add4's "There's already a reservation for this address". */
    @Override
    public KeaError reservedAddress(List<HostView> same, HostView.Id id, List<String> addresses, List<String> prefixes,
                                    long subnetId) {
        if (addresses.isEmpty()) return null;
        String address = addresses.getFirst();
        for (HostView v : same) {
            if (v.addresses().contains(address)) {
                return KeaError.error("failed to add new host using the HW address '" + id.hwText() + " and DUID '" + id.duidText()
                        + "' to the IPv4 subnet id '" + subnetId + "' for the address " + address
                        + ": There's already a reservation for this address");
            }
        }
        return null;
    }
}
