package dev.nestor.config.model;

import dev.nestor.codec.net.Ipv6;
import dev.nestor.codec.net.Ipv6Prefix;
import dev.nestor.common.Bytes;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * One IPv6 subnet with its EFFECTIVE parameters (inherited from the global scope and, when inside a shared network,
 * from that network; the subnet's own values win).
 *
 * @param pools                     address (IA_NA) pools, all inside {@code prefix}
 * @param pdPools                   prefix delegation pools (need not be inside {@code prefix})
 * @param sharedNetworkName         the enclosing shared network, null when the subnet is top-level
 * @param options                   the subnet's own option-data (network and global options are looked up separately)
 * @param relayAddresses            effective {@code relay.ip-addresses} (subnet's own, else the network's)
 * @param interfaceName             effective interface (subnet's own, else the network's), null when none
 * @param interfaceId               effective {@code interface-id} matched against the relay's interface-id option
 *                                  (subnet's own, else the network's), null when none
 * @param clientClasses             guard ("client-classes" list, or older "client-class"); empty = no guard
 * @param evaluateAdditionalClasses "evaluate-additional-classes" (older "require-client-classes")
 * @param path                      JSON path, e.g. {@code Dhcp6.subnet6[0]}
 */
public record Subnet6(long id, Ipv6Prefix prefix, List<Pool6> pools, List<PdPool6> pdPools, String sharedNetworkName,
                      SubnetParams6 params, List<OptionData> options, List<Reservation6> reservations,
                      List<Bytes> relayAddresses, String interfaceName, String interfaceId,
                      List<String> clientClasses, List<String> evaluateAdditionalClasses, String path) {
    public Subnet6 {
        if (id < 1 || id > 0xFFFFFFFEL) throw new IllegalArgumentException("subnet id out of range: " + id);
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(params, "params");
        pools = List.copyOf(pools);
        pdPools = List.copyOf(pdPools);
        options = List.copyOf(options);
        reservations = List.copyOf(reservations);
        relayAddresses = List.copyOf(relayAddresses);
        relayAddresses.forEach(a -> Ipv6.require(a, "relay address"));
        clientClasses = List.copyOf(clientClasses);
        evaluateAdditionalClasses = List.copyOf(evaluateAdditionalClasses);
        path = path == null ? "" : path;
    }

    /** True when {@code address} lies inside one of the address pools. */
    public boolean inPool(Bytes address) {
        for (Pool6 p : pools) if (p.contains(address)) return true;
        return false;
    }

    /** The pool that delegates {@code prefix}, if any. */
    public PdPool6 pdPoolOf(Ipv6Prefix prefix) {
        for (PdPool6 p : pdPools) if (p.contains(prefix)) return p;
        return null;
    }

    /** The interface-id as the bytes a relay sends in its Interface-Id option (Kea takes the string's bytes). */
    public Bytes interfaceIdBytes() {
        return interfaceId == null ? null : Bytes.of(interfaceId.getBytes(StandardCharsets.UTF_8));
    }
}
