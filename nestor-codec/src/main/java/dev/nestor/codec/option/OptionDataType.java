package dev.nestor.codec.option;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The option data types of Kea's option definitions ({@code "type"} / {@code "record-types"} in config), with
 * their Kea spelling. The wire encoding of each is in {@link OptionValueCodec}.
 */
public enum OptionDataType {
    BINARY("binary", -1),
    BOOLEAN("boolean", 1),
    EMPTY("empty", 0),
    FQDN("fqdn", -1),
    IPV4_ADDRESS("ipv4-address", 4),
    IPV6_ADDRESS("ipv6-address", 16),
    IPV6_PREFIX("ipv6-prefix", -1),
    PSID("psid", 3),
    RECORD("record", -1),
    STRING("string", -1),
    TUPLE("tuple", -1),
    UINT8("uint8", 1),
    UINT16("uint16", 2),
    UINT32("uint32", 4),
    INT8("int8", 1),
    INT16("int16", 2),
    INT32("int32", 4);

    private final String keaName;
    private final int fixedSize;

    OptionDataType(String keaName, int fixedSize) {
        this.keaName = keaName;
        this.fixedSize = fixedSize;
    }

    /** The name used in Kea config, e.g. {@code "ipv4-address"}. */
    public String keaName() { return keaName; }

    /** Wire size in bytes when fixed, or -1 for variable-length types. */
    public int fixedSize() { return fixedSize; }

    public boolean isInteger() { return this == UINT8 || this == UINT16 || this == UINT32 || this == INT8 || this == INT16 || this == INT32; }

    /** Parses Kea's name (case-insensitive, surrounding blanks ignored). */
    public static OptionDataType fromKeaName(String name) {
        if (name != null) {
            String n = name.trim().toLowerCase(Locale.ROOT);
            for (OptionDataType t : values()) if (t.keaName.equals(n)) return t;
        }
        throw new IllegalArgumentException("unknown option data type '" + name + "', expected one of: "
                + Arrays.stream(values()).map(OptionDataType::keaName).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() { return keaName; }
}
