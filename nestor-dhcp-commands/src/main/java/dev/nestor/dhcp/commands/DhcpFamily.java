package dev.nestor.dhcp.commands;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nestor.codec.option.OptionDefinitions;
import dev.nestor.config.ConfigException;
import dev.nestor.config.model.ClientClassDef;

import java.util.List;
import java.util.Optional;

/**
 * What the shared command sets need to know about one protocol's config: its names ({@code Dhcp4},
 * {@code subnet4}, "IPv4", ...), how to parse a document, and a protocol-free view of its subnets, shared networks
 * and classes. Kea's hook libraries do the same with {@code CfgMgr::getFamily()}; here the server module hands
 * its family to the command sets, so one implementation serves DHCPv4 and DHCPv6.
 *
 * @param <C> the parsed config type ({@code Dhcp4Config}, {@code Dhcp6Config})
 */
public interface DhcpFamily<C> {
    /** 4 or 6. */
    int version();

    /** The config's top-level key: {@code Dhcp4} / {@code Dhcp6}. */
    default String root() {
        return "Dhcp" + version();
    }

    /** The subnet list key: {@code subnet4} / {@code subnet6} (also the subnet commands' prefix). */
    default String subnetKey() {
        return "subnet" + version();
    }

    /** "IPv4" / "IPv6", as Kea's texts say. */
    default String ip() {
        return "IPv" + version();
    }

    /** The standard option space: {@code dhcp4} / {@code dhcp6}. */
    default String optionSpace() {
        return "dhcp" + version();
    }

    /** Parses and validates a whole document, {@code {"Dhcp4": {...}}}. */
    C parse(JsonNode document) throws ConfigException;

    /** Canonical JSON text of the config's root object. */
    String json(C config);

    /** Every subnet (top-level first, then each network's), in config order. */
    List<SubnetView> subnets(C config);

    List<NetworkView> networks(C config);

    List<ClientClassDef> clientClasses(C config);

    OptionDefinitions optionDefinitions(C config);

    /** The global {@code ip-reservations-unique}. */
    boolean ipReservationsUnique(C config);

    /** The canonical text of a subnet prefix given in a command ("192.0.2.0/24"), or null when it does not parse. */
    default String canonicalPrefix(String text) {
        return Addresses.canonicalPrefix(text, version());
    }

    /**
     * The identity of a pool spelling, whatever its form ({@code "a - b"} or {@code "p/len"}), so delta commands
     * match pools by the addresses they cover; the text itself when it does not parse.
     */
    default Object poolRange(String text) {
        return Addresses.range(text, version());
    }

    /** The first subnet holding {@code address} that has no class guard (Kea's {@code selectSubnet(address)}). */
    default java.util.Optional<SubnetView> subnetOf(C config, String address) {
        return subnets(config).stream().filter(s -> !s.guarded() && s.contains(address)).findFirst();
    }

    default Optional<SubnetView> subnet(C config, long id) {
        return subnets(config).stream().filter(s -> s.id() == id).findFirst();
    }

    default Optional<NetworkView> network(C config, String name) {
        return networks(config).stream().filter(n -> n.name().equals(name)).findFirst();
    }

    default Optional<ClientClassDef> clientClass(C config, String name) {
        return clientClasses(config).stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
