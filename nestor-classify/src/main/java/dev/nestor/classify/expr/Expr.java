package dev.nestor.classify.expr;

import dev.nestor.common.Bytes;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Parsed classification expression (Kea {@code src/lib/eval}), immutable and safe to share between
 * threads. Kea compiles to a token list for a stack machine; we keep a typed tree instead: every node is
 * either a {@link BoolExpr} or a {@link StringExpr} (all Kea values are byte strings), so a type error
 * such as {@code 'a' and 'b'} is caught by the parser.
 *
 * <p>Parentheses are not kept. {@code known} and {@code unknown} become {@code member('KNOWN')} and
 * {@code not member('KNOWN')}.
 */
public sealed interface Expr {

    /** Expressions producing a boolean ({@code true}/{@code false} in Kea). */
    sealed interface BoolExpr extends Expr {}

    /** Expressions producing a byte string. */
    sealed interface StringExpr extends Expr {}

    // ---- literals --------------------------------------------------------------------------------

    /** {@code 'text'}: the UTF-8 bytes of the text between the quotes (no escapes, as in Kea). */
    record StringLiteral(String text) implements StringExpr {
        public StringLiteral {
            Objects.requireNonNull(text, "text");
        }

        public Bytes value() {
            return Bytes.of(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** {@code 0x5a7d}: the decoded bytes (an odd digit count gets a leading 0, as in Kea). */
    record HexLiteral(Bytes value) implements StringExpr {
        public HexLiteral {
            Objects.requireNonNull(value, "value");
        }
    }

    /** {@code 192.0.2.1} or {@code 2001:db8::1}: the 4 or 16 address bytes. */
    record IpLiteral(Bytes value) implements StringExpr {
        public IpLiteral {
            if (value.length() != 4 && value.length() != 16) {
                throw new IllegalArgumentException("address must be 4 or 16 bytes");
            }
        }
    }

    /** An integer in string position: its 4-byte big-endian unsigned form (0..4294967295). */
    record IntegerLiteral(long value) implements StringExpr {
        public IntegerLiteral {
            if (value < 0 || value > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("integer out of uint32 range: " + value);
            }
        }
    }

    // ---- packet access ---------------------------------------------------------------------------

    /** Where an option is looked up; {@code path} is the option code then sub-option codes. */
    sealed interface OptionRef {
        List<Integer> path();
    }

    /** {@code option[a].option[b]...}: a top-level option, then its sub-options. */
    record TopLevel(List<Integer> path) implements OptionRef {
        public TopLevel {
            path = List.copyOf(path);
            if (path.isEmpty()) {
                throw new IllegalArgumentException("empty option path");
            }
        }
    }

    /** {@code relay4[a].option[b]...}: a sub-option of the relay agent information option (82). */
    record Relay4(List<Integer> path) implements OptionRef {
        public Relay4 {
            path = List.copyOf(path);
            if (path.isEmpty()) {
                throw new IllegalArgumentException("empty option path");
            }
        }
    }

    /** {@code relay6[n].option[a]...}: an option of relay encapsulation {@code nest} (negative: from the client side). */
    record Relay6(int nest, List<Integer> path) implements OptionRef {
        public Relay6 {
            path = List.copyOf(path);
            if (path.isEmpty()) {
                throw new IllegalArgumentException("empty option path");
            }
        }
    }

    /** {@code vendor[e].option[a]...}: a sub-option of the vendor option (v4 125, v6 17); e = 0 matches any. */
    record Vendor(long enterprise, List<Integer> path) implements OptionRef {
        public Vendor {
            path = List.copyOf(path);
            if (path.isEmpty()) {
                throw new IllegalArgumentException("empty option path");
            }
        }
    }

    /** How an option is rendered: {@code .hex} (payload bytes) or {@code .text}. */
    enum Repr {
        HEX,
        TEXT
    }

    /** {@code <ref>.hex} / {@code <ref>.text}: empty when the option is absent. */
    record OptionValue(OptionRef ref, Repr repr) implements StringExpr {
        public OptionValue {
            Objects.requireNonNull(ref, "ref");
            Objects.requireNonNull(repr, "repr");
        }
    }

    /** {@code <ref>.exists}. */
    record OptionExists(OptionRef ref) implements BoolExpr {
        public OptionExists {
            Objects.requireNonNull(ref, "ref");
        }
    }

    /** Which vendor option: the vendor-specific (v4 125 / v6 17) or the vendor class one (v4 124 / v6 16). */
    enum VendorKind {
        VENDOR("vendor"),
        VENDOR_CLASS("vendor-class");

        private final String keyword;

        VendorKind(String keyword) {
            this.keyword = keyword;
        }

        public String keyword() {
            return keyword;
        }
    }

    /** {@code vendor[e].exists} / {@code vendor-class[e].exists}; e = 0 ({@code *}) matches any enterprise. */
    record VendorExists(VendorKind kind, long enterprise) implements BoolExpr {
        public VendorExists {
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** {@code vendor.enterprise} / {@code vendor-class.enterprise}: 4-byte enterprise id, empty when absent. */
    record VendorEnterprise(VendorKind kind) implements StringExpr {
        public VendorEnterprise {
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** {@code vendor-class[e].data[i]}: the i-th opaque data chunk (0 when the index is omitted). */
    record VendorClassData(long enterprise, int index) implements StringExpr {
        public VendorClassData {
            if (index < 0 || index > 255) {
                throw new IllegalArgumentException("index out of range: " + index);
            }
        }
    }

    /** {@code pkt.iface|src|dst|len}. */
    record PktMeta(PktField field) implements StringExpr {
        public PktMeta {
            Objects.requireNonNull(field, "field");
        }
    }

    /** {@code pkt4.<field>} (DHCPv4 only). */
    record Pkt4(Pkt4Field field) implements StringExpr {
        public Pkt4 {
            Objects.requireNonNull(field, "field");
        }
    }

    /** {@code pkt6.msgtype|transid} (DHCPv6 only). */
    record Pkt6(Pkt6Field field) implements StringExpr {
        public Pkt6 {
            Objects.requireNonNull(field, "field");
        }
    }

    /** {@code relay6[n].peeraddr|linkaddr} (DHCPv6 only). */
    record Relay6Address(int nest, Relay6Field field) implements StringExpr {
        public Relay6Address {
            Objects.requireNonNull(field, "field");
        }
    }

    // ---- string functions ------------------------------------------------------------------------

    /** {@code substring(s, start, length|all)}; {@code length} empty means {@code all}. */
    record Substring(StringExpr value, long start, OptionalLong length) implements StringExpr {
        public Substring {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(length, "length");
        }
    }

    /** {@code split(s, delimiters, field)}: 1-based field, any delimiter byte separates. */
    record Split(StringExpr value, StringExpr delimiters, long field) implements StringExpr {
        public Split {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(delimiters, "delimiters");
        }
    }

    /** {@code concat(a, b)} and {@code a + b}. */
    record Concat(StringExpr left, StringExpr right) implements StringExpr {
        public Concat {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }
    }

    /** {@code lcase(s)} (ASCII only, like boost's to_lower in the C locale). */
    record LowerCase(StringExpr value) implements StringExpr {
        public LowerCase {
            Objects.requireNonNull(value, "value");
        }
    }

    /** {@code ucase(s)} (ASCII only). */
    record UpperCase(StringExpr value) implements StringExpr {
        public UpperCase {
            Objects.requireNonNull(value, "value");
        }
    }

    /** {@code ifelse(c, a, b)}, or {@code sifelse(c, a, b)} when {@code strict} (both branches evaluated). */
    record IfElse(BoolExpr condition, StringExpr ifTrue, StringExpr ifFalse, boolean strict) implements StringExpr {
        public IfElse {
            Objects.requireNonNull(condition, "condition");
            Objects.requireNonNull(ifTrue, "ifTrue");
            Objects.requireNonNull(ifFalse, "ifFalse");
        }
    }

    /** {@code hexstring(s, separator)}: lower-case hex digit pairs joined by the separator. */
    record HexString(StringExpr value, StringExpr separator) implements StringExpr {
        public HexString {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(separator, "separator");
        }
    }

    /** {@code addrtotext(s)}: 4 or 16 bytes to the textual address. */
    record AddressToText(StringExpr value) implements StringExpr {
        public AddressToText {
            Objects.requireNonNull(value, "value");
        }
    }

    /** Width and signedness of an {@code [u]intNtotext} conversion. */
    enum IntFormat {
        INT8("int8totext", 1, true),
        INT16("int16totext", 2, true),
        INT32("int32totext", 4, true),
        UINT8("uint8totext", 1, false),
        UINT16("uint16totext", 2, false),
        UINT32("uint32totext", 4, false);

        private final String keyword;
        private final int width;
        private final boolean signed;

        IntFormat(String keyword, int width, boolean signed) {
            this.keyword = keyword;
            this.width = width;
            this.signed = signed;
        }

        public String keyword() {
            return keyword;
        }

        /** Number of input bytes expected. */
        public int width() {
            return width;
        }

        public boolean signed() {
            return signed;
        }
    }

    /** {@code int8totext(s)} ... {@code uint32totext(s)}: big-endian integer to decimal text. */
    record IntToText(StringExpr value, IntFormat format) implements StringExpr {
        public IntToText {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(format, "format");
        }
    }

    // ---- boolean ---------------------------------------------------------------------------------

    /** {@code a == b}: byte-wise equality. */
    record Equal(StringExpr left, StringExpr right) implements BoolExpr {
        public Equal {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }
    }

    /** {@code not e}. */
    record Not(BoolExpr operand) implements BoolExpr {
        public Not {
            Objects.requireNonNull(operand, "operand");
        }
    }

    /** {@code a and b} (short-circuit), or {@code a sand b} when {@code strict} (both sides evaluated). */
    record And(BoolExpr left, BoolExpr right, boolean strict) implements BoolExpr {
        public And {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }
    }

    /** {@code a or b} (short-circuit), or {@code a sor b} when {@code strict} (both sides evaluated). */
    record Or(BoolExpr left, BoolExpr right, boolean strict) implements BoolExpr {
        public Or {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }
    }

    /** {@code member('name')}: the packet is already in that class. */
    record Member(String className) implements BoolExpr {
        public Member {
            Objects.requireNonNull(className, "className");
        }
    }

    /**
     * {@code match('regex', s)}: the whole value matches the regular expression (Kea uses std::regex
     * ECMAScript with regex_match; we use java.util.regex with {@link java.util.regex.Matcher#matches}).
     * Equality compares the pattern text.
     */
    record Match(Pattern pattern, StringExpr value) implements BoolExpr {
        public Match {
            Objects.requireNonNull(pattern, "pattern");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Match m && m.pattern.pattern().equals(pattern.pattern()) && m.value.equals(value);
        }

        @Override
        public int hashCode() {
            return Objects.hash(pattern.pattern(), value);
        }
    }
}
