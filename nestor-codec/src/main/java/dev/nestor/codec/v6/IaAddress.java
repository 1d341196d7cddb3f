package dev.nestor.codec.v6;

import dev.nestor.codec.net.Ipv6;
import dev.nestor.common.Bytes;
import dev.nestor.common.wire.WireFormatException;
import dev.nestor.common.wire.WireReader;
import dev.nestor.common.wire.WireWriter;
import java.util.Objects;
import java.util.Optional;

/**
 * IAADDR (5, RFC 8415 section 21.6): a 16-byte address (see {@link Ipv6}), preferred and valid lifetimes in
 * seconds (0xFFFFFFFF is infinity) and sub-options (STATUS_CODE).
 */
public record IaAddress(Bytes address, long preferredLifetime, long validLifetime, OptionList6 options) implements Option6Value {
    public static final int CODE = OptionCodes6.IAADDR;
    public static final long INFINITY = 0xFFFFFFFFL;

    public IaAddress {
        Ipv6.require(address, "address");
        Wire6.u32("preferred lifetime", preferredLifetime);
        Wire6.u32("valid lifetime", validLifetime);
        Objects.requireNonNull(options, "options");
    }

    public static IaAddress of(Bytes address, long preferred, long valid) {
        return new IaAddress(address, preferred, valid, OptionList6.empty());
    }

    @Override
    public int code() { return CODE; }

    @Override
    public Bytes encode() {
        WireWriter w = new WireWriter(24 + options.wireLength());
        w.bytes(address.toArray()).u32(preferredLifetime).u32(validLifetime);
        Options6Codec.encode(options, w);
        return Bytes.of(w.toByteArray());
    }

    public static IaAddress decode(Bytes payload) throws WireFormatException {
        WireReader r = Wire6.reader(payload);
        Wire6.need(r, 24, "IAADDR");
        Bytes a = Bytes.of(r.bytes(16));
        long pref = r.u32(), valid = r.u32();
        return new IaAddress(a, pref, valid, Options6Codec.decode(r));
    }

    public Optional<StatusOption> status() throws WireFormatException { return StatusOption.in(options); }

    @Override
    public String toString() {
        return "IaAddress[" + Ipv6.toString(address) + " preferred=" + preferredLifetime + " valid=" + validLifetime
                + (options.isEmpty() ? "" : " " + options) + "]";
    }
}
