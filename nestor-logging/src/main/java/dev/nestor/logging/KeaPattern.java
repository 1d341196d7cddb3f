package dev.nestor.logging;

/**
 * Translates a Kea (log4cplus) layout pattern into a Logback one. Handles the conversions Kea documents for
 * {@code pattern} (%m %p %c %t %T %i %n %d{} %D{} %r %h %H %E{} %F %b %L %l %M %%) with their padding and
 * truncation modifiers; anything else makes {@link #translate} throw so the caller can fall back to the default
 * layout with a warning.
 *
 * <p>Approximations: %c prints our logger name ({@code dev.nestor.leases}, not {@code kea-dhcp4.leases}); %t
 * prints the thread name; %H prints the host name like %h; %Q (microseconds) prints six fraction digits.
 */
final class KeaPattern {
    private KeaPattern() {
    }

    static String translate(String kea, long pid) {
        StringBuilder out = new StringBuilder(kea.length() + 16);
        int i = 0;
        int n = kea.length();
        while (i < n) {
            char c = kea.charAt(i++);
            if (c != '%') {
                literal(c, out);
                continue;
            }
            if (i >= n) throw new IllegalArgumentException("pattern ends with a lone %");
            if (kea.charAt(i) == '%') {
                out.append("\\%");
                i++;
                continue;
            }
            int modStart = i;
            while (i < n && (kea.charAt(i) == '-' || kea.charAt(i) == '.' || Character.isDigit(kea.charAt(i)))) i++;
            String mod = kea.substring(modStart, i);
            if (i >= n) throw new IllegalArgumentException("pattern ends inside a conversion");
            char conv = kea.charAt(i++);
            String option = null;
            if (i < n && kea.charAt(i) == '{') {
                int close = kea.indexOf('}', i);
                if (close < 0) throw new IllegalArgumentException("unterminated {} after %" + conv);
                option = kea.substring(i + 1, close);
                i = close + 1;
            }
            switch (conv) {
                case 'm' -> out.append('%').append(mod).append("msg");
                case 'p' -> out.append('%').append(mod).append("level");
                case 'c' -> out.append('%').append(mod).append("logger");
                case 't', 'T' -> out.append('%').append(mod).append("thread");
                case 'i' -> literalText(pad(Long.toString(pid), mod), out);
                case 'n' -> out.append("%n");
                case 'r' -> out.append('%').append(mod).append("relative");
                case 'h', 'H' -> out.append('%').append(mod).append("property{HOSTNAME}");
                case 'F', 'b' -> out.append('%').append(mod).append("file");
                case 'L' -> out.append('%').append(mod).append("line");
                case 'l' -> out.append("%file:%line");
                case 'M' -> out.append('%').append(mod).append("method");
                case 'E' -> {
                    String v = option == null ? null : System.getenv(option);
                    literalText(pad(v == null ? "" : v, mod), out);
                }
                case 'd', 'D' -> {
                    String fmt = dateFormat(option == null || option.isEmpty() ? "%Y-%m-%d %H:%M:%S" : option);
                    if (fmt.indexOf(',') >= 0) fmt = '"' + fmt + '"';
                    out.append('%').append(mod).append("d{").append(fmt);
                    if (conv == 'd') out.append(", UTC"); // log4cplus %d is UTC, %D local time
                    out.append('}');
                }
                default -> throw new IllegalArgumentException("unsupported conversion %" + conv);
            }
        }
        return out.toString();
    }

    /** strftime as log4cplus extends it (%q milliseconds) → java.time pattern letters. */
    static String dateFormat(String strftime) {
        StringBuilder out = new StringBuilder();
        StringBuilder quoted = new StringBuilder();
        int n = strftime.length();
        for (int i = 0; i < n; i++) {
            char c = strftime.charAt(i);
            if (c != '%' || i + 1 >= n) {
                quoted.append(c);
                continue;
            }
            char f = strftime.charAt(++i);
            String java = switch (f) {
                case 'Y' -> "yyyy";
                case 'y' -> "yy";
                case 'm' -> "MM";
                case 'd' -> "dd";
                case 'H' -> "HH";
                case 'I' -> "hh";
                case 'M' -> "mm";
                case 'S' -> "ss";
                case 'q' -> "SSS";
                case 'Q' -> "SSSSSS";
                case 'j' -> "DDD";
                case 'a' -> "EEE";
                case 'A' -> "EEEE";
                case 'b' -> "MMM";
                case 'B' -> "MMMM";
                case 'p' -> "a";
                case 'Z' -> "z";
                case '%' -> null;
                default -> throw new IllegalArgumentException("unsupported date component %" + f);
            };
            if (java == null) {
                quoted.append('%');
                continue;
            }
            flushQuoted(quoted, out);
            out.append(java);
        }
        flushQuoted(quoted, out);
        return out.toString();
    }

    private static void flushQuoted(StringBuilder quoted, StringBuilder out) {
        if (quoted.isEmpty()) return;
        boolean needsQuotes = false;
        for (int k = 0; k < quoted.length(); k++) {
            char ch = quoted.charAt(k);
            if (Character.isLetter(ch) || ch == '\'' || ch == '[' || ch == ']' || ch == '#' || ch == '{' || ch == '}') {
                needsQuotes = true;
                break;
            }
        }
        String text = quoted.toString().replace("'", "''");
        out.append(needsQuotes ? "'" + text + "'" : text);
        quoted.setLength(0);
    }

    private static void literal(char c, StringBuilder out) {
        switch (c) {
            case '\n' -> out.append("%n");
            case '\r' -> { /* %n already ends the line */ }
            case '(', ')', '\\', '%' -> out.append('\\').append(c);
            default -> out.append(c);
        }
    }

    private static void literalText(String s, StringBuilder out) {
        for (int k = 0; k < s.length(); k++) literal(s.charAt(k), out);
    }

    /** Applies a format modifier ({@code -10}, {@code 10}, {@code .5}, {@code -10.20}) to fixed text. */
    static String pad(String s, String mod) {
        if (mod.isEmpty()) return s;
        boolean left = mod.startsWith("-");
        String m = left ? mod.substring(1) : mod;
        int dot = m.indexOf('.');
        String min = dot < 0 ? m : m.substring(0, dot);
        String max = dot < 0 ? "" : m.substring(dot + 1);
        if (!max.isEmpty()) {
            int mx = Integer.parseInt(max);
            if (s.length() > mx) s = s.substring(s.length() - mx); // log4cplus truncates from the beginning
        }
        if (!min.isEmpty()) {
            int mn = Integer.parseInt(min);
            StringBuilder sb = new StringBuilder(s);
            while (sb.length() < mn) {
                if (left) sb.append(' ');
                else sb.insert(0, ' ');
            }
            s = sb.toString();
        }
        return s;
    }
}
