package dev.nestor.dhcp4.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nestor.codec.option.OptionDefinitions;
import dev.nestor.common.net.Ipv4;
import dev.nestor.config.ConfigException;
import dev.nestor.config.Dhcp4ConfigParser;
import dev.nestor.config.model.ClientClassDef;
import dev.nestor.config.model.Dhcp4Config;
import dev.nestor.config.model.SharedNetwork4;
import dev.nestor.config.model.Subnet4;
import dev.nestor.dhcp.commands.DhcpFamily;
import dev.nestor.dhcp.commands.NetworkView;
import dev.nestor.dhcp.commands.SubnetView;

import java.util.List;

/** The DHCPv4 config as the shared command sets see it. Stateless. */
public final class Dhcp4Family implements DhcpFamily<Dhcp4Config> {
    public static final Dhcp4Family FAMILY = new Dhcp4Family();

    private Dhcp4Family() {}

    @Override
    public int version() { return 4; }

    @Override
    public Dhcp4Config parse(JsonNode document) throws ConfigException { return Dhcp4ConfigParser.parse(document); }

    @Override
    public String json(Dhcp4Config config) { return config.json(); }

    @Override
    public List<SubnetView> subnets(Dhcp4Config config) {
        return config.subnets().stream().map(Dhcp4Family::view).toList();
    }

    static SubnetView view(Subnet4 s) {
        return new SubnetView(s.id(), s.prefix().toString(), s.sharedNetworkName(), !s.clientClasses().isEmpty(),
                a -> Ipv4.isValid(a) && s.prefix().contains(Ipv4.parse(a)));
    }

    @Override
    public List<NetworkView> networks(Dhcp4Config config) {
        return config.sharedNetworks().stream().map((SharedNetwork4 n) -> new NetworkView(n.name(), n.subnetIds())).toList();
    }

    @Override
    public List<ClientClassDef> clientClasses(Dhcp4Config config) { return config.clientClasses(); }

    @Override
    public OptionDefinitions optionDefinitions(Dhcp4Config config) { return config.optionDefinitions(); }

    @Override
    public boolean ipReservationsUnique(Dhcp4Config config) { return config.globals().ipReservationsUnique(); }
}
