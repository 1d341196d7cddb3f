package dev.nestor.transport;

import dev.nestor.common.net.Ipv4;
import dev.nestor.common.net.Ipv4Prefix;

/** One IPv4 address configured on an interface, with its prefix length (192.0.2.1/24 → address, 24). */
public record InterfaceAddress4(int address, int prefixLength) {
    public InterfaceAddress4 {
        if (prefixLength < 0 || prefixLength > 32) throw new IllegalArgumentException("prefix length out of range: " + prefixLength);
    }

    /** The connected subnet, host bits cleared. */
    public Ipv4Prefix prefix() { return new Ipv4Prefix(address, prefixLength); }

    @Override
    public String toString() { return Ipv4.toString(address) + "/" + prefixLength; }
}
