package dev.nestor.classify.expr;

import java.util.ArrayList;
import java.util.List;

/**
 * Tokenizer following Kea's lexer.ll: flex longest-match between the rules, ties going to the earlier
 * rule, so {@code pkt4} beats {@code pkt}, {@code 10.0.0.1} beats {@code 10}, and a word followed by
 * {@code ]} (e.g. {@code option[host-name]}) is an option name even when it is also a keyword.
 */
final class Lexer {

    enum Kind {
        STRING("constant string"),
        HEXSTRING("constant hexstring"),
        INTEGER("integer"),
        IP_ADDRESS("ip address"),
        OPTION_NAME("option name"),
        EQUAL("=="),
        OPTION("option"),
        RELAY4("relay4"),
        RELAY6("relay6"),
        PEERADDR("peeraddr"),
        LINKADDR("linkaddr"),
        TEXT("text"),
        HEX("hex"),
        EXISTS("exists"),
        PKT("pkt"),
        IFACE("iface"),
        SRC("src"),
        DST("dst"),
        LEN("len"),
        PKT4("pkt4"),
        CHADDR("mac"),
        HLEN("hlen"),
        HTYPE("htype"),
        CIADDR("ciaddr"),
        GIADDR("giaddr"),
        YIADDR("yiaddr"),
        SIADDR("siaddr"),
        PKT6("pkt6"),
        MSGTYPE("msgtype"),
        TRANSID("transid"),
        VENDOR("vendor"),
        VENDOR_CLASS("vendor-class"),
        DATA("data"),
        ENTERPRISE("enterprise"),
        SUBSTRING("substring"),
        LCASE("lcase"),
        UCASE("ucase"),
        SPLIT("split"),
        ALL("all"),
        CONCAT("concat"),
        IFELSE("ifelse"),
        SIFELSE("sifelse"),
        TOHEXSTRING("hexstring"),
        ADDRTOTEXT("addrtotext"),
        INT8TOTEXT("int8totext"),
        INT16TOTEXT("int16totext"),
        INT32TOTEXT("int32totext"),
        UINT8TOTEXT("uint8totext"),
        UINT16TOTEXT("uint16totext"),
        UINT32TOTEXT("uint32totext"),
        NOT("not"),
        AND("and"),
        SAND("sand"),
        OR("or"),
        SOR("sor"),
        MEMBER("member"),
        MATCH("match"),
        // Documented in the ARM as shorthands; Kea's lexer.ll does not have them (see report).
        KNOWN("known"),
        UNKNOWN("unknown"),
        DOT("."),
        LPAREN("("),
        RPAREN(")"),
        LBRACKET("["),
        RBRACKET("]"),
        COMA(","),
        ANY("*"),
        PLUS("+"),
        END("end of file");

        final String display;

        Kind(String display) {
            this.display = display;
        }

        /** Fixed-text tokens (keywords, operators, punctuation). */
        boolean isKeyword() {
            return switch (this) {
                case STRING, HEXSTRING, INTEGER, IP_ADDRESS, OPTION_NAME, END -> false;
                default -> true;
            };
        }
    }

    /** A token with its text (for literals and names) and 1-based start position. */
    record Token(Kind kind, String text, int line, int column) {
        String describe() {
            return switch (kind) {
                case STRING -> "constant string '" + text + "'";
                case HEXSTRING, INTEGER, IP_ADDRESS -> kind.display + " " + text;
                case OPTION_NAME -> "option name " + text;
                case END -> "end of file";
                default -> "'" + kind.display + "'";
            };
        }
    }

    private final String src;
    private int pos;
    private int line = 1;
    private int column = 1;

    private Lexer(String src) {
        this.src = src;
    }

    static List<Token> tokenize(String text) throws ExpressionException {
        return new Lexer(text).run();
    }

    private List<Token> run() throws ExpressionException {
        List<Token> out = new ArrayList<>();
        while (true) {
            skipBlanks();
            if (pos >= src.length()) {
                out.add(new Token(Kind.END, "", line, column));
                return out;
            }
            out.add(next());
        }
    }

