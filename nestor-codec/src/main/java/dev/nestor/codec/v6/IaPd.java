package dev.nestor.codec.v6;

import dev.nestor.common.Bytes;
import dev.nestor.common.wire.WireFormatException;
import dev.nestor.common.wire.WireReader;
import dev.nestor.common.wire.WireWriter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** IA_PD (25, RFC 8415 section 21.21): IAID, T1, T2 and sub-options (IAPREFIX, STATUS_CODE, ...). */
public record IaPd(long iaid, long t1, long t2, OptionList6 options) implements Option6Value {
    public static final int CODE = OptionCodes6.IA_PD;

    public IaPd {
        Wire6.u32("iaid", iaid);
        Wire6.u32("t1", t1);
        Wire6.u32("t2", t2);
        Objects.requireNonNull(options, "options");
    }

    public static IaPd of(long iaid, long t1, long t2, IaPrefix... prefixes) {
        return new IaPd(iaid, t1, t2, OptionList6.of(prefixes));
    }

    @Override
    public int code() { return CODE; }

    @Override
    public Bytes encode() {
        WireWriter w = new WireWriter(12 + options.wireLength());
        w.u32(iaid).u32(t1).u32(t2);
        Options6Codec.encode(options, w);
        return Bytes.of(w.toByteArray());
    }

    /** Offsets in errors are relative to the start of {@code payload}. */
    public static IaPd decode(Bytes payload) throws WireFormatException {
        WireReader r = Wire6.reader(payload);
        Wire6.need(r, 12, "IA_PD");
        long iaid = r.u32(), t1 = r.u32(), t2 = r.u32();
        return new IaPd(iaid, t1, t2, Options6Codec.decode(r));
    }

    /** The IAPREFIX sub-options, decoded. */
    public List<IaPrefix> prefixes() throws WireFormatException {
        return Wire6.decodeAll(options, OptionCodes6.IAPREFIX, IaPrefix::decode);
    }

    public Optional<StatusOption> status() throws WireFormatException { return StatusOption.in(options); }

    public IaPd withOptions(OptionList6 o) { return new IaPd(iaid, t1, t2, o); }
}
