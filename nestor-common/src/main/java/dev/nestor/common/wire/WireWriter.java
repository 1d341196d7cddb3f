package dev.nestor.common.wire;

import java.util.Arrays;

/** A growable big-endian byte sink. Values are truncated to their field width (callers validate ranges). */
public final class WireWriter {
    private byte[] buf;
    private int size;

    public WireWriter() { this(64); }

    public WireWriter(int initialCapacity) { buf = new byte[Math.max(16, initialCapacity)]; }

    private void ensure(int n) {
        if (size + n > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
    }

    public WireWriter u8(int v) {
        ensure(1);
        buf[size++] = (byte) v;
        return this;
    }

    public WireWriter u16(int v) {
        ensure(2);
        buf[size++] = (byte) (v >>> 8);
        buf[size++] = (byte) v;
        return this;
    }

    public WireWriter u32(long v) {
        ensure(4);
        buf[size++] = (byte) (v >>> 24);
        buf[size++] = (byte) (v >>> 16);
        buf[size++] = (byte) (v >>> 8);
        buf[size++] = (byte) v;
        return this;
    }

    public WireWriter bytes(byte[] b) { return bytes(b, 0, b.length); }

    public WireWriter bytes(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, size, len);
        size += len;
        return this;
    }

    /** Appends {@code n} zero bytes. */
    public WireWriter zeros(int n) {
        ensure(n);
        size += n; // array slots beyond size are always zero: we never shrink without clearing
        return this;
    }

    /** Overwrites one byte already written (for back-patching a length). */
    public void setU8(int index, int v) {
        if (index < 0 || index >= size) throw new IndexOutOfBoundsException(index);
        buf[index] = (byte) v;
    }

    public int size() { return size; }

    public byte[] toByteArray() { return Arrays.copyOf(buf, size); }
}
