package dev.nestor.common.net;

/** An IPv4 prefix such as 192.0.2.0/24. The network address is normalised (host bits cleared). */
public record Ipv4Prefix(int network, int length) {
    public Ipv4Prefix {
        if (length < 0 || length > 32) throw new IllegalArgumentException("prefix length out of range: " + length);
        network &= Ipv4.netmask(length);
    }

    /** Parses {@code a.b.c.d/len}; host bits must be zero when {@code strict}. */
    public static Ipv4Prefix parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) throw new IllegalArgumentException("not a prefix (missing /len): " + text);
        int addr = Ipv4.parse(text.substring(0, slash));
        int len;
        try {
            len = Integer.parseInt(text.substring(slash + 1).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid prefix length in " + text);
        }
        if (len < 0 || len > 32) throw new IllegalArgumentException("prefix length out of range in " + text);
        return new Ipv4Prefix(addr, len);
    }

    public int netmask() { return Ipv4.netmask(length); }

    public int first() { return network; }

    public int last() { return network | ~netmask(); }

    public int broadcast() { return last(); }

    public boolean contains(int address) {
        return (address & netmask()) == network;
    }

    /** Number of addresses, as a long so /0 fits. */
    public long size() { return 1L << (32 - length); }

    @Override
    public String toString() { return Ipv4.toString(network) + "/" + length; }
}
