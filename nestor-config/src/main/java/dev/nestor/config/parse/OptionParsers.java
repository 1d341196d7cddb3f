package dev.nestor.config.parse;

import dev.nestor.codec.option.OptionDataType;
import dev.nestor.codec.option.OptionDefinition;
import dev.nestor.codec.option.OptionDefinitions;
import dev.nestor.codec.option.OptionValueCodec;
import dev.nestor.codec.option.OptionValueException;
import dev.nestor.common.Bytes;
import dev.nestor.config.model.OptionData;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** {@code option-def} and {@code option-data} entries, as Kea's OptionDefParser and OptionDataParser. */
final class OptionParsers {
    private static final Pattern SPACE_NAME = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern OPTION_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");

    private OptionParsers() {}

    /**
     * Definitions visible in one scope: scope-local ones (a class's option-def, or global definitions that
     * override a built-in vendor/last-resort definition as Kea allows) are searched before the registry.
     */
    record Defs(OptionDefinitions registry, List<OptionDefinition> local, Dialect dialect, Set<String> unsupported) {
        Defs {
            local = List.copyOf(local);
            unsupported = Set.copyOf(unsupported);
        }

        Defs with(List<OptionDefinition> more) {
            List<OptionDefinition> l = new ArrayList<>(more);
            l.addAll(local);
            return new Defs(registry, l, dialect, unsupported);
        }

        /** True when option-def defined this option in a way Nestor refused as not supported yet. */
        boolean refused(String space, Long code, String name) {
            return unsupported.contains(space + "#" + code) || unsupported.contains(space + "." + name);
        }

        Optional<OptionDefinition> byCode(String space, int code) {
            for (OptionDefinition d : local) if (d.space().equals(space) && d.code() == code) return Optional.of(d);
            return registry.byCode(space, code).or(() -> registry.byCode(alias(space), code));
        }

        Optional<OptionDefinition> byName(String space, String name) {
            for (OptionDefinition d : local) if (d.space().equals(space) && d.name().equals(name)) return Optional.of(d);
            return registry.byName(space, name).or(() -> registry.byName(alias(space), name));
        }

        /** Kea also knows the DOCSIS 3 sub-option definitions under the space name "docsis3-v4"/"docsis3-v6". */
        private String alias(String space) {
            return dialect.spaceAliases().getOrDefault(space, space);
        }
    }

    /** Parses one option-def entry; null (after reporting) when invalid. */
    static OptionDefinition parseDef(Obj o, Dialect dialect) { return parseDef(o, dialect, new HashSet<>()); }

    /**
     * Parses one option-def entry; null (after reporting) when invalid. Definitions refused as "not supported
     * yet" are added to {@code unsupported} (as "space#code" and "space.name") so that option-data using them is
     * refused for the same reason, not as an unknown option.
     */
    static OptionDefinition parseDef(Obj o, Dialect dialect, Set<String> unsupported) {
        o.check(Keywords.OPTION_DEF);
        int before = o.problems.errorCount();
        String name = o.string("name");
        Long code = o.integer("code");
        String type = o.string("type");
        String space = o.string("space", dialect.optionSpace());
        String recordTypes = o.string("record-types", "");
        String encapsulate = o.string("encapsulate", "");
        boolean array = o.bool("array", false);
        if (name == null && !o.has("name")) o.error(null, "missing parameter 'name'");
        if (code == null && !o.has("code")) o.error(null, "missing parameter 'code'");
        if (type == null && !o.has("type")) o.error(null, "missing parameter 'type'");
        if (o.problems.errorCount() > before || name == null || code == null || type == null) return null;
        if (!OPTION_NAME.matcher(name).matches()) {
            o.error("name", "invalid option name '" + name + "'");
            return null;
        }
        if (!SPACE_NAME.matcher(space).matches()) {
            o.error("space", "invalid option space name '" + space + "'");
            return null;
        }
        if (reservedSpace(o, space, dialect) || badCode(o, code, dialect)) return null;
        if (space.equals(OptionDefinition.DHCP4) && (code == 0 || code == 255)) {
            o.error("code", "invalid option code '" + code + "': reserved for " + (code == 0 ? "PAD" : "END"));
            return null;
        }
        if (space.equals(OptionDefinition.DHCP6) && code == 0) {
            o.error("code", "invalid option code '0': reserved value");
            return null;
        }
        OptionDataType t;
        List<OptionDataType> fields = new ArrayList<>();
        try {
            t = OptionDataType.fromKeaName(type);
            for (String f : recordTypes.split(",")) if (!f.isBlank()) fields.add(OptionDataType.fromKeaName(f));
        } catch (IllegalArgumentException e) {
            o.error(recordTypes.isBlank() ? "type" : "record-types", e.getMessage());
            return null;
        }
        if (!encapsulate.isEmpty() && encapsulate.equals(space)) {
            o.error("encapsulate", "option must not encapsulate an option space it belongs to: '" + space + "."
                    + name + "' is set to encapsulate '" + space + "'");
            return null;
        }
        if (!encapsulate.isEmpty() && array) {
            o.error(null, "option '" + space + "." + name + "', comprising an array of data fields may not"
                    + " encapsulate any option space");
            return null;
        }
        try {
            return new OptionDefinition(name, code.intValue(), space, t, array, fields, encapsulate);
        } catch (IllegalArgumentException e) {
            o.error(null, e.getMessage());
            return null;
        }
    }

