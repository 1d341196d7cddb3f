package dev.nestor.classify.expr;

import dev.nestor.classify.expr.Expr.BoolExpr;
import dev.nestor.classify.expr.Expr.StringExpr;
import dev.nestor.classify.expr.Lexer.Kind;
import dev.nestor.classify.expr.Lexer.Token;
import dev.nestor.common.Bytes;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Parses Kea classification expressions (grammar of Kea's parser.yy) into {@link Expr} trees.
 *
 * <p>Precedence, lowest first: {@code sor}, {@code or}, {@code sand}, {@code and} (all left
 * associative), {@code not}; {@code ==} compares two string expressions and {@code +} concatenates
 * strings (left associative). Parentheses may group either kind of expression.
 *
 * <p>Checks done here, as in Kea: option codes in range for the family (v4 0..255, v6 0..65535), option
 * names defined, {@code member()} names known to the universe, v4-only ({@code pkt4}, {@code relay4}) and
 * v6-only ({@code pkt6}, {@code relay6}) constructs, integer ranges, valid {@code match()} patterns.
 */
public final class ExpressionParser {

    private final List<Token> tokens;
    private final ExprUniverse universe;
    private int index;

    private ExpressionParser(List<Token> tokens, ExprUniverse universe) {
        this.tokens = tokens;
        this.universe = universe;
    }

    /** Parses a boolean expression (a class {@code test}). */
    public static BoolExpr parse(String text, ExprUniverse universe) throws ExpressionException {
        ExpressionParser p = start(text, universe);
        Expr e = p.parseAny();
        p.expectEnd();
        if (e instanceof BoolExpr b) {
            return b;
        }
        throw unexpected(p.peek(), "'=='");
    }

    /** Parses a string expression (a {@code template-test}, or other string-valued uses). */
    public static StringExpr parseString(String text, ExprUniverse universe) throws ExpressionException {
        ExpressionParser p = start(text, universe);
        Token first = p.peek();
        Expr e = p.parseAny();
        p.expectEnd();
        return p.requireString(e, first);
    }

    private static ExpressionParser start(String text, ExprUniverse universe) throws ExpressionException {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(universe, "universe");
        return new ExpressionParser(Lexer.tokenize(text), universe);
    }

    // ---- token helpers ---------------------------------------------------------------------------

    private Token peek() {
        return tokens.get(index);
    }

    private Token consume() {
        Token t = tokens.get(index);
        if (t.kind() != Kind.END) {
            index++;
        }
        return t;
    }

    private boolean accept(Kind kind) {
        if (peek().kind() == kind) {
            consume();
            return true;
        }
        return false;
    }

    private Token expect(Kind kind) throws ExpressionException {
        Token t = peek();
        if (t.kind() != kind) {
            throw unexpected(t, "'" + kind.display + "'");
        }
        return consume();
    }

    private Token expectOneOf(String expecting, Kind... kinds) throws ExpressionException {
        Token t = peek();
        for (Kind k : kinds) {
            if (t.kind() == k) {
                return consume();
            }
        }
        throw unexpected(t, expecting);
    }

    private void expectEnd() throws ExpressionException {
        if (peek().kind() != Kind.END) {
            throw unexpected(peek(), "end of file");
        }
    }

    private static ExpressionException unexpected(Token t, String expecting) {
        return error(t, "syntax error, unexpected " + t.describe() + ", expecting " + expecting);
    }

    private static ExpressionException error(Token t, String problem) {
        return new ExpressionException(t.line(), t.column(), problem);
    }

    private BoolExpr requireBool(Expr e) throws ExpressionException {
        if (e instanceof BoolExpr b) {
            return b;
        }
        // A string expression is only complete as part of a comparison: Kea reports the token after it.
        throw unexpected(peek(), "'=='");
    }

    private StringExpr requireString(Expr e, Token start) throws ExpressionException {
        if (e instanceof StringExpr s) {
            return s;
        }
        throw error(start, "syntax error, a boolean expression where a string expression is expected");
    }

    // ---- expressions -----------------------------------------------------------------------------

    private static int level(Kind k) {
        return switch (k) {
            case SOR -> 1;
            case OR -> 2;
            case SAND -> 3;
            case AND -> 4;
            default -> 0;
        };
    }

    private Expr parseAny() throws ExpressionException {
        return parseBinary(1);
    }

    private Expr parseBinary(int minLevel) throws ExpressionException {
        Expr left = parseUnary();
        while (true) {
            Kind op = peek().kind();
            int lvl = level(op);
            if (lvl == 0 || lvl < minLevel) {
                return left;
            }
            BoolExpr l = requireBool(left);
            consume();
            BoolExpr r = requireBool(parseBinary(lvl + 1));
            left = switch (op) {
                case AND -> new Expr.And(l, r, false);
                case SAND -> new Expr.And(l, r, true);
                case OR -> new Expr.Or(l, r, false);
                default -> new Expr.Or(l, r, true);
            };
        }
    }

    private Expr parseUnary() throws ExpressionException {
        if (accept(Kind.NOT)) {
            return new Expr.Not(requireBool(parseUnary()));
        }
        Expr e = parsePrimary();
        if (e instanceof StringExpr s) {
            s = concatTail(s);
            if (accept(Kind.EQUAL)) {
                return new Expr.Equal(s, parseConcat());
            }
            return s;
        }
        return e;
    }

    private StringExpr parseConcat() throws ExpressionException {
        Token start = peek();
        return concatTail(requireString(parsePrimary(), start));
    }

    private StringExpr concatTail(StringExpr left) throws ExpressionException {
        while (accept(Kind.PLUS)) {
            Token start = peek();
            left = new Expr.Concat(left, requireString(parsePrimary(), start));
        }
        return left;
    }

    /** A string expression argument (any parenthesised or concatenated form). */
    private StringExpr stringArg() throws ExpressionException {
        Token start = peek();
        return requireString(parseAny(), start);
    }

    private BoolExpr boolArg() throws ExpressionException {
        return requireBool(parseAny());
    }

    private Expr parsePrimary() throws ExpressionException {
        Token t = peek();
        switch (t.kind()) {
            case LPAREN -> {
                consume();
                Expr inner = parseAny();
                expect(Kind.RPAREN);
                return inner;
            }
            case STRING -> {
                consume();
                return new Expr.StringLiteral(t.text());
            }
            case HEXSTRING -> {
                consume();
                String digits = t.text().substring(2);
                if (digits.length() % 2 != 0) {
                    digits = "0" + digits;
                }
                return new Expr.HexLiteral(Bytes.of(HexFormat.of().parseHex(digits)));
            }
            case IP_ADDRESS -> {
                consume();
                return new Expr.IpLiteral(Bytes.of(IpText.parse(t.text())));
            }
            case INTEGER -> {
                consume();
                return new Expr.IntegerLiteral(uint32(t));
            }
            case OPTION -> {
                consume();
                List<Integer> path = new ArrayList<>();
                path.add(optionCodeInBrackets(true));
                return optionTail(path, false, Expr.TopLevel::new);
            }
            case RELAY4 -> {
                consume();
                List<Integer> path = new ArrayList<>();
                path.add(optionCodeInBrackets(false));
                if (universe.family() != Family.V4) {
                    throw error(t, "relay4 can only be used in DHCPv4");
                }
                return optionTail(path, true, Expr.Relay4::new);
            }
            case RELAY6 -> {
                consume();
                return relay6(t);
            }
            case VENDOR -> {
                consume();
                return vendor();
            }
            case VENDOR_CLASS -> {
                consume();
                return vendorClass();
            }
            case PKT -> {
                consume();
                expect(Kind.DOT);
                Token f = expectOneOf("iface, src, dst or len", Kind.IFACE, Kind.SRC, Kind.DST, Kind.LEN);
                return new Expr.PktMeta(switch (f.kind()) {
                    case IFACE -> PktField.IFACE;
                    case SRC -> PktField.SRC;
                    case DST -> PktField.DST;
                    default -> PktField.LEN;
                });
            }
            case PKT4 -> {
                consume();
                expect(Kind.DOT);
                Token f = expectOneOf("a pkt4 field", Kind.CHADDR, Kind.HLEN, Kind.HTYPE, Kind.CIADDR,
                        Kind.GIADDR, Kind.YIADDR, Kind.SIADDR, Kind.MSGTYPE, Kind.TRANSID);
                if (universe.family() != Family.V4) {
                    throw error(t, "pkt4 can only be used in DHCPv4");
                }
                return new Expr.Pkt4(switch (f.kind()) {
                    case CHADDR -> Pkt4Field.MAC;
                    case HLEN -> Pkt4Field.HLEN;
                    case HTYPE -> Pkt4Field.HTYPE;
                    case CIADDR -> Pkt4Field.CIADDR;
                    case GIADDR -> Pkt4Field.GIADDR;
                    case YIADDR -> Pkt4Field.YIADDR;
                    case SIADDR -> Pkt4Field.SIADDR;
                    case MSGTYPE -> Pkt4Field.MSGTYPE;
                    default -> Pkt4Field.TRANSID;
                });
            }
            case PKT6 -> {
                consume();
                expect(Kind.DOT);
                Token f = expectOneOf("msgtype or transid", Kind.MSGTYPE, Kind.TRANSID);
                if (universe.family() != Family.V6) {
                    throw error(t, "pkt6 can only be used in DHCPv6");
                }
                return new Expr.Pkt6(f.kind() == Kind.MSGTYPE ? Pkt6Field.MSGTYPE : Pkt6Field.TRANSID);
            }
            case SUBSTRING -> {
                consume();
                expect(Kind.LPAREN);
                StringExpr s = stringArg();
                expect(Kind.COMA);
                long start = Long.parseLong(expect(Kind.INTEGER).text());
                expect(Kind.COMA);
                Token len = expectOneOf("integer or all", Kind.INTEGER, Kind.ALL);
                expect(Kind.RPAREN);
                OptionalLong length = len.kind() == Kind.ALL ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(len.text()));
                return new Expr.Substring(s, start, length);
            }
            case SPLIT -> {
                consume();
                expect(Kind.LPAREN);
                StringExpr s = stringArg();
                expect(Kind.COMA);
                StringExpr delims = stringArg();
                expect(Kind.COMA);
                long field = Long.parseLong(expect(Kind.INTEGER).text());
                expect(Kind.RPAREN);
                return new Expr.Split(s, delims, field);
            }
            case CONCAT, TOHEXSTRING -> {
                consume();
                expect(Kind.LPAREN);
                StringExpr a = stringArg();
                expect(Kind.COMA);
                StringExpr b = stringArg();
                expect(Kind.RPAREN);
                return t.kind() == Kind.CONCAT ? new Expr.Concat(a, b) : new Expr.HexString(a, b);
            }
            case IFELSE, SIFELSE -> {
                consume();
                expect(Kind.LPAREN);
                BoolExpr c = boolArg();
                expect(Kind.COMA);
                StringExpr a = stringArg();
                expect(Kind.COMA);
                StringExpr b = stringArg();
                expect(Kind.RPAREN);
                return new Expr.IfElse(c, a, b, t.kind() == Kind.SIFELSE);
            }
            case LCASE, UCASE, ADDRTOTEXT, INT8TOTEXT, INT16TOTEXT, INT32TOTEXT, UINT8TOTEXT, UINT16TOTEXT,
                 UINT32TOTEXT -> {
                consume();
                expect(Kind.LPAREN);
                StringExpr a = stringArg();
                expect(Kind.RPAREN);
                return switch (t.kind()) {
                    case LCASE -> new Expr.LowerCase(a);
                    case UCASE -> new Expr.UpperCase(a);
                    case ADDRTOTEXT -> new Expr.AddressToText(a);
                    case INT8TOTEXT -> new Expr.IntToText(a, Expr.IntFormat.INT8);
                    case INT16TOTEXT -> new Expr.IntToText(a, Expr.IntFormat.INT16);
                    case INT32TOTEXT -> new Expr.IntToText(a, Expr.IntFormat.INT32);
                    case UINT8TOTEXT -> new Expr.IntToText(a, Expr.IntFormat.UINT8);
                    case UINT16TOTEXT -> new Expr.IntToText(a, Expr.IntFormat.UINT16);
                    default -> new Expr.IntToText(a, Expr.IntFormat.UINT32);
                };
            }
            case MEMBER -> {
                consume();
                expect(Kind.LPAREN);
                Token name = expect(Kind.STRING);
                expect(Kind.RPAREN);
                if (!universe.isKnownClass(name.text())) {
                    throw error(name, "not defined client class '" + name.text() + "'");
                }
                return new Expr.Member(name.text());
            }
            case MATCH -> {
                consume();
                expect(Kind.LPAREN);
                Token regex = expect(Kind.STRING);
                expect(Kind.COMA);
                StringExpr value = stringArg();
                expect(Kind.RPAREN);
                return new Expr.Match(compileRegex(regex), value);
            }
            case KNOWN -> {
                consume();
                return new Expr.Member("KNOWN");
            }
            case UNKNOWN -> {
                consume();
                return new Expr.Not(new Expr.Member("KNOWN"));
            }
            default -> throw error(t, "syntax error, unexpected " + t.describe());
        }
    }

    private static Pattern compileRegex(Token regex) throws ExpressionException {
        // Values are byte strings matched one byte per char (ISO-8859-1), so the pattern is brought to
        // the same form: its UTF-8 bytes, one char each.
        String bytewise = new String(regex.text().getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        try {
            return Pattern.compile(bytewise);
        } catch (PatternSyntaxException e) {
            throw error(regex, "invalid regular expression '" + regex.text() + "': " + e.getDescription());
        }
    }

    // ---- option chains ---------------------------------------------------------------------------

    @FunctionalInterface
    private interface RefFactory {
        Expr.OptionRef make(List<Integer> path);
    }

    /**
     * {@code (.option[code])* . (hex|text|exists)} after the first element of a chain. Kea's grammar is
     * irregular about names: {@code option[a].option[b]} takes only a number for b, while
     * {@code relay4[a].option[b]}, {@code relay6[n].option[a].option[b]} and
     * {@code vendor[e].option[a].option[b]} accept an option name for b (looked up in the top-level space).
     */
    private Expr optionTail(List<Integer> path, boolean laterNamesAllowed, RefFactory factory)
            throws ExpressionException {
        while (true) {
            expect(Kind.DOT);
            Token t = expectOneOf("option, hex, text or exists", Kind.OPTION, Kind.HEX, Kind.TEXT, Kind.EXISTS);
            switch (t.kind()) {
                case OPTION -> path.add(optionCodeInBrackets(laterNamesAllowed));
                case HEX -> {
                    return new Expr.OptionValue(factory.make(path), Expr.Repr.HEX);
                }
                case TEXT -> {
                    return new Expr.OptionValue(factory.make(path), Expr.Repr.TEXT);
                }
                default -> {
                    return new Expr.OptionExists(factory.make(path));
                }
            }
        }
    }

    /** {@code [code]}; names allowed only where Kea's grammar uses option_code. */
    private int optionCodeInBrackets(boolean nameAllowed) throws ExpressionException {
        expect(Kind.LBRACKET);
        Token t = nameAllowed ? expectOneOf("integer or option name", Kind.INTEGER, Kind.OPTION_NAME)
                : expectOneOf("integer", Kind.INTEGER);
        expect(Kind.RBRACKET);
        if (t.kind() == Kind.OPTION_NAME) {
            OptionalInt code = universe.optionCodeByName(t.text());
            if (code.isEmpty()) {
                throw error(t, "option '" + t.text() + "' is not defined");
            }
            return code.getAsInt();
        }
        int max = universe.family() == Family.V4 ? 255 : 65535;
        long n;
        try {
            n = Long.parseLong(t.text());
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 0 || n > max) {
            throw error(t, "option code has invalid value in " + t.text() + ". Allowed range: 0.." + max);
        }
        return (int) n;
    }

    private Expr relay6(Token keyword) throws ExpressionException {
        expect(Kind.LBRACKET);
        Token levelTok = expect(Kind.INTEGER);
        expect(Kind.RBRACKET);
        long n = Long.parseLong(levelTok.text());
        if (n < -128 || n > 127) {
            throw error(levelTok, "invalid value in " + levelTok.text() + ". Allowed range: -128..127");
        }
        if (universe.family() != Family.V6) {
            throw error(levelTok, "nest level invalid for DHCPv4 packets");
        }
        if (n < -32 || n >= 32) {
            throw error(levelTok, "nest level has invalid value in " + levelTok.text() + ". Allowed range: -32..31");
        }
        int nest = (int) n;
        expect(Kind.DOT);
        Token t = expectOneOf("option, peeraddr or linkaddr", Kind.OPTION, Kind.PEERADDR, Kind.LINKADDR);
        if (t.kind() == Kind.PEERADDR) {
            return new Expr.Relay6Address(nest, Relay6Field.PEERADDR);
        }
        if (t.kind() == Kind.LINKADDR) {
            return new Expr.Relay6Address(nest, Relay6Field.LINKADDR);
        }
        List<Integer> path = new ArrayList<>();
        path.add(optionCodeInBrackets(false));
        return optionTail(path, true, p -> new Expr.Relay6(nest, p));
    }

    private Expr vendor() throws ExpressionException {
        if (accept(Kind.DOT)) {
            expect(Kind.ENTERPRISE);
            return new Expr.VendorEnterprise(Expr.VendorKind.VENDOR);
        }
        long enterprise = enterpriseInBrackets();
        expect(Kind.DOT);
        Token t = expectOneOf("exists or option", Kind.EXISTS, Kind.OPTION);
        if (t.kind() == Kind.EXISTS) {
            return new Expr.VendorExists(Expr.VendorKind.VENDOR, enterprise);
        }
        List<Integer> path = new ArrayList<>();
        path.add(optionCodeInBrackets(false));
        return optionTail(path, true, p -> new Expr.Vendor(enterprise, p));
    }

    private Expr vendorClass() throws ExpressionException {
        if (accept(Kind.DOT)) {
            expect(Kind.ENTERPRISE);
            return new Expr.VendorEnterprise(Expr.VendorKind.VENDOR_CLASS);
        }
        long enterprise = enterpriseInBrackets();
        expect(Kind.DOT);
        Token t = expectOneOf("exists or data", Kind.EXISTS, Kind.DATA);
        if (t.kind() == Kind.EXISTS) {
            return new Expr.VendorExists(Expr.VendorKind.VENDOR_CLASS, enterprise);
        }
        int idx = 0;
        if (accept(Kind.LBRACKET)) {
            Token i = expect(Kind.INTEGER);
            expect(Kind.RBRACKET);
            long v = Long.parseLong(i.text());
            if (v < 0 || v > 255) {
                throw error(i, "invalid value in " + i.text() + ". Allowed range: 0..255");
            }
            idx = (int) v;
        }
        return new Expr.VendorClassData(enterprise, idx);
    }

    /** {@code [integer]} or {@code [*]} (0, any enterprise). */
    private long enterpriseInBrackets() throws ExpressionException {
        expect(Kind.LBRACKET);
        Token t = expectOneOf("integer or *", Kind.INTEGER, Kind.ANY);
        expect(Kind.RBRACKET);
        return t.kind() == Kind.ANY ? 0 : uint32(t);
    }

    private static long uint32(Token t) throws ExpressionException {
        long n = Long.parseLong(t.text());
        if (n < 0 || n > 0xFFFF_FFFFL) {
            throw error(t, "invalid value in " + t.text() + ". Allowed range: 0..4294967295");
        }
        return n;
    }
}
