package dev.nestor.codec.v6;

import dev.nestor.common.Bytes;
import dev.nestor.common.wire.WireFormatException;
import dev.nestor.common.wire.WireReader;
import dev.nestor.common.wire.WireWriter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** IA_TA (4, RFC 8415 section 21.5, deprecated): IAID and sub-options (no T1/T2). */
public record IaTa(long iaid, OptionList6 options) implements Option6Value {
    public static final int CODE = OptionCodes6.IA_TA;

    public IaTa {
        Wire6.u32("iaid", iaid);
        Objects.requireNonNull(options, "options");
    }

    @Override
    public int code() { return CODE; }

    @Override
    public Bytes encode() {
        WireWriter w = new WireWriter(4 + options.wireLength());
        w.u32(iaid);
        Options6Codec.encode(options, w);
        return Bytes.of(w.toByteArray());
    }

    public static IaTa decode(Bytes payload) throws WireFormatException {
        WireReader r = Wire6.reader(payload);
        Wire6.need(r, 4, "IA_TA");
        long iaid = r.u32();
        return new IaTa(iaid, Options6Codec.decode(r));
    }

    public List<IaAddress> addresses() throws WireFormatException {
        return Wire6.decodeAll(options, OptionCodes6.IAADDR, IaAddress::decode);
    }

    public Optional<StatusOption> status() throws WireFormatException { return StatusOption.in(options); }
}
