package dev.nestor.config.model;

import dev.nestor.common.Bytes;

import java.util.List;
import java.util.Objects;

/**
 * A DHCPv6 shared network: a group of subnets on one link. The member subnets themselves (with parameters already
 * inherited from the network) are in {@link Dhcp6Config#subnets()}; {@code subnetIds} keeps their order.
 *
 * @param relayAddresses            {@code relay.ip-addresses}, 16-byte addresses
 * @param interfaceName             null when none
 * @param interfaceId               null when none
 * @param evaluateAdditionalClasses the network's "evaluate-additional-classes" (older "require-client-classes")
 * @param params                    the network's effective parameters (global values overlaid with its own)
 */
public record SharedNetwork6(String name, List<Long> subnetIds, List<OptionData> options, List<Bytes> relayAddresses,
                             String interfaceName, String interfaceId, List<String> clientClasses,
                             List<String> evaluateAdditionalClasses, SubnetParams6 params, String path) {
    public SharedNetwork6 {
        Objects.requireNonNull(name, "name");
        subnetIds = List.copyOf(subnetIds);
        options = List.copyOf(options);
        relayAddresses = List.copyOf(relayAddresses);
        clientClasses = List.copyOf(clientClasses);
        evaluateAdditionalClasses = List.copyOf(evaluateAdditionalClasses);
        Objects.requireNonNull(params, "params");
        path = path == null ? "" : path;
    }
}
