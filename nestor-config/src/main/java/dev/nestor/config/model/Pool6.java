package dev.nestor.config.model;

import dev.nestor.codec.net.Ipv6;
import dev.nestor.common.Bytes;

import java.math.BigInteger;
import java.util.List;

/**
 * A DHCPv6 address pool (IA_NA), {@code "2001:db8:1::10 - 2001:db8:1::ff"} or {@code "2001:db8:1::/64"},
 * inclusive bounds. Addresses are 16-byte {@link Bytes} as everywhere in Nestor's DHCPv6 code ({@link Ipv6}).
 *
 * @param clientClasses             guard: only clients in one of these classes may use the pool; empty = anyone
 * @param evaluateAdditionalClasses classes evaluated late ("evaluate-additional-classes")
 * @param poolId                    Kea's {@code pool-id}, 0 when not configured
 * @param ddns                      pool-level DDNS override merged over the subnet's effective values; null when the
 *                                  pool sets no {@code ddns-*} / hostname-char parameter (use the subnet's)
 * @param hostnameCharSet           pool-level override, null = use the subnet's
 * @param hostnameCharReplacement   pool-level override, null = use the subnet's
 */
public record Pool6(Bytes first, Bytes last, List<OptionData> options, List<String> clientClasses,
                    List<String> evaluateAdditionalClasses, long poolId, String path, DdnsParams ddns,
                    String hostnameCharSet, String hostnameCharReplacement) {
    public Pool6 {
        Ipv6.require(first, "first");
        Ipv6.require(last, "last");
        if (Ipv6.compare(first, last) > 0)
            throw new IllegalArgumentException(Ipv6.toString(first) + " - " + Ipv6.toString(last) + " is not a range");
        options = List.copyOf(options);
        clientClasses = List.copyOf(clientClasses);
        evaluateAdditionalClasses = List.copyOf(evaluateAdditionalClasses);
        path = path == null ? "" : path;
    }

    /** Number of addresses in the pool (a /64 has 2^64). */
    public BigInteger size() {
        return new BigInteger(1, last.toArray()).subtract(new BigInteger(1, first.toArray())).add(BigInteger.ONE);
    }

    public boolean contains(Bytes address) {
        return Ipv6.compare(address, first) >= 0 && Ipv6.compare(address, last) <= 0;
    }

    /** True when the two pools share at least one address. */
    public boolean overlaps(Pool6 other) {
        return Ipv6.compare(first, other.last) <= 0 && Ipv6.compare(other.first, last) <= 0;
    }

    @Override
    public String toString() { return Ipv6.toString(first) + " - " + Ipv6.toString(last); }
}
