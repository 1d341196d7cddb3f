package dev.nestor.codec.v6;

import dev.nestor.common.Bytes;
import dev.nestor.common.wire.WireFormatException;
import dev.nestor.common.wire.WireWriter;
import java.util.List;

/** USER_CLASS (15, RFC 8415 section 21.15): opaque user class data items, each with a 2-byte length. */
public record UserClass6(List<Bytes> classData) implements Option6Value {
    public static final int CODE = OptionCodes6.USER_CLASS;

    public UserClass6 {
        classData = List.copyOf(classData);
        for (Bytes b : classData) if (b.length() > 0xFFFF) throw new IllegalArgumentException("user class data item over 65535 bytes");
    }

    @Override
    public int code() { return CODE; }

    @Override
    public Bytes encode() {
        WireWriter w = new WireWriter();
        for (Bytes b : classData) w.u16(b.length()).bytes(b.toArray());
        return Bytes.of(w.toByteArray());
    }

    public static UserClass6 decode(Bytes payload) throws WireFormatException {
        return new UserClass6(Wire6.lengthPrefixedItems(Wire6.reader(payload), "USER_CLASS"));
    }
}
