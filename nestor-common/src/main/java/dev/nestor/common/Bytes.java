package dev.nestor.common;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * An immutable byte string (client identifier, DUID, circuit id, option payload) with value equality, so it
 * can sit in records and map keys, unlike a bare {@code byte[]}.
 */
public final class Bytes implements Comparable<Bytes> {
    public static final Bytes EMPTY = new Bytes(new byte[0]);

    private final byte[] data;

    private Bytes(byte[] data) { this.data = data; }

    public static Bytes of(byte[] data) { return data.length == 0 ? EMPTY : new Bytes(data.clone()); }

    public static Bytes of(byte[] data, int off, int len) { return new Bytes(Arrays.copyOfRange(data, off, off + len)); }

    /** Parses hex, with or without ':' separators (Kea's lease-file and config form). */
    public static Bytes fromHex(String hex) { return new Bytes(dev.nestor.common.net.HwAddress.parseHexBytes(hex)); }

    public byte[] toArray() { return data.clone(); }

    public int length() { return data.length; }

    public boolean isEmpty() { return data.length == 0; }

    public int get(int index) { return data[index] & 0xFF; }

    /** Kea's text form: lower-case hex separated by ':'. */
    public String toHexColon() { return HexFormat.ofDelimiter(":").formatHex(data); }

    public String toHex() { return HexFormat.of().formatHex(data); }

    @Override
    public boolean equals(Object o) { return o instanceof Bytes b && Arrays.equals(b.data, data); }

    @Override
    public int hashCode() { return Arrays.hashCode(data); }

    @Override
    public int compareTo(Bytes o) { return Arrays.compareUnsigned(data, o.data); }

    @Override
    public String toString() { return toHexColon(); }
}
