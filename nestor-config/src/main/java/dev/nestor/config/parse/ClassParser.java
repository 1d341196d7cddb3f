package dev.nestor.config.parse;

import dev.nestor.codec.option.OptionDefinition;
import dev.nestor.config.model.ClientClassDef;
import dev.nestor.config.model.Lifetime;
import dev.nestor.config.model.OptionData;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code client-classes} definitions, as Kea's ClientClassDefParser (test expressions are kept as text), for both
 * daemons: the keyword table decides which of the family-specific keys (next-server / preferred-lifetime ...) may
 * appear, absent keys stay null.
 */
final class ClassParser {
    private ClassParser() {}

    static List<ClientClassDef> parseList(Obj global, OptionParsers.Defs defs) {
        List<ClientClassDef> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Obj o : global.maps("client-classes")) {
            ClientClassDef c = parse(o, defs);
            if (c == null) continue;
            if (!names.add(c.name())) {
                o.error("name", "client class '" + c.name() + "' is already defined");
                continue;
            }
            out.add(c);
        }
        return out;
    }

    private static ClientClassDef parse(Obj o, OptionParsers.Defs defs) {
        Dialect dialect = defs.dialect();
        o.check(dialect.clientClass());
        int before = o.problems.errorCount();
        String name = o.string("name");
        if (name == null || name.isEmpty()) {
            if (!o.has("name")) o.error(null, "missing parameter 'name'");
            else if (name != null) o.error("name", "client class name must not be empty");
            return null;
        }
        String test = o.string("test", "");
        if (o.has("test") && test.isBlank()) o.error("test", "expression can not be empty");
        Boolean required = o.bool("only-if-required");
        Boolean additionalFlag = o.bool("only-in-additional-list");
        if (required != null && additionalFlag != null)
            o.error(null, "cannot specify both 'only-if-required' and 'only-in-additional-list'. Use only the latter.");
        else if (required != null)
            o.note("only-if-required", "'only-if-required' is deprecated, use 'only-in-additional-list'");
        boolean additional = additionalFlag != null ? additionalFlag : required != null && required;

        List<OptionDefinition> localDefs = new ArrayList<>();
        for (Obj d : o.maps("option-def")) {
            OptionDefinition def = OptionParsers.parseDef(d, dialect);
            if (def == null) continue;
            // Kea allows class-local definitions only for options it unpacks late (43 and the site-specific range).
            boolean deferred = def.space().equals(OptionDefinition.DHCP4) && (def.code() == 43 || def.code() >= 224);
            if (!deferred) {
                d.error(null, "Not allowed option definition for code '" + def.code() + "' in space '" + def.space() + "'");
                continue;
            }
            if (localDefs.stream().anyMatch(x -> x.code() == def.code() && x.space().equals(def.space())))
                d.error(null, "option definition with code '" + def.code() + "' already exists in option space '" + def.space() + "'");
            else localDefs.add(def);
        }
        List<OptionData> options = OptionParsers.parseDataList(o, defs.with(localDefs));

        Integer nextServer = null;
        String ns = o.string("next-server");
        if (ns != null) {
            nextServer = Texts.ipv4(ns);
            if (nextServer == null) o.error("next-server", "Invalid next-server value specified: '" + ns + "'");
            else if (nextServer == -1) o.error("next-server", "Invalid next-server value: '" + ns + "', must not be a broadcast");
        }
        String sname = o.string("server-hostname");
        if (sname != null && sname.length() > 63)
            o.error("server-hostname", "server-hostname must be at most 63 bytes long, it is " + sname.length());
        String file = o.string("boot-file-name");
        if (file != null && file.length() > 127)
            o.error("boot-file-name", "boot-file-name must be at most 127 bytes long, it is " + file.length());
        Long offer = o.integer("offer-lifetime", 0, 0xFFFFFFFFL);
        Lifetime valid = Lifetimes.triplet(List.of(o), "valid-lifetime", null);
        Lifetime preferred = Lifetimes.triplet(List.of(o), "preferred-lifetime", null);

        if (dialect.builtInClasses().contains(name)) {
            if (additional) o.error(null, "built-in class '" + name + "' only-in-additional-list flag must be false");
            if (!test.isEmpty()) o.error("test", "built-in class '" + name + "' test expression must be empty");
        }
        if (name.equals("DROP") && additional)
            o.error(null, "special class 'DROP' only-in-additional-list flag must be false");
        if (additional && (valid != null || offer != null || preferred != null))
            o.note(null, "class '" + name + "' is only evaluated as an additional class: its lifetimes are ignored");
        if (o.problems.errorCount() > before) return null;
        return new ClientClassDef(name, test, additional, options, localDefs, nextServer, sname, file, valid, offer,
                preferred, o.path);
    }
}
