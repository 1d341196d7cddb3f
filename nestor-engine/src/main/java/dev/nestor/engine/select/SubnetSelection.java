package dev.nestor.engine.select;

import dev.nestor.common.net.Ipv4;
import dev.nestor.config.model.Dhcp4Config;
import dev.nestor.config.model.SharedNetwork4;
import dev.nestor.config.model.Subnet4;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Picks the subnet for a query in Kea's order: link-selection / subnet-selection option, relay
 * {@code ip-addresses}, giaddr, ciaddr, source address, then the ingress interface (its configured name, then its
 * addresses). Immutable; built once per config.
 */
public final class SubnetSelection {
    private final Dhcp4Config config;

    public SubnetSelection(Dhcp4Config config) {
        this.config = config;
    }

    public Optional<Subnet4> select(SubnetSelector s) {
        if (s.optionSelect() != 0) {
            return byAddress(s.optionSelect(), s.classes());
        }
        if (s.relayed()) {
            for (Subnet4 subnet : config.subnets()) {
                if (subnet.relayAddresses().contains(s.giaddr()) && supported(subnet, s.classes())) {
                    return Optional.of(subnet);
                }
            }
        }
        int address;
        if (s.relayed()) {
            address = s.giaddr();
        } else if (s.ciaddr() != 0 && !s.localBroadcast()) {
            address = s.ciaddr();
        } else if (s.remoteAddress() != 0 && !s.localBroadcast()) {
            address = s.remoteAddress();
        } else {
            return byInterface(s);
        }
        return byAddress(address, s.classes());
    }

    private Optional<Subnet4> byInterface(SubnetSelector s) {
        if (!s.interfaceName().isEmpty()) {
            for (Subnet4 subnet : config.subnets()) {
                if (s.interfaceName().equals(subnet.interfaceName()) && supported(subnet, s.classes())) {
                    return Optional.of(subnet);
                }
            }
        }
        for (int address : s.interfaceAddresses()) {
            Optional<Subnet4> found = byAddress(address, s.classes());
            if (found.isPresent()) return found;
        }
        return Optional.empty();
    }

    private Optional<Subnet4> byAddress(int address, Set<String> classes) {
        for (Subnet4 subnet : config.subnets()) {
            if (subnet.prefix().contains(address) && supported(subnet, classes)) {
                return Optional.of(subnet);
            }
        }
        return Optional.empty();
    }

    /** Kea: a class-guarded subnet (or network) admits a client that belongs to at least one listed class. */
    public boolean supported(Subnet4 subnet, Set<String> classes) {
        if (!guardAdmits(subnet.clientClasses(), classes)) return false;
        if (subnet.sharedNetworkName() != null) {
            Optional<SharedNetwork4> net = config.sharedNetwork(subnet.sharedNetworkName());
            if (net.isPresent() && !guardAdmits(net.get().clientClasses(), classes)) return false;
        }
        return true;
    }

    private static boolean guardAdmits(Collection<String> guard, Set<String> classes) {
        if (guard.isEmpty()) return true;
        for (String c : guard) if (classes.contains(c)) return true;
        return false;
    }

    /**
     * The subnets a client may get an address from once {@code selected} is chosen: the selected one first, then
     * the other subnets of its shared network that admit the client.
     */
    public List<Subnet4> candidates(Subnet4 selected, Set<String> classes) {
        List<Subnet4> out = new ArrayList<>();
        out.add(selected);
        if (selected.sharedNetworkName() == null) return out;
        for (Subnet4 subnet : config.subnets()) {
            if (subnet.id() != selected.id() && selected.sharedNetworkName().equals(subnet.sharedNetworkName())
                    && supported(subnet, classes)) {
                out.add(subnet);
            }
        }
        return out;
    }

    /** The subnet containing {@code address}, regardless of classes (for lease lookups). */
    public Optional<Subnet4> containing(int address) {
        for (Subnet4 subnet : config.subnets()) {
            if (subnet.prefix().contains(address)) return Optional.of(subnet);
        }
        return Optional.empty();
    }

    static String describe(int address) {
        return Ipv4.toString(address);
    }
}
