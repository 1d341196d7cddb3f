package dev.nestor.hooks.bundled.flexoption;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nestor.classify.expr.Expr;
import dev.nestor.codec.option.OptionDefinition;
import dev.nestor.codec.option.OptionDefinitions;
import dev.nestor.codec.v4.OptionCodes4;
import dev.nestor.codec.v6.OptionCodes6;
import dev.nestor.hooks.bundled.Expressions;
import dev.nestor.hooks.bundled.flexoption.OptionAction.Kind;

import java.util.List;
import java.util.Optional;

/**
 * One entry of a container's {@code sub-options} list: the sub-option (by {@code code} or {@code name}, in
 * {@code space} or the container's encapsulated space), one action, {@code csv-format}, {@code client-class}, and
 * what happens to the container: {@code container-add} (create it for add/supersede, default true) and
 * {@code container-remove} (delete it once its last sub-option is removed, default true).
 *
 * @param vendorId       the enterprise number when the container is vivso-suboptions (125) or vendor-opts (17) and
 *                       the space is {@code vendor-<enterprise>}; 0 otherwise
 * @param containerClass the container entry's {@code client-class}, which guards all its sub-options
 * @param containerAdd   add/supersede may create a missing container
 * @param containerRemove remove deletes a container left empty
 */
record SubOptionAction(int code, int containerCode, long vendorId, OptionDefinition definition, Kind kind, Expr expression,
                       boolean csvFormat, String clientClass, String containerClass, boolean containerAdd,
                       boolean containerRemove, boolean fromResponse, boolean toQuery) {

    /** @throws IllegalArgumentException with Kea-like text for a malformed entry */
    static SubOptionAction parse(JsonNode sub, String where, int containerCode, OptionDefinition containerDef, String containerClass,
                                 boolean fromResponse, boolean toQuery, OptionDefinitions defs, Expressions exprs, boolean v6) {
        if (!sub.isObject()) throw new IllegalArgumentException(where + ": sub-option element is not a map");
        OptionAction.checkKeywords(where, sub, OptionAction.SUB_OPTION_KEYWORDS);
        if (!sub.has("code") && !sub.has("name")) throw new IllegalArgumentException(where + ": 'code' or 'name' must be specified");
        String space;
        if (sub.has("space")) {
            space = sub.get("space").asText();
            if (!OptionDefinition.validName(space)) throw new IllegalArgumentException(where + ": '" + space + "' is not a valid space name");
        } else {
            if (containerDef == null) throw new IllegalArgumentException(where + ": container is not defined: can't get space");
            space = containerDef.encapsulate();
            if (space.isEmpty()) throw new IllegalArgumentException(where + ": container does not encapsulate a space");
        }
        long vendor = vendorIdOf(space);
        int code = -1;
        if (sub.has("code")) {
            long value = sub.get("code").asLong();
            int max = v6 ? 0xFFFF : 255;
            if (value < 0 || value > max) throw new IllegalArgumentException(where + ": invalid 'code' value " + value + " not in [0.." + max + "]");
            code = (int) value;
        }
        OptionDefinition def = null;
        if (sub.has("name")) {
            String name = sub.get("name").asText();
            if (name.isEmpty()) throw new IllegalArgumentException(where + ": 'name' must not be empty");
            def = defs.byName(space, name).orElseThrow(() -> new IllegalArgumentException(
                    where + ": no known '" + name + "' sub-option in '" + space + "' space"));
            if (code >= 0 && def.code() != code) {
                throw new IllegalArgumentException(where + ": sub-option '" + name + "' is defined as code: " + def.code()
                        + ", not the specified code: " + code);
            }
            code = def.code();
        }
        boolean csv = sub.path("csv-format").asBoolean(false);
        if (!csv) {
            def = null;
        } else if (def == null) {
            def = defs.byCode(space, code).orElseThrow(() -> new IllegalArgumentException(
                    where + ": no known sub-option with code '" + sub.get("code") + "' in '" + space + "' space"));
        }
        boolean vendorContainer = v6 ? containerCode == OptionCodes6.VENDOR_OPTS : containerCode == OptionCodes4.VIVSO;
        long vendorId = vendorContainer ? vendor : 0;
        if (vendorContainer && vendor == 0) {
            throw new IllegalArgumentException(where + ": sub-options of option " + containerCode + " need a 'vendor-<enterprise>' space");
        }
        Kind kind = null;
        Expr e = null;
        for (Kind k : List.of(Kind.ADD, Kind.SUPERSEDE, Kind.REMOVE)) {
            if (!sub.has(OptionAction.key(k))) continue;
            if (kind != null) throw new IllegalArgumentException(where + ": multiple actions: " + sub);
            e = OptionAction.expression(where, sub, k, exprs);
            kind = k;
        }
        if (kind == null) throw new IllegalArgumentException(where + ": no action: " + sub);
        String guard = sub.hasNonNull("client-class") ? sub.get("client-class").asText() : null;
        if (guard != null && guard.isEmpty()) guard = null;
        return new SubOptionAction(code, containerCode, vendorId, def, kind, e, csv, guard, containerClass,
                sub.path("container-add").asBoolean(true), sub.path("container-remove").asBoolean(true), fromResponse, toQuery);
    }

    /** {@return the enterprise number of a {@code vendor-<n>} space, 0 for any other space} */
    static long vendorIdOf(String space) {
        if (!space.startsWith("vendor-")) return 0;
        try {
            long n = Long.parseLong(space.substring("vendor-".length()));
            return n > 0 && n <= 0xFFFFFFFFL ? n : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    Optional<byte[]> payload(byte[] value, boolean v6) {
        return OptionAction.encode(definition, csvFormat, value, v6);
    }
}
