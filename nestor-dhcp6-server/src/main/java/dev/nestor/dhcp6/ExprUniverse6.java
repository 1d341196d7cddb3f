package dev.nestor.dhcp6;

import dev.nestor.classify.expr.ExprUniverse;
import dev.nestor.classify.expr.Family;
import dev.nestor.codec.option.OptionDefinition;
import dev.nestor.codec.option.OptionDefinitions;

import java.util.OptionalInt;
import java.util.Set;

/** What a DHCPv6 class expression may refer to: option names of the config, and classes defined before it. */
record ExprUniverse6(OptionDefinitions defs, Set<String> definedClasses) implements ExprUniverse {
    ExprUniverse6 {
        definedClasses = Set.copyOf(definedClasses);
    }

    @Override
    public Family family() { return Family.V6; }

    @Override
    public OptionalInt optionCodeByName(String name) {
        return defs.byName("dhcp6", name).map(OptionDefinition::code).map(OptionalInt::of).orElse(OptionalInt.empty());
    }

    @Override
    public boolean isKnownClass(String name) { return ExprUniverse.isBuiltinClass(name) || definedClasses.contains(name); }
}
