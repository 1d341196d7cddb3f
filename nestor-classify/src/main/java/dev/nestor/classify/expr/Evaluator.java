package dev.nestor.classify.expr;

import dev.nestor.classify.expr.Expr.BoolExpr;
import dev.nestor.classify.expr.Expr.StringExpr;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Evaluates parsed expressions against a packet with Kea's semantics (token.cc): absent options and
 * out-of-range positions give empty strings, never errors; type errors (a value that is not
 * {@code true}/{@code false} used as a boolean, a wrong-length input to {@code addrtotext} or
 * {@code [u]intNtotext}, {@code pkt4} on a DHCPv6 packet...) throw {@link ExpressionException}, which
 * callers treat as "no match" and log. Stateless and thread-safe.
 */
public final class Evaluator {
    private static final byte[] EMPTY = new byte[0];
    private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);

    private Evaluator() {}

    /**
     * Evaluates to a boolean. A string expression counts as true when its value is exactly
     * {@code "true"}, false when exactly {@code "false"}, and is an error otherwise (Kea's toBool).
     */
    public static boolean evaluateBoolean(Expr e, PacketView p) throws ExpressionException {
        return switch (e) {
            case BoolExpr b -> bool(b, p);
            case StringExpr s -> toBool(bytes(s, p));
        };
    }

    /**
     * Evaluates to text. Kea values are byte strings: the result is decoded as UTF-8 when it is valid
     * UTF-8 and as ISO-8859-1 (one char per byte, lossless) otherwise; use {@link #evaluateBytes} for the
     * exact bytes. A boolean expression gives {@code "true"} or {@code "false"}.
     */
    public static String evaluateString(Expr e, PacketView p) throws ExpressionException {
        return decode(evaluateBytes(e, p));
    }

    /** Evaluates to the exact byte string Kea would produce. */
    public static byte[] evaluateBytes(Expr e, PacketView p) throws ExpressionException {
        return switch (e) {
            case BoolExpr b -> (bool(b, p) ? TRUE : FALSE).clone();
            case StringExpr s -> bytes(s, p).clone();
        };
    }

    // ---- booleans --------------------------------------------------------------------------------

    private static boolean bool(BoolExpr e, PacketView p) throws ExpressionException {
        return switch (e) {
            case Expr.Equal(StringExpr l, StringExpr r) -> Arrays.equals(bytes(l, p), bytes(r, p));
            case Expr.Not(BoolExpr o) -> !bool(o, p);
            case Expr.And(BoolExpr l, BoolExpr r, boolean strict) -> {
                boolean left = bool(l, p);
                if (!left && !strict) {
                    yield false;
                }
                boolean right = bool(r, p);
                yield left && right;
            }
            case Expr.Or(BoolExpr l, BoolExpr r, boolean strict) -> {
                boolean left = bool(l, p);
                if (left && !strict) {
                    yield true;
                }
                boolean right = bool(r, p);
                yield left || right;
            }
            case Expr.OptionExists(Expr.OptionRef ref) -> lookup(ref, p).isPresent();
            case Expr.VendorExists(Expr.VendorKind kind, long enterprise) -> vendorMatches(kind, enterprise, p).isPresent();
            case Expr.Member(String name) -> p.memberOf(name);
            case Expr.Match m -> match(m, p);
        };
    }

    private static boolean match(Expr.Match m, PacketView p) throws ExpressionException {
        String value = new String(bytes(m.value(), p), StandardCharsets.ISO_8859_1);
        try {
            return m.pattern().matcher(value).matches();
        } catch (RuntimeException | StackOverflowError e) {
            return false; // Kea logs a runtime regex failure and treats it as no match
        }
    }

    private static boolean toBool(byte[] v) throws ExpressionException {
        if (Arrays.equals(v, TRUE)) {
            return true;
        }
        if (Arrays.equals(v, FALSE)) {
            return false;
        }
        throw new ExpressionException("incorrect boolean: expected exactly \"true\" or \"false\" in \"" + decode(v) + "\"");
    }

    // ---- strings ---------------------------------------------------------------------------------

    private static byte[] bytes(StringExpr e, PacketView p) throws ExpressionException {
        return switch (e) {
            case Expr.StringLiteral s -> s.text().getBytes(StandardCharsets.UTF_8);
            case Expr.HexLiteral(var v) -> v.toArray();
            case Expr.IpLiteral(var v) -> v.toArray();
            case Expr.IntegerLiteral(long v) -> PacketView.uint32(v);
            case Expr.OptionValue(Expr.OptionRef ref, Expr.Repr repr) -> {
                Optional<byte[]> payload = lookup(ref, p);
                if (payload.isEmpty()) {
                    yield EMPTY;
                }
                List<Integer> path = ref.path();
                yield repr == Expr.Repr.HEX ? payload.get() : p.optionText(path.getLast(), payload.get());
            }
            case Expr.VendorEnterprise(Expr.VendorKind kind) -> {
                OptionalLong ent = enterpriseOf(kind, p);
                yield ent.isPresent() ? PacketView.uint32(ent.getAsLong()) : EMPTY;
            }
            case Expr.VendorClassData(long enterprise, int index) -> {
                if (vendorMatches(Expr.VendorKind.VENDOR_CLASS, enterprise, p).isEmpty()) {
                    yield EMPTY;
                }
                List<byte[]> chunks = p.vendorClassData();
                yield index < chunks.size() ? chunks.get(index) : EMPTY;
            }
            case Expr.PktMeta(PktField f) -> p.pktField(f);
            case Expr.Pkt4(Pkt4Field f) -> {
                if (p.family() != Family.V4) {
                    throw new ExpressionException("specified packet is not a Pkt4");
                }
                yield p.pkt4Field(f);
            }
            case Expr.Pkt6(Pkt6Field f) -> {
                if (p.family() != Family.V6) {
                    throw new ExpressionException("specified packet is not a Pkt6");
                }
                yield p.pkt6Field(f).orElseThrow(() -> new ExpressionException("specified packet is not a Pkt6"));
            }
            case Expr.Relay6Address(int nest, Relay6Field f) -> {
                if (p.family() != Family.V6) {
                    throw new ExpressionException("specified packet is not a Pkt6");
                }
                int level = relayLevel(nest, p);
                yield level < 0 ? EMPTY : p.relay6Address(level, f).orElse(EMPTY);
            }
            case Expr.Substring s -> substring(bytes(s.value(), p), s.start(), s.length());
            case Expr.Split s -> split(bytes(s.value(), p), bytes(s.delimiters(), p), s.field());
            case Expr.Concat(StringExpr l, StringExpr r) -> concat(bytes(l, p), bytes(r, p));
            case Expr.LowerCase(StringExpr v) -> asciiCase(bytes(v, p), true);
            case Expr.UpperCase(StringExpr v) -> asciiCase(bytes(v, p), false);
            case Expr.IfElse(BoolExpr c, StringExpr t, StringExpr f, boolean strict) -> {
                if (strict) {
                    boolean cond = bool(c, p);
                    byte[] a = bytes(t, p);
                    byte[] b = bytes(f, p);
                    yield cond ? a : b;
                }
                yield bool(c, p) ? bytes(t, p) : bytes(f, p);
            }
            case Expr.HexString(StringExpr v, StringExpr sep) -> hexString(bytes(v, p), bytes(sep, p));
            case Expr.AddressToText(StringExpr v) -> {
                byte[] b = bytes(v, p);
                if (b.length == 0) {
                    yield EMPTY;
                }
                if (b.length != 4 && b.length != 16) {
                    throw new ExpressionException("can not convert to valid address");
                }
                yield IpText.format(b).getBytes(StandardCharsets.US_ASCII);
            }
            case Expr.IntToText(StringExpr v, Expr.IntFormat fmt) -> intToText(bytes(v, p), fmt);
        };
    }

    /** Finds the option a reference names; empty when any step is absent. */
    private static Optional<byte[]> lookup(Expr.OptionRef ref, PacketView p) throws ExpressionException {
        List<Integer> path = ref.path();
        Optional<byte[]> current = switch (ref) {
            case Expr.TopLevel _ -> p.option(path.getFirst());
            case Expr.Relay4 _ -> p.relay4SubOption(path.getFirst());
            case Expr.Relay6 r -> {
                if (p.family() != Family.V6) {
                    throw new ExpressionException("specified packet is not a Pkt6");
                }
                int level = relayLevel(r.nest(), p);
                yield level < 0 ? Optional.empty() : p.relay6Option(level, path.getFirst());
            }
            case Expr.Vendor v -> {
                OptionalLong ent = vendorMatches(Expr.VendorKind.VENDOR, v.enterprise(), p);
                yield ent.isEmpty() ? Optional.empty() : p.vendorSubOption(ent.getAsLong(), path.getFirst());
            }
        };
        for (int i = 1; i < path.size() && current.isPresent(); i++) {
            current = p.subOption(path.get(i - 1), current.get(), path.get(i));
        }
        return current;
    }

    /** Kea's relay nesting: negative counts from the client side; -1 when out of range. */
    private static int relayLevel(int nest, PacketView p) {
        int count = p.relay6Count();
        int level = nest >= 0 ? nest : count + nest;
        return level < 0 || level >= count ? -1 : level;
    }

    private static OptionalLong enterpriseOf(Expr.VendorKind kind, PacketView p) {
        return kind == Expr.VendorKind.VENDOR ? p.vendorEnterprise() : p.vendorClassEnterprise();
    }

    /** The packet's enterprise id when the option is present and matches ({@code 0} = any). */
    private static OptionalLong vendorMatches(Expr.VendorKind kind, long wanted, PacketView p) {
        OptionalLong ent = enterpriseOf(kind, p);
        if (ent.isEmpty() || (wanted != 0 && wanted != ent.getAsLong())) {
            return OptionalLong.empty();
        }
        return ent;
    }

    private static byte[] substring(byte[] s, long startArg, OptionalLong lengthArg) throws ExpressionException {
        if (s.length == 0) {
            return EMPTY;
        }
        // Kea converts both to a C int at evaluation time.
        if (startArg < Integer.MIN_VALUE || startArg > Integer.MAX_VALUE) {
            throw new ExpressionException("the parameter '" + startArg
                    + "' for the starting position of the substring couldn't be converted to an integer");
        }
        long lengthValue = lengthArg.orElse(s.length);
        if (lengthValue < Integer.MIN_VALUE || lengthValue > Integer.MAX_VALUE) {
            throw new ExpressionException("the parameter '" + lengthValue
                    + "' for the length of the substring couldn't be converted to an integer");
        }
        int n = s.length;
        int start = (int) startArg;
        long length = lengthValue;
        if (start < -n || start >= n) {
            return EMPTY;
        }
        if (start < 0) {
            start = n + start;
        }
        if (length < 0) {
            length = -length;
            if (length <= start) {
                start -= (int) length;
            } else {
                length = start;
                start = 0;
            }
        }
        int end = (int) Math.min(n, start + length);
        return Arrays.copyOfRange(s, start, end);
    }

    private static byte[] split(byte[] s, byte[] delims, long fieldArg) throws ExpressionException {
        if (s.length == 0) {
            return EMPTY;
        }
        if (fieldArg < Integer.MIN_VALUE || fieldArg > Integer.MAX_VALUE) {
            throw new ExpressionException("the parameter '" + fieldArg
                    + "' for the field field for split couldn't be converted to an integer");
        }
        if (delims.length == 0) {
            return s;
        }
        List<byte[]> fields = new ArrayList<>();
        int from = 0;
        for (int i = 0; i <= s.length; i++) {
            if (i == s.length || contains(delims, s[i])) {
                fields.add(Arrays.copyOfRange(s, from, i));
                from = i + 1;
            }
        }
        int field = (int) fieldArg;
        return field < 1 || field > fields.size() ? EMPTY : fields.get(field - 1);
    }

    private static boolean contains(byte[] set, byte b) {
        for (byte x : set) {
            if (x == b) {
                return true;
            }
        }
        return false;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] asciiCase(byte[] v, boolean lower) {
        byte[] out = v.clone();
        for (int i = 0; i < out.length; i++) {
            byte c = out[i];
            if (lower && c >= 'A' && c <= 'Z') {
                out[i] = (byte) (c + 32);
            } else if (!lower && c >= 'a' && c <= 'z') {
                out[i] = (byte) (c - 32);
            }
        }
        return out;
    }

    private static byte[] hexString(byte[] v, byte[] sep) {
        HexFormat hex = HexFormat.of();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < v.length; i++) {
            if (i > 0) {
                out.writeBytes(sep);
            }
            out.writeBytes(hex.toHexDigits(v[i]).getBytes(StandardCharsets.US_ASCII));
        }
        return out.toByteArray();
    }

    private static byte[] intToText(byte[] v, Expr.IntFormat fmt) throws ExpressionException {
        if (v.length == 0) {
            return EMPTY;
        }
        if (v.length != fmt.width()) {
            String type = fmt.keyword().substring(0, fmt.keyword().length() - "totext".length());
            throw new ExpressionException("can not convert to valid " + type);
        }
        long value = 0;
        for (byte b : v) {
            value = (value << 8) | (b & 0xFF);
        }
        if (fmt.signed()) {
            int bits = fmt.width() * 8;
            value = (value << (64 - bits)) >> (64 - bits); // sign-extend
        }
        return Long.toString(value).getBytes(StandardCharsets.US_ASCII);
    }

    private static String decode(byte[] v) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(v))
                    .toString();
        } catch (CharacterCodingException e) {
            return new String(v, StandardCharsets.ISO_8859_1);
        }
    }
}
