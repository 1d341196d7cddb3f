package dev.nestor.codec.v6;

import dev.nestor.common.Bytes;
import dev.nestor.common.wire.WireFormatException;

/** ELAPSED_TIME (8, RFC 8415 section 21.9): hundredths of a second since the client began the exchange. */
public record ElapsedTime(int hundredths) implements Option6Value {
    public static final int CODE = OptionCodes6.ELAPSED_TIME;

    public ElapsedTime { Wire6.u16("elapsed time", hundredths); }

    @Override
    public int code() { return CODE; }

    @Override
    public Bytes encode() { return Bytes.of(new byte[] {(byte) (hundredths >>> 8), (byte) hundredths}); }

    public static ElapsedTime decode(Bytes payload) throws WireFormatException {
        Wire6.exactly(payload, 2, "ELAPSED_TIME");
        return new ElapsedTime(payload.get(0) << 8 | payload.get(1));
    }
}
