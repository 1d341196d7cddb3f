package dev.nestor.codec.v6;

import dev.nestor.common.Bytes;
import dev.nestor.common.wire.WireFormatException;
import dev.nestor.common.wire.WireReader;
import dev.nestor.common.wire.WireWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * DHCPv6 option TLVs (RFC 8415 section 21.1): 2-byte code, 2-byte length, payload. Used for the options of a
 * message and for every encapsulated list (IA_NA/IA_TA/IA_PD, IAADDR, IAPREFIX, VENDOR_OPTS sub-options).
 * There is no PAD/END and no joining of split options: every instance is kept, in order.
 */
public final class Options6Codec {
    private Options6Codec() {}

    /** Strict: decodes TLVs until the reader is exhausted; offsets in errors are those of the reader's array. */
    public static OptionList6 decode(WireReader r) throws WireFormatException { return decode(r, false); }

    /**
     * @param lenient if true, a truncated last option (short header or length past the end) ends parsing and is
     *                dropped, as Kea's {@code LibDHCP::unpackOptions6} does; otherwise it is an error
     */
    public static OptionList6 decode(WireReader r, boolean lenient) throws WireFormatException {
        List<Option6> out = new ArrayList<>();
        while (r.hasRemaining()) {
            int at = r.position();
            if (r.remaining() < 4) {
                if (lenient) break;
                throw new WireFormatException("truncated option header: " + r.remaining() + " byte(s) left, need 4", at);
            }
            int code = r.u16();
            int len = r.u16();
            if (len > r.remaining()) {
                if (lenient) break;
                throw new WireFormatException("option " + code + " length " + len + " overruns its container ("
                        + r.remaining() + " byte(s) left)", at);
            }
            out.add(new Option6(code, Bytes.of(r.bytes(len))));
        }
        return OptionList6.of(out);
    }

    /** Strict decode of a whole payload (e.g. the sub-options part of an option); offsets are payload-relative. */
    public static OptionList6 decode(Bytes payload) throws WireFormatException {
        byte[] b = payload.toArray();
        return decode(new WireReader(b, 0, b.length), false);
    }

    public static void encode(OptionList6 options, WireWriter w) {
        for (Option6 o : options.list()) {
            w.u16(o.code()).u16(o.data().length()).bytes(o.data().toArray());
        }
    }

    public static Bytes encode(OptionList6 options) {
        WireWriter w = new WireWriter(options.wireLength());
        encode(options, w);
        return Bytes.of(w.toByteArray());
    }
}
