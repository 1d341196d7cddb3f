package dev.nestor.dhcp6.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nestor.codec.net.Ipv6;
import dev.nestor.codec.net.Ipv6Prefix;
import dev.nestor.codec.option.OptionDefinitions;
import dev.nestor.common.Bytes;
import dev.nestor.config.ConfigException;
import dev.nestor.config.Dhcp6ConfigParser;
import dev.nestor.config.model.ClientClassDef;
import dev.nestor.config.model.Dhcp6Config;
import dev.nestor.config.model.Subnet6;
import dev.nestor.dhcp.commands.DhcpFamily;
import dev.nestor.dhcp.commands.NetworkView;
import dev.nestor.dhcp.commands.SubnetView;

import java.math.BigInteger;
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
        return new SubnetView(s.id(), s.prefix().toString(), s.sharedNetworkName(), !s.clientClasses().isEmpty(), a -> {
            Bytes address = address(a);
            return address != null && s.prefix().contains(address);
        });
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

    @Override
    public String canonicalPrefix(String text) {
        try {
            return Ipv6Prefix.parse(text.replace(" ", "")).toString();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A pool's address range as [first, last] numbers, or the text itself when it does not parse. */
    @Override
    public Object poolRange(String text) {
        String t = text.replace(" ", "").replace("\t", "");
        try {
            int slash = t.indexOf('/');
            if (slash >= 0) {
                Ipv6Prefix p = Ipv6Prefix.parse(t);
                BigInteger first = number(p.network());
                return List.of(first, first.add(BigInteger.ONE.shiftLeft(128 - p.length())).subtract(BigInteger.ONE));
            }
            int dash = t.indexOf('-');
            if (dash >= 0) return List.of(number(Ipv6.parse(t.substring(0, dash))), number(Ipv6.parse(t.substring(dash + 1))));
        } catch (IllegalArgumentException e) {
            // fall through: compare as text
        }
        return t;
    }

    /** An IPv6 address as an unsigned number. */
    static BigInteger number(Bytes address) {
        return new BigInteger(1, address.toArray());
    }

    /** The address of an IPv6 literal, or null when the text is not one. */
    static Bytes address(String text) {
        try {
            return Ipv6.parse(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
