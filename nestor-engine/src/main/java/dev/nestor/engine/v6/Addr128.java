package dev.nestor.engine.v6;

import dev.nestor.codec.net.Ipv6;
import dev.nestor.codec.net.Ipv6Prefix;
import dev.nestor.common.Bytes;
import dev.nestor.config.model.PdPool6;
import dev.nestor.config.model.Pool6;

import java.math.BigInteger;

/** 128-bit arithmetic on 16-byte addresses: the n-th address of a pool, the n-th prefix of a pd-pool. */
public final class Addr128 {
    private static final BigInteger MAX = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

    private Addr128() {}

    public static BigInteger toBig(Bytes address) {
        return new BigInteger(1, Ipv6.require(address, "address").toArray());
    }

    /** The 16-byte address of {@code value} (0 ≤ value < 2^128). */
    public static Bytes fromBig(BigInteger value) {
        if (value.signum() < 0 || value.compareTo(MAX) > 0) throw new IllegalArgumentException("not a 128-bit value: " + value);
        byte[] raw = value.toByteArray();
        byte[] out = new byte[16];
        int n = Math.min(16, raw.length);
        System.arraycopy(raw, raw.length - n, out, 16 - n, n);
        return Bytes.of(out);
    }

    /** {@code address + offset}. */
    public static Bytes add(Bytes address, BigInteger offset) {
        return fromBig(toBig(address).add(offset));
    }

    /** The address at {@code offset} (0-based) in {@code pool}. */
    public static Bytes nth(Pool6 pool, BigInteger offset) {
        return add(pool.first(), offset);
    }

    /** The delegated prefix at {@code index} (0-based) in {@code pool}: pool network + index × 2^(128 − delegated-len). */
    public static Ipv6Prefix nth(PdPool6 pool, BigInteger index) {
        BigInteger step = BigInteger.ONE.shiftLeft(128 - pool.delegatedLength());
        return new Ipv6Prefix(add(pool.first(), index.multiply(step)), pool.delegatedLength());
    }
}
