package dev.nestor.codec.option;

import dev.nestor.common.Bytes;
import dev.nestor.common.wire.WireFormatException;
import dev.nestor.common.wire.WireReader;
import dev.nestor.common.wire.WireWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Encapsulated option lists (option 82 relay agent sub-options, option 43 vendor sub-options, the sub-options of
 * a 125 enterprise block): plain 1-byte code, 1-byte length TLVs. Unlike the top-level dhcp4 space, codes 0 and
 * 255 are ordinary sub-options here (as in Kea). A code that appears twice has its payloads concatenated.
 */
public final class SubOptions {
    private SubOptions() {}

    public static Options decode(Bytes payload) throws WireFormatException {
        byte[] buf = payload.toArray();
        return decode(new WireReader(buf, 0, buf.length));
    }

    /** Decodes TLVs until the reader is exhausted; offsets in errors are those of the reader's array. */
    public static Options decode(WireReader r) throws WireFormatException {
        Map<Integer, byte[]> byCode = new LinkedHashMap<>();
        while (r.hasRemaining()) {
            int at = r.position();
            int code = r.u8();
            if (!r.hasRemaining()) throw new WireFormatException("sub-option " + code + " has no length byte", at);
            int len = r.u8();
            if (len > r.remaining())
                throw new WireFormatException("sub-option " + code + " length " + len + " overruns its container ("
                        + r.remaining() + " byte(s) left)", at);
            byte[] data = r.bytes(len);
            byCode.merge(code, data, SubOptions::concat);
        }
        List<RawOption> out = new ArrayList<>(byCode.size());
        byCode.forEach((code, data) -> out.add(new RawOption(code, Bytes.of(data))));
        return Options.of(out);
    }

    /** Encodes as TLVs; a payload over 255 bytes is split into consecutive instances of the same code. */
    public static Bytes encode(Options options) {
        WireWriter w = new WireWriter();
        for (RawOption o : options.list()) writeSplit(w, o.code(), o.data().toArray());
        return Bytes.of(w.toByteArray());
    }

    static void writeSplit(WireWriter w, int code, byte[] data) {
        if (data.length == 0) {
            w.u8(code).u8(0);
            return;
        }
        for (int off = 0; off < data.length; off += 255) {
            int n = Math.min(255, data.length - off);
            w.u8(code).u8(n).bytes(data, off, n);
        }
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