    private void skipBlanks() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n') {
                advance(1);
            } else {
                return;
            }
        }
    }

    private void advance(int n) {
        for (int i = 0; i < n; i++) {
            if (src.charAt(pos) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
            pos++;
        }
    }

    private Token next() throws ExpressionException {
        int startLine = line;
        int startCol = column;
        char c = src.charAt(pos);
        if (c == '\'') {
            int close = pos + 1;
            while (close < src.length() && src.charAt(close) != '\'' && src.charAt(close) != '\n') {
                close++;
            }
            if (close < src.length() && src.charAt(close) == '\'') {
                String body = src.substring(pos + 1, close);
                advance(close + 1 - pos);
                return new Token(Kind.STRING, body, startLine, startCol);
            }
            throw invalid(c, startLine, startCol);
        }

        // Candidates in lexer.ll rule order; a later rule wins only with a strictly longer match.
        int best = 0;
        Kind kind = null;
        int consumed = 0; // differs from the match length only for option names (trailing context "]")
        int len = hexLength();
        if (len > best) {
            best = len;
            kind = Kind.HEXSTRING;
            consumed = len;
        }
        len = intLength();
        if (len > best) {
            best = len;
            kind = Kind.INTEGER;
            consumed = len;
        }
        int[] name = optionNameLength();
        if (name[0] > best) {
            best = name[0];
            kind = Kind.OPTION_NAME;
            consumed = name[1];
        }
        len = Math.max(addr4Length(), addr6Length());
        if (len > best) {
            best = len;
            kind = Kind.IP_ADDRESS;
            consumed = len;
        }
        for (Kind k : Kind.values()) {
            if (k.isKeyword() && src.startsWith(k.display, pos) && k.display.length() > best) {
                best = k.display.length();
                kind = k;
                consumed = best;
            }
        }
        if (kind == null) {
            throw invalid(c, startLine, startCol);
        }
        String text = src.substring(pos, pos + consumed);
        switch (kind) {
            case OPTION_NAME -> text = text.strip();
            case INTEGER -> {
                try {
                    Long.parseLong(text);
                } catch (NumberFormatException e) {
                    throw new ExpressionException(startLine, startCol, "failed to convert " + text + " to an integer");
                }
            }
            case IP_ADDRESS -> {
                if (IpText.parse(text) == null) {
                    throw new ExpressionException(startLine, startCol, "failed to convert " + text + " to an IP address");
                }
            }
            default -> {}
        }
        advance(consumed);
        return new Token(kind, text, startLine, startCol);
    }

    private static ExpressionException invalid(char c, int line, int col) {
        return new ExpressionException(line, col, "invalid character '" + c + "'");
    }

    private boolean at(int i, String chars) {
        return i < src.length() && chars.indexOf(src.charAt(i)) >= 0;
    }

    private static final String DIGITS = "0123456789";
    private static final String HEXDIGITS = "0123456789abcdefABCDEF";
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String NAME_CHARS = "-_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private int runOf(int i, String chars) {
        int j = i;
        while (at(j, chars)) {
            j++;
        }
        return j - i;
    }

    /** {@code 0[xX][0-9a-fA-F]+}. */
    private int hexLength() {
        if (at(pos, "0") && at(pos + 1, "xX")) {
            int digits = runOf(pos + 2, HEXDIGITS);
            return digits > 0 ? digits + 2 : 0;
        }
        return 0;
    }

    /** {@code -?[0-9]+}. */
    private int intLength() {
        int sign = at(pos, "-") ? 1 : 0;
        int digits = runOf(pos + sign, DIGITS);
        return digits > 0 ? sign + digits : 0;
    }

    /**
     * {@code [A-Za-z]([-_A-Za-z0-9]*[A-Za-z0-9])?({blank}|\n)*} with trailing context {@code ]}: returns
     * {match length including the bracket, characters consumed (name and blanks)}.
     */
    private int[] optionNameLength() {
        if (!at(pos, LETTERS)) {
            return new int[] {0, 0};
        }
        int end = pos + 1 + runOf(pos + 1, NAME_CHARS);
        char last = src.charAt(end - 1);
        if (last == '-' || last == '_') {
            return new int[] {0, 0};
        }
        int afterBlanks = end + runOf(end, " \t\n");
        if (!at(afterBlanks, "]")) {
            return new int[] {0, 0};
        }
        return new int[] {afterBlanks + 1 - pos, afterBlanks - pos};
    }

    /** {@code [0-9]+\.[0-9]+\.[0-9]+\.[0-9]+}. */
    private int addr4Length() {
        int i = pos;
        for (int part = 0; part < 4; part++) {
            int digits = runOf(i, DIGITS);
            if (digits == 0) {
                return 0;
            }
            i += digits;
            if (part < 3) {
                if (!at(i, ".")) {
                    return 0;
                }
                i++;
            }
        }
        return i - pos;
    }

    /** {@code [0-9a-fA-F]*\:[0-9a-fA-F]*\:[0-9a-fA-F:.]*}. */
    private int addr6Length() {
        int i = pos + runOf(pos, HEXDIGITS);
        if (!at(i, ":")) {
            return 0;
        }
        i++;
        i += runOf(i, HEXDIGITS);
        if (!at(i, ":")) {
            return 0;
        }
        i++;
        i += runOf(i, HEXDIGITS + ":.");
        return i - pos;
    }
}
