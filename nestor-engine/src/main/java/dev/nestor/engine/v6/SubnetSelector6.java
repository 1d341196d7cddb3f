package dev.nestor.engine.v6;

import dev.nestor.codec.net.Ipv6;
import dev.nestor.common.Bytes;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The facts of a DHCPv6 query that subnet selection depends on, taken out of the packet first (Kea's
 * {@code SubnetSelector}), so selection is a pure function of this value and the config.
 *
 * @param interfaceName       ingress interface name, may be empty
 * @param interfaceId         INTERFACE_ID (18) of the relay closest to the client, null when absent or not relayed
 * @param relayLinkAddresses  link-address of every relay layer, from the relay closest to the client outward;
 *                            empty when the query was not relayed
 * @param remoteAddress       source address of the datagram (16 bytes)
 * @param classes             client classes assigned so far (class-guarded subnets)
 */
public record SubnetSelector6(String interfaceName, Bytes interfaceId, List<Bytes> relayLinkAddresses,
                              Bytes remoteAddress, Set<String> classes) {
    public SubnetSelector6 {
        interfaceName = interfaceName == null ? "" : interfaceName;
        relayLinkAddresses = List.copyOf(relayLinkAddresses);
        relayLinkAddresses.forEach(a -> Ipv6.require(a, "relay link address"));
        Ipv6.require(Objects.requireNonNull(remoteAddress, "remoteAddress"), "remote address");
        classes = Set.copyOf(classes);
    }

    public boolean relayed() { return !relayLinkAddresses.isEmpty(); }

    /**
     * Kea's "first relay link address": the first link-address, from the relay closest to the client outward, that
     * is neither {@code ::} nor link-local (a relay may leave it unspecified and rely on interface-id).
     */
    public Optional<Bytes> firstUsableLinkAddress() {
        for (Bytes a : relayLinkAddresses) {
            if (!Ipv6.isUnspecified(a) && !Ipv6.isLinkLocal(a)) return Optional.of(a);
        }
        return Optional.empty();
    }

    public SubnetSelector6 withClasses(Set<String> newClasses) {
        return new SubnetSelector6(interfaceName, interfaceId, relayLinkAddresses, remoteAddress, newClasses);
    }
}
