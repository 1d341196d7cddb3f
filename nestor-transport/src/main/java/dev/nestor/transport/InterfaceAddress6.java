package dev.nestor.transport;

import java.util.Arrays;
import java.util.Objects;

/**
 * One IPv6 address configured on an interface, with its prefix length (2001:db8::1/64 → address, 64).
 *
 * @param address      the 16-byte address (copied in and out)
 * @param prefixLength 0..128
 */
public record InterfaceAddress6(byte[] address, int prefixLength) {
    public InterfaceAddress6 {
        address = Ipv6Text.check(address, "address");
        if (prefixLength < 0 || prefixLength > 128) throw new IllegalArgumentException("prefix length out of range: " + prefixLength);
    }

    /** Parses {@code "2001:db8::1"} with a prefix length. */
    public static InterfaceAddress6 of(String address, int prefixLength) {
        return new InterfaceAddress6(Ipv6Text.parse(address), prefixLength);
    }

    @Override
    public byte[] address() { return address.clone(); }

    /** fe80::/10: usable only together with the interface index (scope). */
    public boolean linkLocal() { return Ipv6Text.isLinkLocal(address); }

    /** Whether {@code other} (16 bytes) is this address. */
    public boolean is(byte[] other) { return Arrays.equals(address, other); }

    /** RFC 5952 text of the address alone. */
    public String addressText() { return Ipv6Text.toString(address); }

    @Override
    public boolean equals(Object o) {
        return o instanceof InterfaceAddress6 a && Arrays.equals(a.address, address) && a.prefixLength == prefixLength;
    }

    @Override
    public int hashCode() { return Objects.hash(Arrays.hashCode(address), prefixLength); }

    @Override
    public String toString() { return Ipv6Text.toString(address) + "/" + prefixLength; }
}
