package dev.nestor.config.parse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nestor.codec.option.OptionDefinitions;
import dev.nestor.config.ConfigError;
import dev.nestor.config.ConfigException;
import dev.nestor.config.ConfigText;
import dev.nestor.config.model.ClientClassDef;
import dev.nestor.config.model.Dhcp6Config;
import dev.nestor.config.model.GlobalParams6;
import dev.nestor.config.model.OptionData;
import dev.nestor.config.model.PdPool6;
import dev.nestor.config.model.Pool6;
import dev.nestor.config.model.Reservation6;
import dev.nestor.config.model.SharedNetwork6;
import dev.nestor.config.model.Subnet6;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns the JSON tree of a Kea configuration file into a {@link Dhcp6Config}, collecting every error. The same
 * steps as {@link Dhcp4Parser}, through the same shared parsers with {@link Dialect#V6}. Public for
 * {@link dev.nestor.config.Dhcp6ConfigParser}; use that class.
 */
public final class Dhcp6Parser {
    private Dhcp6Parser() {}

    /** The config and the non-fatal notes (warnings, deprecations, ignored objects). */
    public record Outcome(Dhcp6Config config, List<ConfigError> notes) {}

    public static Outcome parse(JsonNode root) throws ConfigException {
        Problems p = new Problems();
        Obj g = Roots.daemon(root, Dialect.V6, p);
        OptionParsers.Defs defs = Roots.optionDefs(g, OptionDefinitions.standardV6(), Dialect.V6);
        List<OptionData> globalOptions = OptionParsers.parseDataList(g, defs);
        List<ClientClassDef> classes = ClassParser.parseList(g, defs);
        GlobalParams6 globals = GlobalsParser.parse6(g, defs);
        NetworkParser6 networks = new NetworkParser6(g, defs, globals.ipReservationsUnique());
        networks.parse();
        List<Reservation6> globalReservations = ReservationParser.parseList6(g, 0, defs);
        ReservationParser.checkDuplicates6(globalReservations, globals.ipReservationsUnique(), p);
        var interfaces = ServiceParsers.interfaces(g, Dialect.V6);
        Map<String, String> leaseDb = ServiceParsers.leaseDatabase(g);
        List<Map<String, String>> hostsDbs = ServiceParsers.hostsDatabases(g);
        var ddns = ServiceParsers.dhcpDdns(g);
        var expired = ServiceParsers.expired(g);
        var hooks = ServiceParsers.hooks(g);
        var sockets = ServiceParsers.controlSockets(g);
        var loggers = ServiceParsers.loggers(g);
        List<Roots.Guard> guards = new ArrayList<>();
        for (Subnet6 s : networks.subnets) {
            guards.add(new Roots.Guard(s.clientClasses(), s.path()));
            for (Pool6 pool : s.pools()) guards.add(new Roots.Guard(pool.clientClasses(), pool.path()));
            for (PdPool6 pool : s.pdPools()) guards.add(new Roots.Guard(pool.clientClasses(), pool.path()));
        }
        for (SharedNetwork6 n : networks.networks) guards.add(new Roots.Guard(n.clientClasses(), n.path()));
        Roots.noteUndefinedClasses(classes.stream().map(ClientClassDef::name).collect(Collectors.toSet()),
                Dialect.V6, guards, p);
        if (p.hasErrors()) throw new ConfigException(p.errors());
        Dhcp6Config config = new Dhcp6Config(interfaces, leaseDb, hostsDbs, defs.registry(), globalOptions, classes,
                networks.networks, networks.subnets, globalReservations, globals, expired, hooks, sockets, loggers,
                ddns, ConfigText.toJson(g.node));
        return new Outcome(config, p.notes());
    }
}
