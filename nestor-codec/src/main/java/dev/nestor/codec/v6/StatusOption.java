package dev.nestor.codec.v6;

import dev.nestor.common.Bytes;
import dev.nestor.common.wire.WireFormatException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/** STATUS_CODE (13, RFC 8415 section 21.13): a 2-byte status and a UTF-8 message for humans. */
public record StatusOption(StatusCode6 status, String message) implements Option6Value {
    public static final int CODE = OptionCodes6.STATUS_CODE;

    public StatusOption {
        Objects.requireNonNull(status, "status");
        Wire6.u16("status code", status.code());
        message = message == null ? "" : message;
    }

    public static StatusOption of(StatusCode6 status, String message) { return new StatusOption(status, message); }

    @Override
    public int code() { return CODE; }

    @Override
    public Bytes encode() {
        byte[] m = message.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[2 + m.length];
        out[0] = (byte) (status.code() >>> 8);
        out[1] = (byte) status.code();
        System.arraycopy(m, 0, out, 2, m.length);
        return Bytes.of(out);
    }

    /** Invalid UTF-8 in the message is replaced, never an error. */
    public static StatusOption decode(Bytes payload) throws WireFormatException {
        if (payload.length() < 2) throw new WireFormatException("STATUS_CODE needs at least 2 bytes, got " + payload.length(), 0);
        byte[] b = payload.toArray();
        return new StatusOption(StatusCode6.of(payload.get(0) << 8 | payload.get(1)),
                new String(b, 2, b.length - 2, StandardCharsets.UTF_8));
    }

    /** The first STATUS_CODE in {@code options}, decoded. */
    public static Optional<StatusOption> in(OptionList6 options) throws WireFormatException {
        Optional<Bytes> b = options.first(CODE);
        return b.isEmpty() ? Optional.empty() : Optional.of(decode(b.get()));
    }
}
