package dev.nestor.codec.net;

import dev.nestor.common.Bytes;

/**
 * An IPv6 prefix such as {@code 2001:db8:1::/48}; the network is a 16-byte {@link Bytes} (see {@link Ipv6}) and
 * is normalised: host bits are cleared, as {@code dev.nestor.common.net.Ipv4Prefix} does.
 */
public record Ipv6Prefix(Bytes network, int length) {
    public Ipv6Prefix {
        Ipv6.require(network, "network");
        if (length < 0 || length > 128) throw new IllegalArgumentException("prefix length out of range 0..128: " + length);
        network = Ipv6.mask(network, length);
    }

    /** Parses {@code addr/len}. */
    public static Ipv6Prefix parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) throw new IllegalArgumentException("not a prefix (missing /len): " + text);
        int len;
        try {
            len = Integer.parseInt(text.substring(slash + 1).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid prefix length in " + text);
        }
        if (len < 0 || len > 128) throw new IllegalArgumentException("prefix length out of range in " + text);
        return new Ipv6Prefix(Ipv6.parse(text.substring(0, slash)), len);
    }

    public boolean contains(Bytes address) { return Ipv6.mask(address, length).equals(network); }

    /** True if {@code other} is this prefix or a longer prefix inside it. */
    public boolean contains(Ipv6Prefix other) { return other.length >= length && contains(other.network); }

    @Override
    public String toString() { return Ipv6.toString(network) + "/" + length; }
}
