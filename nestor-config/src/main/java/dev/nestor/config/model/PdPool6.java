package dev.nestor.config.model;

import dev.nestor.codec.net.Ipv6;
import dev.nestor.codec.net.Ipv6Prefix;
import dev.nestor.common.Bytes;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

/**
 * A prefix delegation pool ({@code pd-pools} entry): prefixes of length {@code delegatedLength} carved out of
 * {@code prefix}. Unlike address pools, Kea does not require a PD pool to lie inside its subnet.
 *
 * @param prefix          {@code prefix}/{@code prefix-len}
 * @param delegatedLength {@code delegated-len}, at least the prefix length
 * @param excludedPrefix  RFC 6603 {@code excluded-prefix}/{@code excluded-prefix-len}, sent in a PD_EXCLUDE option
 *                        with every prefix of the pool; null when none. It is stored as configured: its bits
 *                        between {@code delegatedLength} and its own length are applied to each delegated prefix
 * @param poolId          Kea's {@code pool-id}, 0 when not configured
 */
public record PdPool6(Ipv6Prefix prefix, int delegatedLength, Ipv6Prefix excludedPrefix, List<OptionData> options,
                      List<String> clientClasses, List<String> evaluateAdditionalClasses, long poolId, String path) {
    public PdPool6 {
        Objects.requireNonNull(prefix, "prefix");
        if (delegatedLength < prefix.length() || delegatedLength > 128)
            throw new IllegalArgumentException("delegated length " + delegatedLength + " must be between the prefix length "
                    + prefix.length() + " and 128");
        if (excludedPrefix != null) {
            if (excludedPrefix.length() <= delegatedLength)
                throw new IllegalArgumentException("excluded prefix length " + excludedPrefix.length()
                        + " must be longer than the delegated prefix length " + delegatedLength);
            if (!Ipv6.mask(excludedPrefix.network(), delegatedLength).equals(Ipv6.mask(prefix.network(), delegatedLength)))
                throw new IllegalArgumentException("excluded prefix " + excludedPrefix + " must share the first "
                        + delegatedLength + " bits of " + prefix);
        }
        options = List.copyOf(options);
        clientClasses = List.copyOf(clientClasses);
        evaluateAdditionalClasses = List.copyOf(evaluateAdditionalClasses);
        path = path == null ? "" : path;
    }

    /** The first address covered by the pool (the pool's network). */
    public Bytes first() { return prefix.network(); }

    /** The last address covered by the pool. */
    public Bytes last() {
        byte[] b = prefix.network().toArray();
        for (int bit = prefix.length(); bit < 128; bit++) b[bit / 8] |= (byte) (0x80 >>> (bit % 8));
        return Bytes.of(b);
    }

    /** Number of prefixes the pool can delegate: 2^(delegated-len − prefix-len). */
    public BigInteger capacity() { return BigInteger.ONE.shiftLeft(delegatedLength - prefix.length()); }

    /** True when {@code delegated} is one of this pool's prefixes (right length, inside the pool). */
    public boolean contains(Ipv6Prefix delegated) {
        return delegated.length() == delegatedLength && prefix.contains(delegated);
    }

    /** True when the two pools cover at least one common address. */
    public boolean overlaps(PdPool6 other) { return prefix.contains(other.prefix) || other.prefix.contains(prefix); }

    @Override
    public String toString() { return prefix + " delegated-len " + delegatedLength; }
}
