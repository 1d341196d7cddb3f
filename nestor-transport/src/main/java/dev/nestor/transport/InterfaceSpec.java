package dev.nestor.transport;

import dev.nestor.common.net.Ipv4;

/**
 * One entry of Kea's {@code interfaces-config.interfaces}: {@code "*"}, {@code "eth0"} or {@code "eth0/192.0.2.1"}.
 *
 * @param name    interface name, or {@code "*"} for the wildcard
 * @param address the one address to use on that interface, 0 = all its addresses
 */
public record InterfaceSpec(String name, int address) {
    public static final String WILDCARD = "*";

    public InterfaceSpec {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("empty interface name");
        if (name.equals(WILDCARD) && address != 0) throw new IllegalArgumentException("'*' cannot carry an address");
        if (name.length() > 15) throw new IllegalArgumentException("interface name longer than 15 characters: " + name);
        if (name.contains("/") || name.chars().anyMatch(Character::isWhitespace))
            throw new IllegalArgumentException("invalid interface name: " + name);
    }

    public static InterfaceSpec parse(String text) {
        if (text == null) throw new IllegalArgumentException("null interface specification");
        String t = text.trim();
        int slash = t.indexOf('/');
        if (slash < 0) return new InterfaceSpec(t, 0);
        String addr = t.substring(slash + 1);
        if (!Ipv4.isValid(addr)) throw new IllegalArgumentException("invalid address in interface specification: " + text);
        return new InterfaceSpec(t.substring(0, slash), Ipv4.parse(addr));
    }

    public boolean isWildcard() { return name.equals(WILDCARD); }

    @Override
    public String toString() { return address == 0 ? name : name + "/" + Ipv4.toString(address); }
}
