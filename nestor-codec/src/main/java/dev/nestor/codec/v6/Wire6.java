package dev.nestor.codec.v6;

import dev.nestor.common.Bytes;
import dev.nestor.common.wire.WireFormatException;
import dev.nestor.common.wire.WireReader;
import java.util.ArrayList;
import java.util.List;

/** Small shared checks for the typed option records (package-private). */
final class Wire6 {
    private Wire6() {}

    static WireReader reader(Bytes payload) {
        byte[] b = payload.toArray();
        return new WireReader(b, 0, b.length);
    }

    /** Fails unless at least {@code n} bytes remain; the message names the option. */
    static void need(WireReader r, int n, String what) throws WireFormatException {
        if (r.remaining() < n)
            throw new WireFormatException(what + " needs at least " + n + " byte(s), " + r.remaining() + " left", r.position());
    }

    static void exactly(Bytes payload, int n, String what) throws WireFormatException {
        if (payload.length() != n)
            throw new WireFormatException(what + " must be exactly " + n + " byte(s), got " + payload.length(), 0);
    }

    static long u32(String what, long v) {
        if (v < 0 || v > 0xFFFFFFFFL) throw new IllegalArgumentException(what + " out of range 0..4294967295: " + v);
        return v;
    }

    static int u16(String what, int v) {
        if (v < 0 || v > 0xFFFF) throw new IllegalArgumentException(what + " out of range 0..65535: " + v);
        return v;
    }

    static int u8(String what, int v) {
        if (v < 0 || v > 0xFF) throw new IllegalArgumentException(what + " out of range 0..255: " + v);
        return v;
    }

    /** Every instance of {@code code} in {@code options}, decoded by {@code decoder}. */
    static <T> List<T> decodeAll(OptionList6 options, int code, Decoder<T> decoder) throws WireFormatException {
        List<T> out = new ArrayList<>();
        for (Bytes b : options.all(code)) out.add(decoder.decode(b));
        return List.copyOf(out);
    }

    /** A list of opaque items each preceded by a 2-byte length (user-class, vendor-class data). */
    static List<Bytes> lengthPrefixedItems(WireReader r, String what) throws WireFormatException {
        List<Bytes> items = new ArrayList<>();
        while (r.hasRemaining()) {
            int at = r.position();
            need(r, 2, what + " item length");
            int n = r.u16();
            if (n > r.remaining())
                throw new WireFormatException(what + " item length " + n + " overruns the option (" + r.remaining() + " left)", at);
            items.add(Bytes.of(r.bytes(n)));
        }
        return List.copyOf(items);
    }

    @FunctionalInterface
    interface Decoder<T> {
        T decode(Bytes payload) throws WireFormatException;
    }
}
