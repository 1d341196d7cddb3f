package dev.nestor.hooks.v4;

import java.util.Objects;

/**
 * Where a DHCPv4 query came from: the transport facts Kea keeps in its Pkt4 (addresses as unsigned ints, see
 * {@code dev.nestor.common.net.Ipv4}).
 */
public record Envelope4(String interfaceName, int interfaceIndex, int sourceAddress, int sourcePort, int destinationAddress) {
    public Envelope4 {
        Objects.requireNonNull(interfaceName, "interfaceName");
    }
}
