package dev.nestor.classify.expr;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What the parser needs to know about the configuration an expression lives in (Kea's EvalContext
 * universe, option-name resolution and {@code check_defined} callback).
 */
public interface ExprUniverse {

    /** The family: decides option-code ranges and which of pkt4/relay4 or pkt6/relay6 are allowed. */
    Family family();

    /**
     * Code of a named option in the top-level space ({@code dhcp4} or {@code dhcp6}), used for
     * {@code option[host-name]}. Kea looks at standard, then custom ({@code option-def}), then
     * last-resort definitions. Empty when the name is not defined (a parse error).
     */
    OptionalInt optionCodeByName(String name);

    /**
     * Whether {@code member('name')} may refer to this class. Kea accepts built-in classes (see
     * {@link #isBuiltinClass}) and classes defined earlier in the list, so that there are no forward
     * references or loops; template-test expressions accept any name (see {@link #acceptingAnyClass}).
     */
    boolean isKnownClass(String name);

    /** This universe, but accepting any class name in {@code member()} (Kea does so for template-test). */
    default ExprUniverse acceptingAnyClass() {
        ExprUniverse self = this;
        return new ExprUniverse() {
            @Override
            public Family family() {
                return self.family();
            }

            @Override
            public OptionalInt optionCodeByName(String name) {
                return self.optionCodeByName(name);
            }

            @Override
            public boolean isKnownClass(String name) {
                return true;
            }
        };
    }

    /** Kea's built-in class names ({@code builtinNames} in client_class_def.cc). */
    Set<String> BUILTIN_NAMES = Set.of("ALL", "KNOWN", "UNKNOWN", "BOOTP");

    /** Kea's built-in class prefixes; a name must be longer than the prefix to count. */
    List<String> BUILTIN_PREFIXES = List.of("VENDOR_CLASS_", "HA_", "AFTER_", "EXTERNAL_");

    /**
     * Kea's {@code isClientClassBuiltIn}: ALL, KNOWN, UNKNOWN, BOOTP, or a name starting with
     * VENDOR_CLASS_, HA_, AFTER_ or EXTERNAL_ followed by at least one character. DROP, REJECT,
     * SKIP_DDNS and SPAWN_ names are not built-in: they must be defined before they are referenced.
     */
    static boolean isBuiltinClass(String name) {
        if (BUILTIN_NAMES.contains(name)) {
            return true;
        }
        for (String prefix : BUILTIN_PREFIXES) {
            if (name.length() > prefix.length() && name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A fixed universe: option names from {@code optionCodes}; classes known when built-in or in
     * {@code definedClasses} (pass the names of the classes defined before the one being parsed).
     */
    static ExprUniverse of(Family family, Map<String, Integer> optionCodes, Collection<String> definedClasses) {
        Map<String, Integer> codes = Map.copyOf(optionCodes);
        Set<String> defined = Set.copyOf(definedClasses);
        return new ExprUniverse() {
            @Override
            public Family family() {
                return family;
            }

            @Override
            public OptionalInt optionCodeByName(String name) {
                Integer code = codes.get(name);
                return code == null ? OptionalInt.empty() : OptionalInt.of(code);
            }

            @Override
            public boolean isKnownClass(String name) {
                return isBuiltinClass(name) || defined.contains(name);
            }
        };
    }
}
