package dev.nestor.classify.expr;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the evaluator reads from a packet; the server implements it over its decoded packet. Byte arrays
 * returned are not modified by the evaluator, and arrays handed in are not kept.
 *
 * <p>Abstract methods are what every DHCPv4 view must supply. The defaults decode the vendor options
 * and sub-options from the raw option payloads with the RFC layouts; a server that has already decoded
 * them (or knows an option does not encapsulate others) may override them. The DHCPv6 hooks default to
 * "absent" so a v4-only implementation can ignore them.
 */
public interface PacketView {

    /** Family of the packet (v4 views see pkt4.*, relay4; v6 views pkt6.*, relay6). */
    Family family();

    /**
     * Payload (no code, no length) of the first top-level option with this code, if present, as Kea
     * holds it after decoding (string-typed options such as 12 or 60 have trailing NULs removed).
     */
    Optional<byte[]> option(int code);

    /**
     * Sub-option {@code code} inside an option whose payload is {@code parentPayload}. The default reads
     * the payload as a sequence of code/length/value items (v4: 1+1 bytes, v6: 2+2 bytes) and returns the
     * first match; override when an option's payload is not such a list (Kea only finds sub-options in
     * options whose definition encapsulates an option space).
     */
    default Optional<byte[]> subOption(int parentCode, byte[] parentPayload, int code) {
        return OptionWalk.findTlv(parentPayload, 0, parentPayload.length, code, family());
    }

    /**
     * The {@code .text} form of an option whose payload is {@code payload}. Kea prints the value of
     * string-typed options (host-name, vendor-class-identifier, ...) and a debug dump for other types.
     * The default returns the payload bytes, which is Kea's result for string options.
     */
    default byte[] optionText(int code, byte[] payload) {
        return payload;
    }

    /** Sub-option {@code code} of the relay agent information option (82). Default: decoded from option 82. */
    default Optional<byte[]> relay4SubOption(int code) {
        return option(82).flatMap(p -> subOption(82, p, code));
    }

    /**
     * Enterprise number of the (first) vendor-specific option (v4 125, v6 17). Default: the first
     * 4 bytes of that option.
     */
    default OptionalLong vendorEnterprise() {
        return OptionWalk.enterprise(option(family() == Family.V4 ? 125 : 17));
    }

    /**
     * Sub-option {@code code} inside the vendor-specific option block of {@code enterprise}. Default:
     * v4 option 125 (enterprise, data-len, then 1+1-byte sub-options), v6 option 17 (enterprise, then
     * 2+2-byte sub-options); only the first enterprise block is looked at, as in Kea.
     */
    default Optional<byte[]> vendorSubOption(long enterprise, int code) {
        return OptionWalk.vendorSubOption(option(family() == Family.V4 ? 125 : 17), family(), enterprise, code);
    }

    /** Enterprise number of the vendor class option (v4 124, v6 16). Default: its first 4 bytes. */
    default OptionalLong vendorClassEnterprise() {
        return OptionWalk.enterprise(option(family() == Family.V4 ? 124 : 16));
    }

    /**
     * Opaque data chunks of the vendor class option, in order. Default: v4 option 124 (enterprise, then
     * 1-byte-length chunks, each later chunk preceded by the enterprise again), v6 option 16 (enterprise,
     * then 2-byte-length chunks). Empty when the option is absent or malformed.
     */
    default List<byte[]> vendorClassData() {
        return OptionWalk.vendorClassData(option(family() == Family.V4 ? 124 : 16), family());
    }

    /** A DHCPv4 header field in Kea's byte form (see each {@link Pkt4Field} constant). */
    byte[] pkt4Field(Pkt4Field field);

    /** Packet metadata in Kea's byte form (see each {@link PktField} constant). */
    byte[] pktField(PktField field);

    /**
     * Whether the packet is in a class. The {@code Classifier} answers this itself from the classes
     * gathered so far; other callers of the evaluator answer from the packet's class set (including
     * KNOWN/UNKNOWN once the host lookup has happened).
     */
    boolean memberOf(String className);

    // ---- DHCPv6 hooks ---------------------------------------------------------------------------

    /** Number of relay encapsulations (Relay-forward layers) around a DHCPv6 message. */
    default int relay6Count() {
        return 0;
    }

    /** Option {@code code} of relay encapsulation {@code level} (0 = the relay closest to the server). */
    default Optional<byte[]> relay6Option(int level, int code) {
        return Optional.empty();
    }

    /** peer-address or link-address (16 bytes) of relay encapsulation {@code level}. */
    default Optional<byte[]> relay6Address(int level, Relay6Field field) {
        return Optional.empty();
    }

    /** A DHCPv6 header field as a 4-byte big-endian integer; empty for a non-DHCPv6 packet. */
    default Optional<byte[]> pkt6Field(Pkt6Field field) {
        return Optional.empty();
    }

    /** Helper for implementations: {@code value} as the 4-byte big-endian string Kea uses for numbers. */
    static byte[] uint32(long value) {
        return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }
}
