package dev.nestor.codec.v6;

import dev.nestor.common.Bytes;
import dev.nestor.common.wire.WireFormatException;
import dev.nestor.common.wire.WireReader;
import dev.nestor.common.wire.WireWriter;
import java.util.Objects;

/**
 * VENDOR_OPTS (17, RFC 8415 section 21.17): an enterprise number and vendor sub-options, which use the DHCPv6
 * TLV format (2-byte code, 2-byte length). In Kea their definitions live in space {@code vendor-<enterprise>}.
 * Several instances with different enterprise numbers may appear in one message.
 */
public record VendorOpts(long enterpriseId, OptionList6 options) implements Option6Value {
    public static final int CODE = OptionCodes6.VENDOR_OPTS;

    public VendorOpts {
        Wire6.u32("enterprise id", enterpriseId);
        Objects.requireNonNull(options, "options");
    }

    /** Kea's option space for this enterprise's sub-options, e.g. {@code vendor-4491}. */
    public String space() { return "vendor-" + enterpriseId; }

    @Override
    public int code() { return CODE; }

    @Override
    public Bytes encode() {
        WireWriter w = new WireWriter(4 + options.wireLength());
        w.u32(enterpriseId);
        Options6Codec.encode(options, w);
        return Bytes.of(w.toByteArray());
    }

    public static VendorOpts decode(Bytes payload) throws WireFormatException {
        WireReader r = Wire6.reader(payload);
        Wire6.need(r, 4, "VENDOR_OPTS");
        long ent = r.u32();
        return new VendorOpts(ent, Options6Codec.decode(r));
    }
}
