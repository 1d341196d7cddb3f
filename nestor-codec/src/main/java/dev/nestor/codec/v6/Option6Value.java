package dev.nestor.codec.v6;

import dev.nestor.common.Bytes;

/** A typed DHCPv6 option (IA_NA, STATUS_CODE, ...) that knows its code and its payload encoding. */
public interface Option6Value {
    /** The option code this value is carried in. */
    int code();

    /** The payload, without the 4-byte option header. */
    Bytes encode();

    default Option6 toOption() { return new Option6(code(), encode()); }
}
