package dev.nestor.config.parse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nestor.codec.option.OptionDefinition;
import dev.nestor.codec.option.OptionDefinitions;
import dev.nestor.config.ConfigException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** The steps every daemon's top-level parse shares: finding its map, global option-def, class references. */
final class Roots {
    /** Top-level objects of Kea daemons that may share one file. */
    private static final Set<String> DAEMONS = Set.of("Dhcp4", "Dhcp6", "DhcpDdns", "Control-agent", "Netconf", "Logging");

    private Roots() {}

    /** The daemon's map, type-checked against its keyword table; other daemons' objects are noted and skipped. */
    static Obj daemon(JsonNode root, Dialect d, Problems p) throws ConfigException {
        if (root == null || !root.isObject()) throw new ConfigException("", "configuration must be a JSON map");
        Iterator<String> keys = root.fieldNames();
        while (keys.hasNext()) {
            String k = keys.next();
            if (k.equals(d.root())) continue;
            p.note(k, DAEMONS.contains(k) ? "configuration for another daemon, ignored" : "unknown top-level object, ignored");
        }
        JsonNode node = root.get(d.root());
        if (node == null)
            throw new ConfigException("", "no " + d.root() + " configuration found (expected a top-level \"" + d.root() + "\" map)");
        Obj g = Obj.of(node, d.root(), p);
        if (g == null) throw new ConfigException(p.errors());
        g.check(d.global());
        return g;
    }

    /**
     * Global option-def: Kea refuses to redefine options of its standard spaces (in DHCPv4 except 43, which Kea
     * defines only as a last resort), but lets vendor spaces be redefined; such overrides are searched before the
     * standard table.
     */
    static OptionParsers.Defs optionDefs(Obj g, OptionDefinitions standard, Dialect dialect) {
        List<OptionDefinition> added = new ArrayList<>();
        List<OptionDefinition> overrides = new ArrayList<>();
        Set<String> unsupported = new HashSet<>();
        for (Obj o : g.maps("option-def")) {
            OptionDefinition d = OptionParsers.parseDef(o, dialect, unsupported);
            if (d == null) continue;
            List<OptionDefinition> mine = new ArrayList<>(added);
            mine.addAll(overrides);
            if (mine.stream().anyMatch(x -> x.space().equals(d.space()) && x.code() == d.code())) {
                o.error("code", "option definition with code '" + d.code() + "' already exists in option space '" + d.space() + "'");
                continue;
            }
            if (mine.stream().anyMatch(x -> x.space().equals(d.space()) && x.name().equals(d.name()))) {
                o.error("name", "option definition with name '" + d.name() + "' already exists in option space '" + d.space() + "'");
                continue;
            }
            boolean clashCode = standard.byCode(d.space(), d.code()).isPresent();
            boolean clashName = standard.byName(d.space(), d.name()).isPresent();
            boolean lastResort43 = d.space().equals(OptionDefinition.DHCP4) && d.code() == 43;
            if ((clashCode || clashName) && dialect.protectedSpaces().contains(d.space()) && !lastResort43) {
                o.error(clashCode ? "code" : "name", "unable to override definition of option '"
                        + (clashCode ? String.valueOf(d.code()) : d.name()) + "' in standard option space '" + d.space() + "'");
                continue;
            }
            if (clashCode || clashName) overrides.add(d);
            else added.add(d);
        }
        OptionDefinitions registry = standard;
        try {
            registry = standard.withCustom(added);
        } catch (IllegalArgumentException e) {
            g.error("option-def", e.getMessage());
        }
        return new OptionParsers.Defs(registry, overrides, dialect, unsupported);
    }

    /** A class guard list and where it was written. */
    record Guard(List<String> classes, String path) {}

    /** Kea accepts guards naming classes it does not define (hooks and reservations may set them): note only. */
    static void noteUndefinedClasses(Set<String> definedNames, Dialect dialect, List<Guard> guards, Problems p) {
        Set<String> defined = new HashSet<>(dialect.builtInClasses());
        defined.add("DROP");
        defined.addAll(definedNames);
        for (Guard g : guards)
            for (String c : g.classes())
                if (!defined.contains(c) && !c.startsWith("VENDOR_CLASS_") && !c.startsWith("SPAWN_"))
                    p.note(g.path(), "client class '" + c + "' is not defined in client-classes");
    }
}
