package dev.nestor.config.parse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nestor.codec.option.OptionDefinition;
import dev.nestor.codec.option.OptionDefinitions;
import dev.nestor.config.ConfigError;
import dev.nestor.config.ConfigException;
import dev.nestor.config.ConfigText;
import dev.nestor.config.model.ClientClassDef;
import dev.nestor.config.model.Dhcp4Config;
import dev.nestor.config.model.GlobalParams4;
import dev.nestor.config.model.OptionData;
import dev.nestor.config.model.Pool4;
import dev.nestor.config.model.Reservation4;
import dev.nestor.config.model.SharedNetwork4;
import dev.nestor.config.model.Subnet4;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the JSON tree of a Kea configuration file into a {@link Dhcp4Config}, collecting every error. Public for
 * {@link dev.nestor.config.Dhcp4ConfigParser}; use that class.
 */
public final class Dhcp4Parser {
    /** Top-level objects of other Kea daemons that may share the file. */
    private static final Set<String> OTHER_DAEMONS = Set.of("Dhcp6", "DhcpDdns", "Control-agent", "Netconf", "Logging");
    /** Spaces whose standard definitions Kea refuses to let option-def override. */
    private static final Set<String> PROTECTED_SPACES = Set.of(OptionDefinition.DHCP4, "dhcp-agent-options-space");

    private Dhcp4Parser() {}

    /** The config and the non-fatal notes (warnings, deprecations, ignored objects). */
    public record Outcome(Dhcp4Config config, List<ConfigError> notes) {}

    public static Outcome parse(JsonNode root) throws ConfigException {
        Problems p = new Problems();
        if (root == null || !root.isObject()) throw new ConfigException("", "configuration must be a JSON map");
        Iterator<String> keys = root.fieldNames();
        while (keys.hasNext()) {
            String k = keys.next();
            if (k.equals("Dhcp4")) continue;
            p.note(k, OTHER_DAEMONS.contains(k) ? "configuration for another daemon, ignored" : "unknown top-level object, ignored");
        }
        JsonNode dhcp4 = root.get("Dhcp4");
        if (dhcp4 == null) throw new ConfigException("", "no Dhcp4 configuration found (expected a top-level \"Dhcp4\" map)");
        Obj g = Obj.of(dhcp4, "Dhcp4", p);
        if (g == null) throw new ConfigException(p.errors());
        g.check(Keywords.GLOBAL);

        OptionParsers.Defs defs = optionDefs(g);
        List<OptionData> globalOptions = OptionParsers.parseDataList(g, defs);
        List<ClientClassDef> classes = ClassParser.parseList(g, defs);
        GlobalParams4 globals = GlobalsParser.parse(g);
        NetworkParser networks = new NetworkParser(g, defs, globals.ipReservationsUnique());
        networks.parse();
        List<Reservation4> globalReservations = ReservationParser.parseList(g, 0, defs);
        ReservationParser.checkDuplicates(globalReservations, globals.ipReservationsUnique(), p);
        var interfaces = ServiceParsers.interfaces(g);
        Map<String, String> leaseDb = ServiceParsers.leaseDatabase(g);
        var ddns = ServiceParsers.dhcpDdns(g);
        var expired = ServiceParsers.expired(g);
        var hooks = ServiceParsers.hooks(g);
        var sockets = ServiceParsers.controlSockets(g);
        var loggers = ServiceParsers.loggers(g);
        noteUndefinedClasses(classes, networks.subnets, networks.networks, p);
        if (p.hasErrors()) throw new ConfigException(p.errors());
        Dhcp4Config config = new Dhcp4Config(interfaces, leaseDb, List.of(), defs.registry(), globalOptions, classes,
                networks.networks, networks.subnets, globalReservations, globals, expired, hooks, sockets, loggers,
                ddns, ConfigText.toJson(dhcp4));
        return new Outcome(config, p.notes());
    }

    /**
     * Global option-def: Kea refuses to redefine standard options of dhcp4 (except 43, which Kea defines only as
     * a last resort) and of the relay agent space, but lets vendor spaces be redefined; such overrides are
     * searched before the standard table.
     */
    private static OptionParsers.Defs optionDefs(Obj g) {
        OptionDefinitions standard = OptionDefinitions.standardV4();
        List<OptionDefinition> added = new ArrayList<>();
        List<OptionDefinition> overrides = new ArrayList<>();
        for (Obj o : g.maps("option-def")) {
            OptionDefinition d = OptionParsers.parseDef(o);
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
            if ((clashCode || clashName) && PROTECTED_SPACES.contains(d.space()) && !lastResort43) {
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
        return new OptionParsers.Defs(registry, overrides);
    }

    /** Kea accepts guards naming classes it does not define (hooks and reservations may set them): note only. */
    private static void noteUndefinedClasses(List<ClientClassDef> classes, List<Subnet4> subnets,
                                             List<SharedNetwork4> networks, Problems p) {
        Set<String> defined = new HashSet<>(Set.of("ALL", "KNOWN", "UNKNOWN", "BOOTP", "DROP"));
        classes.forEach(c -> defined.add(c.name()));
        for (Subnet4 s : subnets) {
            note(s.clientClasses(), defined, s.path(), p);
            for (Pool4 pool : s.pools()) note(pool.clientClasses(), defined, pool.path(), p);
        }
        for (SharedNetwork4 n : networks) note(n.clientClasses(), defined, n.path(), p);
    }

    private static void note(List<String> used, Set<String> defined, String path, Problems p) {
        for (String c : used)
            if (!defined.contains(c) && !c.startsWith("VENDOR_CLASS_") && !c.startsWith("SPAWN_"))
                p.note(path, "client class '" + c + "' is not defined in client-classes");
    }
}
