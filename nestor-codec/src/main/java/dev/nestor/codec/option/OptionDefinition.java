package dev.nestor.codec.option;

import java.util.List;
import java.util.Objects;

/**
 * One row of an option definition table, as in Kea's {@code std_option_defs.h} and the {@code option-def} config
 * list: name, code, space, data type, array flag, record field types and the encapsulated sub-option space.
 *
 * <p>Code ranges: 1..254 in {@code "dhcp4"} (0 and 255 are PAD and END), 1..65535 in {@code "dhcp6"}, 0..65535 in
 * the spaces for which {@link #allowsTwoByteCodes} is true (Kea's DHCPv6-only sub-option spaces and the
 * {@code vendor-<enterprise>} spaces, whose DHCPv6 sub-options have 2-byte codes; a DHCPv4 configuration must still
 * keep vendor sub-option codes within 255, as the dhcp4 option-def parser does), and 0..255 in every other
 * (DHCPv4 sub-option) space.
 */
public record OptionDefinition(String name, int code, String space, OptionDataType type, boolean array,
                               List<OptionDataType> recordTypes, String encapsulate) {
    public static final String DHCP4 = "dhcp4";
    public static final String DHCP6 = "dhcp6";

    public OptionDefinition {
        Objects.requireNonNull(type, "type");
        if (!validName(name)) throw new IllegalArgumentException("invalid option name '" + name + "'");
        if (!validName(space)) throw new IllegalArgumentException("invalid option space name '" + space + "' for option '" + name + "'");
        int min = 0, max = 255;
        if (space.equals(DHCP4)) {
            min = 1;
            max = 254;
        } else if (space.equals(DHCP6)) {
            min = 1;
            max = 65535;
        } else if (allowsTwoByteCodes(space)) {
            max = 65535;
        }
        if (code < min || code > max)
            throw new IllegalArgumentException("option '" + name + "' code " + code + " out of range " + min + ".." + max
                    + " for space '" + space + "'");
        recordTypes = recordTypes == null ? List.of() : List.copyOf(recordTypes);
        encapsulate = encapsulate == null ? "" : encapsulate;
        if (!encapsulate.isEmpty() && !validName(encapsulate))
            throw new IllegalArgumentException("option '" + name + "': invalid encapsulated space name '" + encapsulate + "'");
        if (type == OptionDataType.RECORD) {
            // Kea's rules (OptionDefinition::validate): 2+ fields, string/binary only last, no empty/record
            if (recordTypes.size() < 2)
                throw new IllegalArgumentException("option '" + name + "' of type record needs at least 2 record-types, got "
                        + recordTypes.size());
            for (int i = 0; i < recordTypes.size(); i++) {
                OptionDataType t = recordTypes.get(i);
                if (t == OptionDataType.RECORD || t == OptionDataType.EMPTY)
                    throw new IllegalArgumentException("option '" + name + "': record field type '" + t + "' is not allowed");
                if ((t == OptionDataType.STRING || t == OptionDataType.BINARY) && i < recordTypes.size() - 1)
                    throw new IllegalArgumentException("option '" + name + "': " + t + " record field must be the last field");
            }
            OptionDataType last = recordTypes.getLast();
            if (array && (last == OptionDataType.STRING || last == OptionDataType.BINARY))
                throw new IllegalArgumentException("option '" + name + "': array of " + last + " is not a valid option definition");
        } else if (!recordTypes.isEmpty()) {
            throw new IllegalArgumentException("option '" + name + "': record-types are only allowed for type record");
        }
        if (array && (type == OptionDataType.EMPTY || type == OptionDataType.STRING || type == OptionDataType.BINARY))
            throw new IllegalArgumentException("option '" + name + "': array of " + type + " is not a valid option definition");
    }

    /** Kea's standard sub-option spaces that exist only in DHCPv6 (std_option_defs.h). */
    private static final java.util.Set<String> V6_ONLY_SPACES = java.util.Set.of("s46-cont-mape-options",
            "s46-cont-mapt-options", "s46-cont-lw-options", "s46-rule-options", "s46-v4v6bind-options",
            "v6-ntp-server-suboptions", "rsoo-opts");

    /**
     * True for spaces whose options may have 16-bit codes outside {@code "dhcp6"} itself: Kea's DHCPv6-only
     * sub-option spaces ({@code s46-*}, {@code v6-ntp-server-suboptions}, {@code rsoo-opts}) and every
     * {@code vendor-<enterprise>} space (DHCPv6 VENDOR_OPTS sub-options, e.g. DOCSIS {@code cmts-cm-mac} 1026).
     */
    public static boolean allowsTwoByteCodes(String space) {
        // the codec allows 16-bit codes in every space but dhcp4; each protocol's config parser enforces its own
        // narrower range (DHCPv4 sub-options have 1-byte codes), as Kea's option-def parsers do
        return space != null && !space.equals(DHCP4);
    }

    /** Kea's rule for option and space names: letters, digits, '-' and '_', not starting or ending with '-'/'_'. */
    public static boolean validName(String s) {
        if (s == null || s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!ok) return false;
        }
        char first = s.charAt(0), last = s.charAt(s.length() - 1);
        return first != '-' && first != '_' && last != '-' && last != '_';
    }

    /**
     * For a record with {@code array} set, Kea repeats only the <em>last</em> field (e.g. slp-directory-agent is
     * one boolean followed by any number of addresses); for other types the whole value repeats.
     */
    public boolean isRecord() { return type == OptionDataType.RECORD; }

    /** A plain definition: not an array, no record fields, no encapsulation. */
    public static OptionDefinition of(String name, int code, String space, OptionDataType type) {
        return new OptionDefinition(name, code, space, type, false, List.of(), "");
    }

    public static OptionDefinition array(String name, int code, String space, OptionDataType type) {
        return new OptionDefinition(name, code, space, type, true, List.of(), "");
    }

    public static OptionDefinition record(String name, int code, String space, boolean array, OptionDataType... fields) {
        return new OptionDefinition(name, code, space, OptionDataType.RECORD, array, List.of(fields), "");
    }

    public static OptionDefinition encapsulating(String name, int code, String space, OptionDataType type, String encapsulate) {
        return new OptionDefinition(name, code, space, type, false, List.of(), encapsulate);
    }
}
