package dev.nestor.hooks.bundled.legallog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Kea's {@code Element::str()} text of a JSON value, as its forensic entries print contexts: maps with keys in
 * order and spaces inside the braces ({@code { "a": 1, "b": "x" }}), lists alike ({@code [ 1, 2 ]}).
 */
final class KeaJson {
    private KeaJson() {}

    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@return Kea's text of a JSON document (a lease's user context); the text itself when it does not parse} */
    static String str(String json) {
        try {
            return str(JSON.readTree(json));
        } catch (JsonProcessingException | RuntimeException e) {
            return json;
        }
    }

    static String str(JsonNode v) {
        StringBuilder b = new StringBuilder();
        write(v, b);
        return b.toString();
    }

    private static void write(JsonNode v, StringBuilder b) {
        if (v.isObject()) {
            List<String> keys = new ArrayList<>();
            for (Iterator<String> it = v.fieldNames(); it.hasNext(); ) keys.add(it.next());
            keys.sort(null); // Kea keeps map elements in a std::map
            b.append("{ ");
            for (int i = 0; i < keys.size(); i++) {
                if (i > 0) b.append(", ");
                b.append(TextNode.valueOf(keys.get(i))).append(": ");
                write(v.get(keys.get(i)), b);
            }
            b.append(" }");
        } else if (v.isArray()) {
            b.append("[ ");
            for (int i = 0; i < v.size(); i++) {
                if (i > 0) b.append(", ");
                write(v.get(i), b);
            }
            b.append(" ]");
        } else {
            b.append(v); // strings quoted and escaped, numbers, booleans, null
        }
    }
}
