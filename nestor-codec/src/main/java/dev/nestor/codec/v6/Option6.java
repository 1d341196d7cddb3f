package dev.nestor.codec.v6;

import dev.nestor.common.Bytes;
import java.util.Objects;

/**
 * One DHCPv6 option as code + payload (RFC 8415 section 21.1: 2-byte code, 2-byte length). The same shape serves
 * every DHCPv6 option space (top level, IA sub-options, vendor sub-options), since all of them use 16-bit codes.
 * {@link dev.nestor.codec.option.RawOption} is not reused because its codes stop at 255.
 */
public record Option6(int code, Bytes data) {
    public static final int MAX_DATA = 0xFFFF;

    public Option6 {
        if (code < 0 || code > 0xFFFF) throw new IllegalArgumentException("option code out of range 0..65535: " + code);
        Objects.requireNonNull(data, "data");
        if (data.length() > MAX_DATA)
            throw new IllegalArgumentException("option " + code + " payload of " + data.length() + " bytes exceeds 65535");
    }

    @Override
    public String toString() { return "option " + code + " [" + data.toHexColon() + "]"; }
}
