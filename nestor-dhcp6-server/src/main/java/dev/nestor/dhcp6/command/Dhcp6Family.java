package dev.nestor.dhcp6.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nestor.codec.net.Ipv6;
import dev.nestor.codec.option.OptionDefinitions;
import dev.nestor.config.ConfigException;
import dev.nestor.config.Dhcp6ConfigParser;
import dev.nestor.config.model.ClientClassDef;
import dev.nestor.config.model.Dhcp6Config;
import dev.nestor.config.model.Subnet6;
import dev.nestor.dhcp.commands.Addresses;
import dev.nestor.dhcp.commands.DhcpFamily;
import dev.nestor.dhcp.commands.NetworkView;
import dev.nestor.dhcp.commands.SubnetView;

import java.util.List;

/** The DHCPv6 config as the shared command sets see it. Stateless. */
public final class Dhcp6Family implements DhcpFamily<Dhcp6Config> {
    public static final Dhcp6Family FAMILY = new Dhcp6Family();

    private Dhcp6Family() {}

    @Override
    public int version() { return 6; }

    @Override
    public Dhcp6Config parse(JsonNode document) throws ConfigException { return Dhcp6ConfigParser.parse(document); }

    @Override
    public String json(Dhcp6Config config) { return config.json(); }

    @Override
    public List<SubnetView> subnets(Dhcp6Config config) {
        return config.subnets().stream().map(Dhcp6Family::view).toList();
    }

    private static SubnetView view(Subnet6 s) {
        return new SubnetView(s.id(), s.prefix().toString(), s.sharedNetworkName(), !s.clientClasses().isEmpty(),
                a -> Addresses.canonical(a, 6) != null && s.prefix().contains(Ipv6.parse(a)));
    }

    @Override
    public List<NetworkView> networks(Dhcp6Config config) {
        return config.sharedNetworks().stream().map(n -> new NetworkView(n.name(), n.subnetIds())).toList();
    }

    @Override
    public List<ClientClassDef> clientClasses(Dhcp6Config config) { return config.clientClasses(); }

    @Override
    public OptionDefinitions optionDefinitions(Dhcp6Config config) { return config.optionDefinitions(); }

    @Override
    public boolean ipReservationsUnique(Dhcp6Config config) { return config.globals().ipReservationsUnique(); }
}
