package dev.nestor.engine.select;

import java.util.List;
import java.util.Set;

/**
 * The few facts of a packet that subnet selection depends on, taken out of the packet first (as Kea's
 * {@code SubnetSelector}) so selection is a pure function of this value and the config.
 *
 * @param optionSelect        RAI link-selection (82/5) or subnet-selection (118) address, 0 when absent
 * @param giaddr              relay agent address, 0 when not relayed
 * @param ciaddr              client address field
 * @param remoteAddress       source address of the datagram
 * @param localBroadcast      the datagram was sent to a broadcast address
 * @param interfaceName       ingress interface name, may be empty
 * @param interfaceAddresses  IPv4 addresses of the ingress interface, for directly connected clients
 * @param classes             client classes assigned so far (class-guarded subnets)
 */
public record SubnetSelector(int optionSelect, int giaddr, int ciaddr, int remoteAddress, boolean localBroadcast,
                             String interfaceName, List<Integer> interfaceAddresses, Set<String> classes) {
    public SubnetSelector {
        interfaceName = interfaceName == null ? "" : interfaceName;
        interfaceAddresses = List.copyOf(interfaceAddresses);
        classes = Set.copyOf(classes);
    }

    public boolean relayed() { return giaddr != 0; }

    public SubnetSelector withClasses(Set<String> newClasses) {
        return new SubnetSelector(optionSelect, giaddr, ciaddr, remoteAddress, localBroadcast, interfaceName, interfaceAddresses, newClasses);
    }
}
