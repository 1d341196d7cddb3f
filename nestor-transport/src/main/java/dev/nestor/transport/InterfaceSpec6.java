package dev.nestor.transport;

import java.util.Arrays;
import java.util.Objects;

/**
 * One entry of Kea's {@code Dhcp6 interfaces-config.interfaces}: {@code "*"}, {@code "eth0"} or
 * {@code "eth0/2001:db8::1"}. In DHCPv6 the bare name means the link-local addresses and the ff02::1:2 group; the
 * address form adds one unicast address to listen on (for relays or clients sending to the server directly).
 *
 * @param name    interface name, or {@code "*"} for the wildcard
 * @param address the unicast address to listen on as well (16 bytes), or an empty array for none; copied in and out
 */
public record InterfaceSpec6(String name, byte[] address) {
    public InterfaceSpec6 {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("empty interface name");
        if (!name.equals(InterfaceSpec.WILDCARD)) new InterfaceSpec(name, 0); // same name rules as v4
        address = address == null ? new byte[0] : address.clone();
        if (address.length != 0) {
            Ipv6Text.check(address, "address");
            if (name.equals(InterfaceSpec.WILDCARD)) throw new IllegalArgumentException("'*' cannot carry an address");
            if (Ipv6Text.isMulticast(address) || Ipv6Text.isUnspecified(address))
                throw new IllegalArgumentException("not a unicast address: " + Ipv6Text.toString(address));
        }
    }

    public static InterfaceSpec6 parse(String text) {
        if (text == null) throw new IllegalArgumentException("null interface specification");
        String t = text.trim();
        int slash = t.indexOf('/');
        if (slash < 0) return new InterfaceSpec6(t, new byte[0]);
        String addr = t.substring(slash + 1);
        if (!Ipv6Text.isValid(addr)) throw new IllegalArgumentException("invalid IPv6 address in interface specification: " + text);
        return new InterfaceSpec6(t.substring(0, slash), Ipv6Text.parse(addr));
    }

    @Override
    public byte[] address() { return address.clone(); }

    public boolean isWildcard() { return name.equals(InterfaceSpec.WILDCARD); }

    public boolean hasAddress() { return address.length != 0; }

    @Override
    public boolean equals(Object o) { return o instanceof InterfaceSpec6 s && s.name.equals(name) && Arrays.equals(s.address, address); }

    @Override
    public int hashCode() { return Objects.hash(name, Arrays.hashCode(address)); }

    @Override
    public String toString() { return hasAddress() ? name + "/" + Ipv6Text.toString(address) : name; }
}
