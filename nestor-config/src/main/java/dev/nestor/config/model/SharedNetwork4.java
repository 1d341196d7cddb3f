package dev.nestor.config.model;

import java.util.List;
import java.util.Objects;

/**
 * A shared network: a group of subnets on one link. The member subnets themselves (with parameters already
 * inherited from the network) are in {@link Dhcp4Config#subnets()}; {@code subnetIds} keeps their order.
 *
 * @param interfaceName             null when none
 * @param evaluateAdditionalClasses the network's "evaluate-additional-classes" (older "require-client-classes")
 * @param params                    the network's effective parameters (global values overlaid with its own)
 */
public record SharedNetwork4(String name, List<Long> subnetIds, List<OptionData> options, List<Integer> relayAddresses,
                             String interfaceName, List<String> clientClasses, String path,
                             List<String> evaluateAdditionalClasses, SubnetParams4 params) {
    public SharedNetwork4 {
        Objects.requireNonNull(name, "name");
        subnetIds = List.copyOf(subnetIds);
        options = List.copyOf(options);
        relayAddresses = List.copyOf(relayAddresses);
        clientClasses = List.copyOf(clientClasses);
        evaluateAdditionalClasses = List.copyOf(evaluateAdditionalClasses);
        path = path == null ? "" : path;
        params = params == null ? SubnetParams4.defaults() : params;
    }

    public SharedNetwork4(String name, List<Long> subnetIds, List<OptionData> options, List<Integer> relayAddresses,
                          String interfaceName, List<String> clientClasses, String path) {
        this(name, subnetIds, options, relayAddresses, interfaceName, clientClasses, path, List.of(), null);
    }
}
