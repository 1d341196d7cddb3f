package dev.nestor.config.model;

import dev.nestor.common.net.Ipv4;

import java.util.List;

/**
 * An address pool ({@code "192.0.2.10 - 192.0.2.20"} or {@code "192.0.2.64/26"}), inclusive bounds.
 *
 * @param clientClasses             guard: only clients in one of these classes may use the pool; empty = anyone
 * @param evaluateAdditionalClasses classes evaluated late ("require-client-classes" / "evaluate-additional-classes")
 * @param poolId                    Kea's {@code pool-id}, 0 when not configured
 * @param ddns                      pool-level DDNS override merged over the subnet's effective values; null when the
 *                                  pool sets no {@code ddns-*} / hostname-char parameter (use the subnet's)
 * @param hostnameCharSet           pool-level override, null = use the subnet's
 * @param hostnameCharReplacement   pool-level override, null = use the subnet's
 */
public record Pool4(int first, int last, List<OptionData> options, List<String> clientClasses,
                    List<String> evaluateAdditionalClasses, long poolId, String path,
                    DdnsParams ddns, String hostnameCharSet, String hostnameCharReplacement) {
    public Pool4 {
        if (Integer.compareUnsigned(first, last) > 0)
            throw new IllegalArgumentException(Ipv4.toString(first) + " - " + Ipv4.toString(last) + " is not a range");
        options = List.copyOf(options);
        clientClasses = List.copyOf(clientClasses);
        evaluateAdditionalClasses = List.copyOf(evaluateAdditionalClasses);
        path = path == null ? "" : path;
    }

    public Pool4(int first, int last, List<OptionData> options, List<String> clientClasses,
                 List<String> evaluateAdditionalClasses, long poolId, String path) {
        this(first, last, options, clientClasses, evaluateAdditionalClasses, poolId, path, null, null, null);
    }

    /** Number of addresses in the pool. */
    public long size() { return Ipv4.toUnsigned(last) - Ipv4.toUnsigned(first) + 1; }

    public boolean contains(int address) {
        return Integer.compareUnsigned(address, first) >= 0 && Integer.compareUnsigned(address, last) <= 0;
    }

    /** True when the two pools share at least one address. */
    public boolean overlaps(Pool4 other) {
        return Integer.compareUnsigned(first, other.last) <= 0 && Integer.compareUnsigned(other.first, last) <= 0;
    }

    @Override
    public String toString() { return Ipv4.toString(first) + " - " + Ipv4.toString(last); }
}
