package dev.nestor.config.model;

import dev.nestor.common.net.Ipv4Prefix;

import java.util.List;
import java.util.Objects;

/**
 * One IPv4 subnet with its EFFECTIVE parameters (inherited from the global scope and, when inside a shared network,
 * from that network; the subnet's own values win).
 *
 * @param sharedNetworkName         the enclosing shared network, null when the subnet is top-level
 * @param options                   the subnet's own option-data (network and global options are looked up separately)
 * @param relayAddresses            effective {@code relay.ip-addresses} (subnet's own, else the network's)
 * @param interfaceName             effective interface (subnet's own, else the network's), null when none
 * @param clientClasses             guard ("client-classes" list, or older "client-class"); empty = no guard
 * @param evaluateAdditionalClasses "evaluate-additional-classes" (older "require-client-classes")
 * @param subnet4o6Interface        "4o6-interface", "" when none
 * @param path                      JSON path, e.g. {@code Dhcp4.subnet4[0]}
 */
public record Subnet4(long id, Ipv4Prefix prefix, List<Pool4> pools, String sharedNetworkName, SubnetParams4 params,
                      List<OptionData> options, List<Reservation4> reservations, List<Integer> relayAddresses,
                      String interfaceName, List<String> clientClasses, List<String> evaluateAdditionalClasses,
                      String subnet4o6Interface, String path) {
    public Subnet4 {
        if (id < 1 || id > 0xFFFFFFFEL) throw new IllegalArgumentException("subnet id out of range: " + id);
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(params, "params");
        pools = List.copyOf(pools);
        options = List.copyOf(options);
        reservations = List.copyOf(reservations);
        relayAddresses = List.copyOf(relayAddresses);
        clientClasses = List.copyOf(clientClasses);
        evaluateAdditionalClasses = List.copyOf(evaluateAdditionalClasses);
        subnet4o6Interface = subnet4o6Interface == null ? "" : subnet4o6Interface;
        path = path == null ? "" : path;
    }

    /** True when {@code address} lies inside one of the pools. */
    public boolean inPool(int address) {
        for (Pool4 p : pools) if (p.contains(address)) return true;
        return false;
    }
}
