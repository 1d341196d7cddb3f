package dev.nestor.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * JSON text exactly as Kea's {@code Element::str()} writes it, so clients that compare answers byte for byte (or
 * scrape them with regular expressions) see what Kea would send: map keys sorted, {@code "{ "k": v, ... }"} and
 * {@code "[ a, b ]"} spacing, doubles as C++ streams print them ({@code 0.5}, {@code 1.0}, {@code 1e+06}).
 *
 * <p>One deliberate difference: Kea escapes every non-ASCII byte as a backslash-u escape of the byte, which mangles UTF-8; we write
 * non-ASCII characters as they are.
 */
public final class KeaJson {
    /** The mapper used for control-channel parsing; configured once, thread-safe. */
    static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private KeaJson() {
    }

    /** {@return the shared control-channel mapper (plain JSON, thread-safe); do not reconfigure it} */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** {@return {@code node} in Kea's text form; null is written as {@code null}} */
    public static String write(JsonNode node) {
        StringBuilder sb = new StringBuilder(64);
        write(node, sb);
        return sb.toString();
    }

    /** Parses one JSON document (a thin wrapper so callers need not hold their own mapper). */
    public static JsonNode parse(String json) throws JsonProcessingException {
        return MAPPER.readTree(json);
    }

    /** {@return an empty object node to build arguments with} */
    public static com.fasterxml.jackson.databind.node.ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** {@return an empty array node to build arguments with} */
    public static com.fasterxml.jackson.databind.node.ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    private static void write(JsonNode node, StringBuilder sb) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            sb.append("null");
        } else if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(node.properties());
            fields.sort(Map.Entry.comparingByKey());
            sb.append("{ ");
            boolean first = true;
            for (Map.Entry<String, JsonNode> e : fields) {
                if (!first) sb.append(", ");
                first = false;
                string(e.getKey(), sb);
                sb.append(": ");
                write(e.getValue(), sb);
            }
            sb.append(" }");
        } else if (node.isArray()) {
            sb.append("[ ");
            boolean first = true;
            for (JsonNode e : node) {
                if (!first) sb.append(", ");
                first = false;
                write(e, sb);
            }
            sb.append(" ]");
        } else if (node.isTextual()) {
            string(node.textValue(), sb);
        } else if (node.isIntegralNumber()) {
            sb.append(node.bigIntegerValue());
        } else if (node.isNumber()) {
            sb.append(cppDouble(node.doubleValue()));
        } else if (node.isBoolean()) {
            sb.append(node.booleanValue());
        } else {
            string(node.asText(), sb);
        }
    }

    private static void string(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        sb.append('"');
    }

    /**
     * A double the way {@code std::ostream << double} prints it (6 significant digits, %g rules, trailing zeros
     * dropped), plus Kea's ".0" when the result would otherwise read back as an integer.
     */
    static String cppDouble(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) return "null"; // Kea would print nan/inf, which is not JSON
        String s;
        if (d == 0) {
            s = (1 / d < 0) ? "-0" : "0";
        } else {
            BigDecimal bd = new BigDecimal(d).round(new MathContext(6, RoundingMode.HALF_EVEN));
            int exp = bd.precision() - bd.scale() - 1;
            if (exp < -4 || exp >= 6) {
                BigDecimal mant = bd.movePointLeft(exp).stripTrailingZeros();
                String m = mant.scale() <= 0 ? mant.toBigInteger().toString() : mant.toPlainString();
                s = m + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
            } else {
                s = bd.stripTrailingZeros().toPlainString();
            }
        }
        if (s.indexOf('.') < 0 && s.indexOf('e') < 0 && s.indexOf('E') < 0) s += ".0";
        return s;
    }
}
