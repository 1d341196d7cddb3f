package dev.nestor.hooks.bundled.flexoption;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nestor.classify.expr.Expr;
import dev.nestor.codec.option.OptionDefinition;
import dev.nestor.codec.option.OptionDefinitions;
import dev.nestor.codec.option.OptionValueCodec;
import dev.nestor.codec.option.OptionValueException;
import dev.nestor.hooks.bundled.Expressions;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One entry of flex_option's {@code options} list: the option (by {@code code} or {@code name}, in {@code space}),
 * either one action with its expression, {@code csv-format} and {@code client-class} guard, or a list of
 * {@code sub-options} entries (then the option is their container). {@code source} ("query" or "response": which
 * packet the expressions read) and {@code destination} ("response" or "query": which packet is changed) are Kea
 * 3.3's extensions; sub-options inherit them.
 *
 * @param kind       the action; {@link Kind#SUB_OPTIONS} for a container entry (no expression of its own)
 * @param definition the option's definition when {@code csv-format} (or sub-options) needs it, else null
 */
record OptionAction(int code, OptionDefinition definition, Kind kind, Expr expression, boolean csvFormat, String clientClass,
                    boolean fromResponse, boolean toQuery, List<SubOptionAction> subOptions) {
    enum Kind { ADD, SUPERSEDE, REMOVE, SUB_OPTIONS }

    OptionAction {
        subOptions = List.copyOf(subOptions);
    }

    // Kea's OPTION_PARAMETERS / SUB_OPTION_PARAMETERS: the keyword and its JSON type
    private static final Map<String, String> OPTION_KEYWORDS = Map.ofEntries(Map.entry("code", "integer"),
            Map.entry("name", "string"), Map.entry("space", "string"), Map.entry("csv-format", "boolean"),
            Map.entry("add", "string"), Map.entry("supersede", "string"), Map.entry("remove", "string"),
            Map.entry("sub-options", "list"), Map.entry("client-class", "string"), Map.entry("source", "string"),
            Map.entry("destination", "string"), Map.entry("comment", "string"));
    static final Map<String, String> SUB_OPTION_KEYWORDS = Map.ofEntries(Map.entry("code", "integer"),
            Map.entry("name", "string"), Map.entry("space", "string"), Map.entry("csv-format", "boolean"),
            Map.entry("add", "string"), Map.entry("supersede", "string"), Map.entry("remove", "string"),
            Map.entry("container-add", "boolean"), Map.entry("container-remove", "boolean"),
            Map.entry("client-class", "string"), Map.entry("comment", "string"));

    /** @throws IllegalArgumentException with Kea-like text for a malformed entry */
    static OptionAction parse(JsonNode entry, int index, OptionDefinitions defs, String space, Expressions exprs, boolean v6) {
        String where = "option entry " + index;
        if (!entry.isObject()) throw new IllegalArgumentException(where + ": option element is not a map");
        checkKeywords(where, entry, OPTION_KEYWORDS);
        if (!entry.has("code") && !entry.has("name")) throw new IllegalArgumentException(where + ": 'code' or 'name' must be specified");
        String optSpace = entry.path("space").asText(space);
        if (!OptionDefinition.validName(optSpace)) throw new IllegalArgumentException(where + ": '" + optSpace + "' is not a valid space name");
        int code = -1;
        if (entry.has("code")) {
            long value = entry.get("code").asLong();
            int max = v6 ? 0xFFFF : 255;
            if (value < 0 || value > max) throw new IllegalArgumentException(where + ": invalid 'code' value " + value + " not in [0.." + max + "]");
            if (optSpace.equals("dhcp4") && (value == 0 || value == 255)) {
                throw new IllegalArgumentException(where + ": invalid 'code' value " + value + ": reserved for " + (value == 0 ? "PAD" : "END"));
            }
            if (optSpace.equals("dhcp6") && value == 0) throw new IllegalArgumentException(where + ": invalid 'code' value 0: reserved");
            code = (int) value;
        }
        OptionDefinition def = null;
        if (entry.has("name")) {
            String name = entry.get("name").asText();
            if (name.isEmpty()) throw new IllegalArgumentException(where + ": 'name' must not be empty");
            def = defs.byName(optSpace, name).orElseThrow(() -> new IllegalArgumentException(
                    where + ": no known '" + name + "' option in '" + optSpace + "' space"));
            if (code >= 0 && def.code() != code) {
                throw new IllegalArgumentException(where + ": option '" + name + "' is defined as code: " + def.code()
                        + ", not the specified code: " + code);
            }
            code = def.code();
        }
        boolean csv = entry.path("csv-format").asBoolean(false);
        boolean container = entry.has("sub-options");
        if (!csv && !container) {
            def = null; // raw value: no definition needed
        } else if (def == null) {
            def = defs.byCode(optSpace, code).orElse(null);
            if (def == null && csv) throw new IllegalArgumentException(where + ": no known option with code '" + code + "' in '" + optSpace + "' space");
        }
        String guard = entry.hasNonNull("client-class") ? entry.get("client-class").asText() : null;
        if (guard != null && guard.isEmpty()) guard = null;
        boolean fromResponse = direction(where, entry, "source", "query", "response");
        boolean toQuery = direction(where, entry, "destination", "response", "query");
        if (toQuery && fromResponse) throw new IllegalArgumentException(where + ": destination 'query' requires source 'query'");

        if (container) {
            for (Kind k : List.of(Kind.ADD, Kind.SUPERSEDE, Kind.REMOVE)) {
                if (entry.has(key(k))) {
                    throw new IllegalArgumentException(where + ": 'sub-options' and '" + key(k) + "' are incompatible in the same entry");
                }
            }
            List<SubOptionAction> subs = new ArrayList<>();
            int i = 0;
            for (JsonNode sub : entry.get("sub-options")) {
                subs.add(SubOptionAction.parse(sub, where + " sub-option " + i++, code, def, guard, fromResponse, toQuery, defs, exprs, v6));
            }
            return new OptionAction(code, def, Kind.SUB_OPTIONS, null, false, guard, fromResponse, toQuery, subs);
        }
        Kind kind = null;
        Expr e = null;
        for (Kind k : List.of(Kind.ADD, Kind.SUPERSEDE, Kind.REMOVE)) {
            if (!entry.has(key(k))) continue;
            if (kind != null) throw new IllegalArgumentException(where + ": multiple actions: " + entry);
            e = expression(where, entry, k, exprs);
            kind = k;
        }
        if (kind == null) throw new IllegalArgumentException(where + ": no action: " + entry);
        return new OptionAction(code, def, kind, e, csv, guard, fromResponse, toQuery, List.of());
    }

    static String key(Kind k) { return k.name().toLowerCase(); }

    /** The action's expression: a string one for add/supersede, a boolean one for remove. */
    static Expr expression(String where, JsonNode entry, Kind k, Expressions exprs) {
        String text = entry.get(key(k)).asText();
        if (text.isEmpty()) throw new IllegalArgumentException(where + ": '" + key(k) + "' must not be empty");
        String what = "'" + key(k) + "' of " + where;
        return k == Kind.REMOVE ? exprs.parseBoolean(what, text) : exprs.parseString(what, text);
    }

    /** SimpleParser::checkKeywords: unknown keywords and wrong JSON types are refused. */
    static void checkKeywords(String where, JsonNode entry, Map<String, String> keywords) {
        for (var it = entry.fields(); it.hasNext(); ) {
            var f = it.next();
            String type = keywords.get(f.getKey());
            if (type == null) throw new IllegalArgumentException(where + ": unknown parameter '" + f.getKey() + "'");
            JsonNode v = f.getValue();
            boolean ok = switch (type) {
                case "integer" -> v.isIntegralNumber();
                case "string" -> v.isTextual();
                case "boolean" -> v.isBoolean();
                default -> v.isArray();
            };
            if (!ok) throw new IllegalArgumentException(where + ": '" + f.getKey() + "' must be " + (type.equals("integer") ? "an " : "a ") + type + ": " + v);
        }
    }

    /** {@return true for the non-default value of a source/destination keyword} */
    private static boolean direction(String where, JsonNode entry, String key, String dflt, String other) {
        if (!entry.has(key)) return false;
        String v = entry.get(key).asText();
        if (v.equals(dflt)) return false;
        if (v.equals(other)) return true;
        throw new IllegalArgumentException(where + ": unknown " + key + " '" + v + "', valid values are '" + dflt + "' and '" + other + "'");
    }

    /** {@return the option payload for an add or supersede value, or empty when the value cannot be encoded} */
    Optional<byte[]> payload(byte[] value, boolean v6) {
        return encode(definition, csvFormat, value, v6);
    }

    /** csv-format: the value is Kea's comma-separated text for the definition; else the raw bytes. */
    static Optional<byte[]> encode(OptionDefinition def, boolean csv, byte[] value, boolean v6) {
        if (!csv) return Optional.of(value);
        String text = new String(value, StandardCharsets.UTF_8);
        try {
            return Optional.of(v6 ? OptionValueCodec.fromCsv6(def, text) : OptionValueCodec.fromCsv(def, text));
        } catch (OptionValueException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
