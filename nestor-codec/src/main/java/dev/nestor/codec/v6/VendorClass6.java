package dev.nestor.codec.v6;

import dev.nestor.common.Bytes;
import dev.nestor.common.wire.WireFormatException;
import dev.nestor.common.wire.WireReader;
import dev.nestor.common.wire.WireWriter;
import java.util.List;

/** VENDOR_CLASS (16, RFC 8415 section 21.16): an enterprise number and opaque class data items (2-byte lengths). */
public record VendorClass6(long enterpriseId, List<Bytes> classData) implements Option6Value {
    public static final int CODE = OptionCodes6.VENDOR_CLASS;

    public VendorClass6 {
        Wire6.u32("enterprise id", enterpriseId);
        classData = List.copyOf(classData);
        for (Bytes b : classData) if (b.length() > 0xFFFF) throw new IllegalArgumentException("vendor class data item over 65535 bytes");
    }

    @Override
    public int code() { return CODE; }

    @Override
    public Bytes encode() {
        WireWriter w = new WireWriter();
        w.u32(enterpriseId);
        for (Bytes b : classData) w.u16(b.length()).bytes(b.toArray());
        return Bytes.of(w.toByteArray());
    }

    public static VendorClass6 decode(Bytes payload) throws WireFormatException {
        WireReader r = Wire6.reader(payload);
        Wire6.need(r, 4, "VENDOR_CLASS");
        long ent = r.u32();
        return new VendorClass6(ent, Wire6.lengthPrefixedItems(r, "VENDOR_CLASS"));
    }
}
