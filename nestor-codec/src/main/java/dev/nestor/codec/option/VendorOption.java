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
 * One enterprise block of option 125 (V-I Vendor-Specific Information, RFC 3925): an enterprise number and its
 * sub-options (in Kea, space {@code "vendor-<enterprise>"}). Static helpers also cover option 124.
 */
public record VendorOption(long enterpriseId, Options subOptions) {
    public VendorOption {
        if (enterpriseId < 0 || enterpriseId > 0xFFFFFFFFL) throw new IllegalArgumentException("enterprise id out of range: " + enterpriseId);
        java.util.Objects.requireNonNull(subOptions, "subOptions");
    }

    /** Kea's option space name for this enterprise's sub-options, e.g. {@code vendor-4491}. */
    public String space() { return "vendor-" + enterpriseId; }

    /**
     * Decodes option 125. Blocks with the same enterprise number are merged (RFC 3925 section 4: their data is
     * concatenated), keeping the order of first appearance.
     */
    public static List<VendorOption> decode125(Bytes payload) throws WireFormatException {
        byte[] buf = payload.toArray();
        WireReader r = new WireReader(buf, 0, buf.length);
        Map<Long, byte[]> blocks = new LinkedHashMap<>();
        while (r.hasRemaining()) {
            int at = r.position();
            if (r.remaining() < 5) throw new WireFormatException("truncated option 125 enterprise block header", at);
            long ent = r.u32();
            int len = r.u8();
            if (len > r.remaining())
                throw new WireFormatException("option 125 enterprise " + ent + " data length " + len + " overruns the option", at);
            blocks.merge(ent, r.bytes(len), SubOptions::concat);
        }
        List<VendorOption> out = new ArrayList<>(blocks.size());
        for (Map.Entry<Long, byte[]> e : blocks.entrySet())
            out.add(new VendorOption(e.getKey(), SubOptions.decode(Bytes.of(e.getValue()))));
        return out;
    }

    /** Encodes option 125; an enterprise whose sub-options exceed 255 bytes is written as several blocks. */
    public static Bytes encode125(List<VendorOption> vendors) {
        WireWriter w = new WireWriter();
        for (VendorOption v : vendors) {
            // each block's data-len is one byte, so split sub-options into pieces of at most 255 bytes
            // (2 header + 253 data) and pack pieces into blocks; decoders merge them back (RFC 3925/3396)
            List<byte[]> chunks = new ArrayList<>();
            WireWriter cur = new WireWriter();
            for (RawOption o : v.subOptions().list()) {
                byte[] data = o.data().toArray();
                int off = 0;
                do {
                    int n = Math.min(253, data.length - off);
                    if (cur.size() + 2 + n > 255) {
                        chunks.add(cur.toByteArray());
                        cur = new WireWriter();
                    }
                    cur.u8(o.code()).u8(n).bytes(data, off, n);
                    off += n;
                } while (off < data.length);
            }
            if (cur.size() > 0 || chunks.isEmpty()) chunks.add(cur.toByteArray());
            for (byte[] c : chunks) w.u32(v.enterpriseId()).u8(c.length).bytes(c);
        }
        return Bytes.of(w.toByteArray());
    }

    /** Decodes option 124: enterprise blocks, each a list of length-prefixed class data items. */
    public static List<VendorClass> decode124(Bytes payload) throws WireFormatException {
        byte[] buf = payload.toArray();
        WireReader r = new WireReader(buf, 0, buf.length);
        List<VendorClass> out = new ArrayList<>();
        while (r.hasRemaining()) {
            int at = r.position();
            if (r.remaining() < 5) throw new WireFormatException("truncated option 124 enterprise block header", at);
            long ent = r.u32();
            int len = r.u8();
            if (len > r.remaining())
                throw new WireFormatException("option 124 enterprise " + ent + " data length " + len + " overruns the option", at);
            WireReader block = r.slice(len);
            List<Bytes> items = new ArrayList<>();
            while (block.hasRemaining()) {
                int itemAt = block.position();
                int n = block.u8();
                if (n > block.remaining())
                    throw new WireFormatException("option 124 class data length " + n + " overruns its block", itemAt);
                items.add(Bytes.of(block.bytes(n)));
            }
            out.add(new VendorClass(ent, items));
        }
        return out;
    }

    public static Bytes encode124(List<VendorClass> classes) {
        WireWriter w = new WireWriter();
        for (VendorClass c : classes) {
            WireWriter data = new WireWriter();
            for (Bytes b : c.classData()) data.u8(b.length()).bytes(b.toArray());
            if (data.size() > 255) throw new IllegalArgumentException("option 124 data for enterprise " + c.enterpriseId() + " exceeds 255 bytes");
            w.u32(c.enterpriseId()).u8(data.size()).bytes(data.toByteArray());
        }
        return Bytes.of(w.toByteArray());
    }
}
