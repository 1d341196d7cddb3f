package dev.nestor.codec.v6;

import dev.nestor.codec.net.Ipv6;
import dev.nestor.codec.net.Ipv6Prefix;
import dev.nestor.common.Bytes;
import dev.nestor.common.wire.WireFormatException;
import dev.nestor.common.wire.WireReader;
import dev.nestor.common.wire.WireWriter;
import java.util.Objects;
import java.util.Optional;

/**
 * IAPREFIX (26, RFC 8415 section 21.22): preferred and valid lifetimes, prefix length, the 16-byte prefix as sent
 * (host bits are kept so a client hint round-trips) and sub-options (STATUS_CODE, PD_EXCLUDE).
 */
public record IaPrefix(long preferredLifetime, long validLifetime, int prefixLength, Bytes prefix, OptionList6 options)
        implements Option6Value {
    public static final int CODE = OptionCodes6.IAPREFIX;

    public IaPrefix {
        Wire6.u32("preferred lifetime", preferredLifetime);
        Wire6.u32("valid lifetime", validLifetime);
        if (prefixLength < 0 || prefixLength > 128) throw new IllegalArgumentException("prefix length out of range 0..128: " + prefixLength);
        Ipv6.require(prefix, "prefix");
        Objects.requireNonNull(options, "options");
    }

    public static IaPrefix of(Ipv6Prefix p, long preferred, long valid) {
        return new IaPrefix(preferred, valid, p.length(), p.network(), OptionList6.empty());
    }

    @Override
    public int code() { return CODE; }

    @Override
    public Bytes encode() {
        WireWriter w = new WireWriter(25 + options.wireLength());
        w.u32(preferredLifetime).u32(validLifetime).u8(prefixLength).bytes(prefix.toArray());
        Options6Codec.encode(options, w);
        return Bytes.of(w.toByteArray());
    }

    public static IaPrefix decode(Bytes payload) throws WireFormatException {
        WireReader r = Wire6.reader(payload);
        Wire6.need(r, 25, "IAPREFIX");
        long pref = r.u32(), valid = r.u32();
        int at = r.position();
        int len = r.u8();
        if (len > 128) throw new WireFormatException("IAPREFIX prefix length " + len + " over 128", at);
        Bytes p = Bytes.of(r.bytes(16));
        return new IaPrefix(pref, valid, len, p, Options6Codec.decode(r));
    }

    /** The prefix with host bits cleared. */
    public Ipv6Prefix toPrefix() { return new Ipv6Prefix(prefix, prefixLength); }

    public Optional<PdExclude> pdExclude() throws WireFormatException {
        Optional<Bytes> b = options.first(OptionCodes6.PD_EXCLUDE);
        return b.isEmpty() ? Optional.empty() : Optional.of(PdExclude.decode(b.get()));
    }

    public Optional<StatusOption> status() throws WireFormatException { return StatusOption.in(options); }

    public IaPrefix withOptions(OptionList6 o) { return new IaPrefix(preferredLifetime, validLifetime, prefixLength, prefix, o); }

    @Override
    public String toString() {
        return "IaPrefix[" + Ipv6.toString(prefix) + "/" + prefixLength + " preferred=" + preferredLifetime + " valid="
                + validLifetime + (options.isEmpty() ? "" : " " + options) + "]";
    }
}
