package dev.nestor.codec.option;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable registry of option definitions keyed by (space, code) and (space, name): Kea's standard table
 * ({@link #standardV4()}, {@link #standardV6()}) plus, through {@link #withCustom}, the {@code option-def} entries of a configuration.
 * Every instance is a value: build a new one per configuration, no global state.
 */
public final class OptionDefinitions {
    // The standard table is immutable data, so one shared instance is not mutable static state.
    private static final OptionDefinitions STANDARD = standardV4();
    private static final OptionDefinitions STANDARD6 = standardV6();

    private final Map<String, Space> spaces;
    private final boolean standard;

    /** Per-space indexes, insertion-ordered. */
    private record Space(Map<Integer, OptionDefinition> byCode, Map<String, OptionDefinition> byName) {
        Space copy() { return new Space(new LinkedHashMap<>(byCode), new LinkedHashMap<>(byName)); }
    }

    private OptionDefinitions(Map<String, Space> spaces, boolean standard) {
        this.spaces = spaces;
        this.standard = standard;
    }

    /** Every standard DHCPv4 definition Kea 3.0 knows, with its sub-option spaces. */
    public static OptionDefinitions standardV4() {
        return standard(StandardOptionDefs.all(), StandardOptionDefs.emptySpaces());
    }

    /**
     * Every standard DHCPv6 definition Kea 3.0 knows: space {@code "dhcp6"}, the Softwire46 spaces
     * ({@code s46-cont-mape-options}, {@code s46-cont-mapt-options}, {@code s46-cont-lw-options},
     * {@code s46-rule-options}, {@code s46-v4v6bind-options}), {@code v6-ntp-server-suboptions}, the empty
     * {@code rsoo-opts}, and the vendor spaces {@code vendor-4491} (DOCSIS 3, DHCPv6 flavour) and
     * {@code vendor-2495} (ISC 4o6). A separate registry from {@link #standardV4()}: {@code vendor-4491} means
     * different options in the two protocols.
     */
    public static OptionDefinitions standardV6() {
        return standard(StandardOptionDefs6.all(), StandardOptionDefs6.emptySpaces());
    }

    private static OptionDefinitions standard(List<OptionDefinition> defs, List<String> emptySpaces) {
        Map<String, Space> spaces = new LinkedHashMap<>();
        for (OptionDefinition d : defs) {
            Space s = spaces.computeIfAbsent(d.space(), _ -> new Space(new LinkedHashMap<>(), new LinkedHashMap<>()));
            if (s.byCode.put(d.code(), d) != null || s.byName.put(d.name(), d) != null)
                throw new AssertionError("duplicate standard definition " + d);
        }
        for (String e : emptySpaces)
            spaces.putIfAbsent(e, new Space(new LinkedHashMap<>(), new LinkedHashMap<>()));
        return new OptionDefinitions(freeze(spaces), true);
    }

    /** An empty registry (no standard definitions), mostly for tests and custom-only spaces. */
    public static OptionDefinitions empty() { return new OptionDefinitions(Map.of(), false); }

    /**
     * A new registry with {@code defs} added. Throws IllegalArgumentException, naming the offending entry, when a
     * definition reuses a code or name already defined in the same space (standard or earlier custom), as Kea
     * rejects overriding standard options.
     */
    public OptionDefinitions withCustom(List<OptionDefinition> defs) {
        Map<String, Space> copy = new LinkedHashMap<>();
        spaces.forEach((k, v) -> copy.put(k, v.copy()));
        for (OptionDefinition d : defs) {
            Space s = copy.computeIfAbsent(d.space(), _ -> new Space(new LinkedHashMap<>(), new LinkedHashMap<>()));
            OptionDefinition byCode = s.byCode.get(d.code());
            if (byCode != null)
                throw new IllegalArgumentException("option definition '" + d.name() + "' (code " + d.code() + ") in space '"
                        + d.space() + "' clashes with existing definition '" + byCode.name() + "' of the same code");
            OptionDefinition byName = s.byName.get(d.name());
            if (byName != null)
                throw new IllegalArgumentException("option definition '" + d.name() + "' (code " + d.code() + ") in space '"
                        + d.space() + "' clashes with existing definition of the same name (code " + byName.code() + ")");
            s.byCode.put(d.code(), d);
            s.byName.put(d.name(), d);
        }
        return new OptionDefinitions(freeze(copy), standard);
    }

    private static Map<String, Space> freeze(Map<String, Space> m) {
        Map<String, Space> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, new Space(Collections.unmodifiableMap(v.byCode), Collections.unmodifiableMap(v.byName))));
        return Collections.unmodifiableMap(out);
    }

    public Optional<OptionDefinition> byName(String space, String name) {
        Space s = spaces.get(space);
        return s == null ? Optional.empty() : Optional.ofNullable(s.byName.get(name));
    }

    public Optional<OptionDefinition> byCode(String space, int code) {
        Space s = spaces.get(space);
        return s == null ? Optional.empty() : Optional.ofNullable(s.byCode.get(code));
    }

    /** Definitions of one space in registration order; empty for an unknown space. */
    public Collection<OptionDefinition> inSpace(String space) {
        Space s = spaces.get(space);
        return s == null ? List.of() : List.copyOf(s.byCode.values());
    }

    /** Names of all spaces that hold definitions (or are known standard spaces). */
    public Set<String> spaces() { return spaces.keySet(); }

    /** All definitions, space by space. */
    public List<OptionDefinition> all() {
        List<OptionDefinition> out = new ArrayList<>();
        spaces.values().forEach(s -> out.addAll(s.byCode.values()));
        return List.copyOf(out);
    }

    /**
     * True if {@code def} is exactly one of Kea's standard definitions, DHCPv4 or DHCPv6 (as opposed to an
     * option-def entry).
     */
    public static boolean isStandard(OptionDefinition def) {
        return STANDARD.byCode(def.space(), def.code()).filter(def::equals).isPresent()
                || STANDARD6.byCode(def.space(), def.code()).filter(def::equals).isPresent();
    }

    @Override
    public String toString() { return "OptionDefinitions" + (standard ? "(standard+" : "(") + all().size() + " defs)"; }
}
