package dev.nestor.codec.v6;

import dev.nestor.common.Bytes;
import dev.nestor.common.wire.WireFormatException;

/** PREFERENCE (7, RFC 8415 section 21.8): the server's preference value, 0..255. */
public record Preference(int value) implements Option6Value {
    public static final int CODE = OptionCodes6.PREFERENCE;

    public Preference { Wire6.u8("preference", value); }

    @Override
    public int code() { return CODE; }

    @Override
    public Bytes encode() { return Bytes.of(new byte[] {(byte) value}); }

    public static Preference decode(Bytes payload) throws WireFormatException {
        Wire6.exactly(payload, 1, "PREFERENCE");
        return new Preference(payload.get(0));
    }
}
