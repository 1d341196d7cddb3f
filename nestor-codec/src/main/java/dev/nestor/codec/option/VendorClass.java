package dev.nestor.codec.option;

import dev.nestor.common.Bytes;
import java.util.List;

/** One enterprise block of option 124 (V-I Vendor Class, RFC 3925): enterprise number + opaque class data items. */
public record VendorClass(long enterpriseId, List<Bytes> classData) {
    public VendorClass {
        if (enterpriseId < 0 || enterpriseId > 0xFFFFFFFFL) throw new IllegalArgumentException("enterprise id out of range: " + enterpriseId);
        classData = List.copyOf(classData);
        for (Bytes b : classData) if (b.length() > 255) throw new IllegalArgumentException("vendor class data item over 255 bytes");
    }
}
