package dev.nestor.common.wire;

import java.util.Objects;

/**
 * A bounded big-endian reader over a byte array, in the spirit of dnsjava's {@code DNSInput}: every read is
 * checked against the reader's limit, so a bad length field can never make a parser read a neighbour's bytes.
 * {@link #slice(int)} gives a sub-reader confined to one field (an option payload, a sub-option list).
 * Not thread-safe; the underlying array is not copied, so do not mutate it while reading.
 */
public final class WireReader {
    private final byte[] buf;
    private final int start;
    private final int limit;
    private int pos;

    public WireReader(byte[] buf, int off, int len) {
        Objects.checkFromIndexSize(off, len, buf.length);
        this.buf = buf;
        this.start = off;
        this.limit = off + len;
        this.pos = off;
    }

    public WireReader(byte[] buf) { this(buf, 0, buf.length); }

    /** Bytes left before the limit. */
    public int remaining() { return limit - pos; }

    /** Absolute offset in the underlying array of the next byte to read (used in error messages). */
    public int position() { return pos; }

    /** Offset of the next byte relative to where this reader started. */
    public int consumed() { return pos - start; }

    public boolean hasRemaining() { return pos < limit; }

    private void require(int n, String what) throws WireFormatException {
        if (n < 0 || n > limit - pos)
            throw new WireFormatException("truncated " + what + ": need " + n + " byte(s), " + (limit - pos) + " left", pos);
    }

    public int u8() throws WireFormatException {
        require(1, "uint8");
        return buf[pos++] & 0xFF;
    }

    /** Peeks at the next byte without consuming it. */
    public int peekU8() throws WireFormatException {
        require(1, "uint8");
        return buf[pos] & 0xFF;
    }

    public int u16() throws WireFormatException {
        require(2, "uint16");
        int v = ((buf[pos] & 0xFF) << 8) | (buf[pos + 1] & 0xFF);
        pos += 2;
        return v;
    }

    public long u32() throws WireFormatException {
        return s32() & 0xFFFFFFFFL;
    }

    public int s32() throws WireFormatException {
        require(4, "uint32");
        int v = ((buf[pos] & 0xFF) << 24) | ((buf[pos + 1] & 0xFF) << 16) | ((buf[pos + 2] & 0xFF) << 8) | (buf[pos + 3] & 0xFF);
        pos += 4;
        return v;
    }

    /** Reads {@code n} bytes into a fresh array. */
    public byte[] bytes(int n) throws WireFormatException {
        require(n, n + "-byte field");
        byte[] out = new byte[n];
        System.arraycopy(buf, pos, out, 0, n);
        pos += n;
        return out;
    }

    /** Reads everything left. */
    public byte[] rest() {
        byte[] out = new byte[limit - pos];
        System.arraycopy(buf, pos, out, 0, out.length);
        pos = limit;
        return out;
    }

    public void skip(int n) throws WireFormatException {
        require(n, n + "-byte skip");
        pos += n;
    }

    /** A reader limited to the next {@code n} bytes; this reader advances past them. Offsets stay absolute. */
    public WireReader slice(int n) throws WireFormatException {
        require(n, n + "-byte field");
        WireReader sub = new WireReader(buf, pos, n);
        pos += n;
        return sub;
    }
}
