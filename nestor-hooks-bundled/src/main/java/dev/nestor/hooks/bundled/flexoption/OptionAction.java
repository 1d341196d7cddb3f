package dev.nestor.hooks.bundled.flexoption;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nestor.classify.expr.Expr;
import dev.nestor.codec.option.OptionDefinition;
import dev.nestor.codec.option.OptionDefinitions;
import dev.nestor.codec.option.OptionValueCodec;
import dev.nestor.codec.option.OptionValueException;
import dev.nestor.hooks.bundled.Expressions;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * One entry of flex_option's {@code options} list: the option (by {@code code} or {@code name}), one action with
 * its expression, {@code csv-format}, and the {@code client-class} guard.
 */
record OptionAction(int code, OptionDefinition definition, Kind kind, Expr expression, boolean csvFormat, String clientClass) {
    enum Kind { ADD, SUPERSEDE, REMOVE }

    /** @throws IllegalArgumentException with Kea-like text for a malformed entry */
    static OptionAction parse(JsonNode entry, int index, OptionDefinitions defs, String space, Expressions exprs, boolean v6) {
        String where = "option entry " + index;
        if (!entry.isObject()) throw new IllegalArgumentException(where + " is not a map");
        for (String unsupported : new String[] {"sub-options"}) {
            if (entry.has(unsupported)) throw new IllegalArgumentException(where + ": '" + unsupported + "' is not supported yet");
        }
        if (entry.has("source") && !entry.get("source").asText().equals("query")) {
            throw new IllegalArgumentException(where + ": only \"source\": \"query\" is supported yet");
        }
        if (entry.has("destination") && !entry.get("destination").asText().equals("response")) {
            throw new IllegalArgumentException(where + ": only \"destination\": \"response\" is supported yet");
        }
        String optSpace = entry.path("space").asText(space);
        OptionDefinition def = null;
        int code;
        if (entry.has("code")) {
            code = entry.get("code").asInt(-1);
            int max = v6 ? 0xFFFF : 254;
            if (code < 1 || code > max) throw new IllegalArgumentException(where + ": invalid 'code' " + entry.get("code"));
            def = defs.byCode(optSpace, code).orElse(null);
            if (entry.has("name") && (def == null || !def.name().equals(entry.get("name").asText()))) {
                throw new IllegalArgumentException(where + ": option '" + entry.get("name").asText() + "' does not have code " + code);
            }
        } else if (entry.has("name")) {
            String name = entry.get("name").asText();
            Optional<OptionDefinition> d = defs.byName(optSpace, name);
            if (d.isEmpty()) throw new IllegalArgumentException(where + ": no known '" + name + "' option in '" + optSpace + "' space");
            def = d.get();
            code = def.code();
        } else {
            throw new IllegalArgumentException(where + ": 'code' or 'name' must be specified");
        }
        Kind kind = null;
        String text = null;
        for (Kind k : Kind.values()) {
            String key = k.name().toLowerCase();
            if (!entry.has(key)) continue;
            if (kind != null) throw new IllegalArgumentException(where + ": only one action per entry");
            if (!entry.get(key).isTextual() || entry.get(key).asText().isEmpty()) {
                throw new IllegalArgumentException(where + ": '" + key + "' must be a non-empty string");
            }
            kind = k;
            text = entry.get(key).asText();
        }
        if (kind == null) throw new IllegalArgumentException(where + ": no action ('add', 'supersede' or 'remove')");
        Expr e = kind == Kind.REMOVE ? exprs.parseBoolean("'remove' of " + where, text) : exprs.parseString("'" + kind.name().toLowerCase() + "' of " + where, text);
        boolean csv = entry.path("csv-format").asBoolean(false);
        if (csv && def == null) throw new IllegalArgumentException(where + ": csv-format needs an option definition for code " + code);
        String guard = entry.hasNonNull("client-class") ? entry.get("client-class").asText() : null;
        return new OptionAction(code, def, kind, e, csv, guard);
    }

    /** {@return the option payload for an add or supersede value, or empty when the value cannot be encoded} */
    Optional<byte[]> payload(byte[] value, boolean v6) {
        if (!csvFormat) return Optional.of(value);
        String text = new String(value, StandardCharsets.UTF_8);
        try {
            return Optional.of(v6 ? OptionValueCodec.fromCsv6(definition, text) : OptionValueCodec.fromCsv(definition, text));
        } catch (OptionValueException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
