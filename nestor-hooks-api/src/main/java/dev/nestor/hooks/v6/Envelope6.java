package dev.nestor.hooks.v6;

import dev.nestor.common.Bytes;
import java.util.Objects;

/** Where a DHCPv6 query came from; addresses are 16 bytes. */
public record Envelope6(String interfaceName, int interfaceIndex, Bytes sourceAddress, int sourcePort, Bytes destinationAddress) {
    public Envelope6 {
        Objects.requireNonNull(interfaceName, "interfaceName");
        Objects.requireNonNull(sourceAddress, "sourceAddress");
        Objects.requireNonNull(destinationAddress, "destinationAddress");
    }
}
