package dev.nestor.config.parse;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns the JSON tree of a Kea configuration file into a {@link Dhcp4Config}, collecting every error. Public for
 * {@link dev.nestor.config.Dhcp4ConfigParser}; use that class.
 */
public final class Dhcp4Parser {
    private Dhcp4Parser() {}

    /** The config and the non-fatal notes (warnings, deprecations, ignored objects). */
    public record Outcome(Dhcp4Config config, List<ConfigError> notes) {}

    public static Outcome parse(JsonNode root) throws ConfigException {
        Problems p = new Problems();
        Obj g = Roots.daemon(root, Dialect.V4, p);
        OptionParsers.Defs defs = Roots.optionDefs(g, OptionDefinitions.standardV4(), Dialect.V4);
        List<OptionData> globalOptions = OptionParsers.parseDataList(g, defs);
        List<ClientClassDef> classes = ClassParser.parseList(g, defs);
        GlobalParams4 globals = GlobalsParser.parse(g);
        NetworkParser networks = new NetworkParser(g, defs, globals.ipReservationsUnique());
        networks.parse();
        List<Reservation4> globalReservations = ReservationParser.parseList(g, 0, defs);
        ReservationParser.checkDuplicates(globalReservations, globals.ipReservationsUnique(), p);
        var interfaces = ServiceParsers.interfaces(g, Dialect.V4);
        Map<String, String> leaseDb = ServiceParsers.leaseDatabase(g);
        List<Map<String, String>> hostsDbs = ServiceParsers.hostsDatabases(g);
        var ddns = ServiceParsers.dhcpDdns(g);
        var expired = ServiceParsers.expired(g);
        var hooks = ServiceParsers.hooks(g);
        var sockets = ServiceParsers.controlSockets(g);
        var loggers = ServiceParsers.loggers(g);
        List<Roots.Guard> guards = new ArrayList<>();
        for (Subnet4 s : networks.subnets) {
            guards.add(new Roots.Guard(s.clientClasses(), s.path()));
            for (Pool4 pool : s.pools()) guards.add(new Roots.Guard(pool.clientClasses(), pool.path()));
        }
        for (SharedNetwork4 n : networks.networks) guards.add(new Roots.Guard(n.clientClasses(), n.path()));
        Roots.noteUndefinedClasses(classes.stream().map(ClientClassDef::name).collect(Collectors.toSet()),
                Dialect.V4, guards, p);
        if (p.hasErrors()) throw new ConfigException(p.errors());
        Dhcp4Config config = new Dhcp4Config(interfaces, leaseDb, hostsDbs, defs.registry(), globalOptions, classes,
                networks.networks, networks.subnets, globalReservations, globals, expired, hooks, sockets, loggers,
                ddns, ConfigText.toJson(g.node));
        return new Outcome(config, p.notes());
    }
}
