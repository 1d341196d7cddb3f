package dev.nestor.codec.option;

import dev.nestor.common.Bytes;
import java.util.Objects;

/** One option as code + payload (without the code and length bytes). Long payloads are allowed (RFC 3396). */
public record RawOption(int code, Bytes data) {
    public RawOption {
        if (code < 0 || code > 255) throw new IllegalArgumentException("option code out of range 0..255: " + code);
        Objects.requireNonNull(data, "data");
    }

    @Override
    public String toString() { return "option " + code + " [" + data.toHexColon() + "]"; }
}
