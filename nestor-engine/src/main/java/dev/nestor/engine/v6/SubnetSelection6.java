package dev.nestor.engine.v6;

import dev.nestor.common.Bytes;
import dev.nestor.config.model.Dhcp6Config;
import dev.nestor.config.model.SharedNetwork6;
import dev.nestor.config.model.Subnet6;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Picks the subnet for a DHCPv6 query in Kea's order. Relayed: the interface-id of the relay closest to the
 * client, then the first usable relay link-address against each subnet's (or its network's) relay
 * {@code ip-addresses}, then that address within a subnet prefix. Direct: the subnet's {@code interface} name, then
 * the source address within a subnet prefix (which a link-local source never is). Immutable; built once per config.
 */
public final class SubnetSelection6 {
    private final Dhcp6Config config;

    public SubnetSelection6(Dhcp6Config config) {
        this.config = config;
    }

    public Optional<Subnet6> select(SubnetSelector6 s) {
        Optional<Bytes> link = s.firstUsableLinkAddress();
        if (!s.relayed() || (link.isEmpty() && s.interfaceId() == null)) {
            Optional<Subnet6> byName = byInterfaceName(s.interfaceName(), s.classes());
            if (byName.isPresent()) return byName;
            return byAddress(s.remoteAddress(), s.classes());
        }
        if (s.interfaceId() != null) {
            for (Subnet6 subnet : config.subnets()) {
                Bytes id = subnet.interfaceIdBytes();
                if (id != null && id.equals(s.interfaceId()) && supported(subnet, s.classes())) return Optional.of(subnet);
            }
        }
        if (link.isEmpty()) return Optional.empty();
        for (Subnet6 subnet : config.subnets()) {
            if (relayAddressesOf(subnet).contains(link.get()) && supported(subnet, s.classes())) return Optional.of(subnet);
        }
        return byAddress(link.get(), s.classes());
    }

    /** The subnet's own relay addresses, else its shared network's (Kea's hasRelays / network fallback). */
    private List<Bytes> relayAddressesOf(Subnet6 subnet) {
        if (!subnet.relayAddresses().isEmpty()) return subnet.relayAddresses();
        if (subnet.sharedNetworkName() == null) return List.of();
        return config.sharedNetwork(subnet.sharedNetworkName()).map(SharedNetwork6::relayAddresses).orElse(List.of());
    }

    private Optional<Subnet6> byInterfaceName(String name, Set<String> classes) {
        if (name.isEmpty()) return Optional.empty();
        for (Subnet6 subnet : config.subnets()) {
            if (name.equals(subnet.interfaceName()) && supported(subnet, classes)) return Optional.of(subnet);
        }
        return Optional.empty();
    }

    private Optional<Subnet6> byAddress(Bytes address, Set<String> classes) {
        for (Subnet6 subnet : config.subnets()) {
            if (subnet.prefix().contains(address) && supported(subnet, classes)) return Optional.of(subnet);
        }
        return Optional.empty();
    }

    /** Kea: a class-guarded subnet (or network) admits a client that belongs to at least one listed class. */
    public boolean supported(Subnet6 subnet, Set<String> classes) {
        if (!guardAdmits(subnet.clientClasses(), classes)) return false;
        if (subnet.sharedNetworkName() != null) {
            Optional<SharedNetwork6> net = config.sharedNetwork(subnet.sharedNetworkName());
            if (net.isPresent() && !guardAdmits(net.get().clientClasses(), classes)) return false;
        }
        return true;
    }

    static boolean guardAdmits(Collection<String> guard, Set<String> classes) {
        if (guard.isEmpty()) return true;
        for (String c : guard) if (classes.contains(c)) return true;
        return false;
    }

    /**
     * The subnets a client may get leases from once {@code selected} is chosen: the selected one first, then the
     * other subnets of its shared network that admit the client.
     */
    public List<Subnet6> candidates(Subnet6 selected, Set<String> classes) {
        List<Subnet6> out = new ArrayList<>();
        out.add(selected);
        if (selected.sharedNetworkName() == null) return out;
        for (Subnet6 subnet : config.subnets()) {
            if (subnet.id() != selected.id() && selected.sharedNetworkName().equals(subnet.sharedNetworkName())
                    && supported(subnet, classes)) {
                out.add(subnet);
            }
        }
        return out;
    }
}