    /** Parses one option-data entry against the definitions visible in its scope; null when invalid. */
    static OptionData parseData(Obj o, Defs defs) {
        o.check(Keywords.OPTION_DATA);
        Dialect dialect = defs.dialect();
        int before = o.problems.errorCount();
        Long code = o.integer("code");
        String name = o.string("name");
        String space = o.string("space", dialect.optionSpace());
        Boolean csv = o.bool("csv-format");
        boolean alwaysSend = o.bool("always-send", false);
        boolean neverSend = o.bool("never-send", false);
        String data = o.string("data");
        List<String> classes = o.strings("client-classes");
        if (o.problems.errorCount() > before) return null;
        if (code == null && name == null) {
            o.error(null, "option data configuration requires one of 'code' or 'name' parameters to be specified");
            return null;
        }
        if (code != null && badCode(o, code, dialect)) return null;
        if (name != null && name.contains(" ")) {
            o.error("name", "invalid option name '" + name + "', space character is not allowed");
            return null;
        }
        if (!SPACE_NAME.matcher(space).matches()) {
            o.error("space", "invalid option space name '" + space + "'");
            return null;
        }
        if (reservedSpace(o, space, dialect)) return null;
        if (classes != null && classes.stream().anyMatch(String::isEmpty)) {
            o.error("client-classes", "invalid class name ''");
            return null;
        }
        Optional<OptionDefinition> def = code != null ? defs.byCode(space, code.intValue()) : defs.byName(space, name);
        if (def.isEmpty() && defs.refused(space, code, name)) {
            o.error(null, "option '" + space + "." + (name == null ? code : name)
                    + "' uses an option definition that is not supported yet");
            return null;
        }
        if (def.isEmpty()) {
            if (Boolean.TRUE.equals(csv)) {
                o.error(null, "definition for the option '" + space + "." + (name == null ? "" : name)
                        + "' having code '" + (code == null ? "" : code) + "' does not exist");
                return null;
            }
            if (code == null) {
                o.error("name", "definition for the option '" + space + "." + name + "' does not exist");
                return null;
            }
        } else if (name != null && !def.get().name().equals(name)) {
            o.error("name", "specified option name '" + name + "' does not match the option definition: '"
                    + space + "." + def.get().name() + "'");
            return null;
        }
        int effectiveCode = def.isPresent() ? def.get().code() : code.intValue();
        if (space.equals(OptionDefinition.DHCP4) && (effectiveCode == 0 || effectiveCode == 255)) {
            o.error("code", "invalid option code '" + effectiveCode + "': reserved for " + (effectiveCode == 0 ? "PAD" : "END"));
            return null;
        }
        if (space.equals(OptionDefinition.DHCP6) && effectiveCode == 0) {
            o.error("code", "invalid option code '0': reserved value");
            return null;
        }
        String effectiveName = def.map(OptionDefinition::name).orElse(name == null ? "" : name);
        Bytes payload;
        if (neverSend && data == null) {
            payload = Bytes.EMPTY; // a cancellation needs no value
        } else if (def.isPresent() && !Boolean.FALSE.equals(csv)) {
            try {
                payload = Bytes.of(OptionValueCodec.fromCsv(def.get(), data == null ? "" : data));
            } catch (OptionValueException | IllegalArgumentException e) {
                o.error("data", "option data does not match option definition (space: " + space + ", code: "
                        + effectiveCode + "): " + e.getMessage());
                return null;
            }
        } else {
            try {
                payload = Bytes.of(Texts.binary(data == null ? "" : data));
            } catch (IllegalArgumentException e) {
                o.error("data", "option data is not a valid string of hexadecimal digits: " + data);
                return null;
            }
        }
        return new OptionData(effectiveCode, space, effectiveName, payload, alwaysSend, neverSend,
                classes == null ? List.of() : classes, o.path);
    }

    /** Kea reserves each daemon's standard space name for that daemon. */
    private static boolean reservedSpace(Obj o, String space, Dialect dialect) {
        if (!space.equals(dialect.foreignSpace())) return false;
        o.error("space", "'" + space + "' option space name is reserved for "
                + (dialect.isV6() ? "DHCPv4" : "DHCPv6") + " server");
        return true;
    }

    /** Option codes are one byte in DHCPv4, two bytes in DHCPv6 (Kea's wording differs between the two). */
    private static boolean badCode(Obj o, long code, Dialect dialect) {
        if (code < 0) {
            o.error("code", "option code must not be negative");
            return true;
        }
        if (code <= dialect.maxOptionCode()) return false;
        o.error("code", "invalid option code '" + code + "', it must not "
                + (dialect.isV6() ? "exceed '" : "be greater than '") + dialect.maxOptionCode() + "'");
        return true;
    }

    /** Parses an {@code option-data} list of a scope. */
    static List<OptionData> parseDataList(Obj scope, Defs defs) {
        List<OptionData> out = new ArrayList<>();
        for (Obj o : scope.maps("option-data")) {
            OptionData d = parseData(o, defs);
            if (d != null) out.add(d);
        }
        return out;
    }
}
