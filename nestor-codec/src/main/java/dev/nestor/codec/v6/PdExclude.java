package dev.nestor.codec.v6;

import dev.nestor.codec.net.Ipv6;
import dev.nestor.codec.net.Ipv6Prefix;
import dev.nestor.common.Bytes;
import dev.nestor.common.wire.WireFormatException;

/**
 * PD_EXCLUDE (67, RFC 6603), carried inside an IAPREFIX: the excluded prefix's length and its "IPv6 subnet ID",
 * i.e. the bits of the excluded prefix that follow the delegated prefix, left-aligned and padded to whole bytes.
 * The subnet ID only means something relative to the delegated prefix: see {@link #of} and {@link #excluded}.
 */
public record PdExclude(int prefixLength, Bytes subnetId) implements Option6Value {
    public static final int CODE = OptionCodes6.PD_EXCLUDE;

    public PdExclude {
        if (prefixLength < 1 || prefixLength > 128) throw new IllegalArgumentException("excluded prefix length out of range 1..128: " + prefixLength);
        if (subnetId.isEmpty() || subnetId.length() > 16)
            throw new IllegalArgumentException("subnet ID must be 1..16 bytes, got " + subnetId.length());
    }

    /** Builds the option for {@code excluded} inside {@code delegated} (Kea's {@code Option6PDExclude}). */
    public static PdExclude of(Ipv6Prefix delegated, Ipv6Prefix excluded) {
        int d = delegated.length(), e = excluded.length();
        if (e <= d || !delegated.contains(excluded))
            throw new IllegalArgumentException("excluded prefix " + excluded + " must be a longer prefix inside " + delegated);
        int bits = e - d;
        byte[] id = new byte[(bits + 7) / 8];
        for (int i = 0; i < bits; i++) if (bit(excluded.network(), d + i)) id[i / 8] |= (byte) (0x80 >>> (i % 8));
        return new PdExclude(e, Bytes.of(id));
    }

    /**
     * The excluded prefix, given the delegated prefix it is attached to.
     *
     * @throws IllegalArgumentException if the lengths do not fit the delegated prefix (RFC 6603 section 4.2)
     */
    public Ipv6Prefix excluded(Ipv6Prefix delegated) {
        int d = delegated.length();
        int bits = prefixLength - d;
        if (bits <= 0) throw new IllegalArgumentException("excluded length " + prefixLength + " is not longer than " + delegated);
        if (subnetId.length() != (bits + 7) / 8)
            throw new IllegalArgumentException("subnet ID of " + subnetId.length() + " byte(s) does not match " + bits + " bit(s)");
        byte[] a = delegated.network().toArray();
        for (int i = 0; i < bits; i++) {
            if (bit(subnetId, i)) a[(d + i) / 8] |= (byte) (0x80 >>> ((d + i) % 8));
        }
        return new Ipv6Prefix(Ipv6.of(a), prefixLength);
    }

    private static boolean bit(Bytes b, int i) { return (b.get(i / 8) & (0x80 >>> (i % 8))) != 0; }

    @Override
    public int code() { return CODE; }

    @Override
    public Bytes encode() {
        byte[] out = new byte[1 + subnetId.length()];
        out[0] = (byte) prefixLength;
        System.arraycopy(subnetId.toArray(), 0, out, 1, subnetId.length());
        return Bytes.of(out);
    }

    public static PdExclude decode(Bytes payload) throws WireFormatException {
        if (payload.length() < 2 || payload.length() > 17)
            throw new WireFormatException("PD_EXCLUDE must be 2..17 bytes, got " + payload.length(), 0);
        int len = payload.get(0);
        if (len < 1 || len > 128) throw new WireFormatException("PD_EXCLUDE prefix length " + len + " out of range 1..128", 0);
        return new PdExclude(len, Bytes.of(payload.toArray(), 1, payload.length() - 1));
    }
}
