package dev.nestor.dhcp6;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nestor.classify.ClassDefinition;
import dev.nestor.classify.Classifier;
import dev.nestor.classify.expr.Expr;
import dev.nestor.classify.expr.ExpressionException;
import dev.nestor.classify.expr.ExpressionParser;
import dev.nestor.common.Bytes;
import dev.nestor.config.ConfigError;
import dev.nestor.config.ConfigException;
import dev.nestor.config.model.ClientClassDef;
import dev.nestor.config.model.Dhcp6Config;
import dev.nestor.config.model.HooksLibrarySpec;
import dev.nestor.config.model.Subnet6;
import dev.nestor.control.CommandRegistry;
import dev.nestor.hooks.HookPoint;
import dev.nestor.hooks.StatsService;
import dev.nestor.hooks.runtime.BuiltinLibraries;
import dev.nestor.hooks.runtime.HookCommands;
import dev.nestor.hooks.runtime.HookEnvironment;
import dev.nestor.hooks.runtime.HookLibraries;
import dev.nestor.hooks.runtime.HookLoadException;
import dev.nestor.hooks.runtime.LibrarySpec;
import dev.nestor.hooks.v6.SubnetInfo6;
import dev.nestor.engine.v6.HostIndex6;
import dev.nestor.engine.v6.SubnetSelection6;
import dev.nestor.lease.LeaseStore6;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A validated DHCPv6 config plus what the server derives from it once (compiled class expressions, reservation and
 * subnet indexes, loaded hook libraries), bound to the lease store and the server DUID. Immutable: the server swaps
 * the whole runtime on reconfiguration, and each packet reads one snapshot from start to end. The hook libraries
 * belong to the runtime: the server activates them after the swap and closes the previous runtime's.
 */
public final class Dhcp6Runtime {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Dhcp6Config config;
    private final SubnetSelection6 selection;
    private final HostIndex6 hosts;
    private final Classifier classifier;
    private final LeaseStore6 store;
    private final Bytes serverId;
    private final HookLibraries hooks;
    private final List<SubnetInfo6> subnetInfos;

    private Dhcp6Runtime(Dhcp6Config config, SubnetSelection6 selection, HostIndex6 hosts, Classifier classifier,
                         LeaseStore6 store, Bytes serverId, HookLibraries hooks, List<SubnetInfo6> subnetInfos) {
        this.hooks = hooks;
        this.subnetInfos = subnetInfos;
        this.config = config;
        this.selection = selection;
        this.hosts = hosts;
        this.classifier = classifier;
        this.store = store;
        this.serverId = serverId;
    }

    /**
     * Compiles the class expressions and loads the hook libraries with commands going to a private registry (tests
     * and tools; {@link #hooks()}{@code .close()} unloads them). Errors name the JSON path.
     */
    public static Dhcp6Runtime prepare(Dhcp6Config config) throws ConfigException {
        return prepare(config, new HookCommands(new CommandRegistry()), BuiltinLibraries.standard());
    }

    /**
     * Compiles the class expressions and loads the hook libraries (their commands go to {@code commands} once
     * {@link HookLibraries#activate() activated}). Any failure refuses the config and leaves nothing loaded.
     */
    public static Dhcp6Runtime prepare(Dhcp6Config config, HookCommands commands, BuiltinLibraries builtins) throws ConfigException {
        return prepare(config, commands, builtins, null);
    }

    /** As above; libraries get {@code stats} (the server's statistics) as their {@link StatsService} (none when null). */
    public static Dhcp6Runtime prepare(Dhcp6Config config, HookCommands commands, BuiltinLibraries builtins,
                                       StatsService stats) throws ConfigException {
        Classifier classifier = compileClasses(config);
        HookLibraries hooks;
        try {
            HookEnvironment env = environment(config, commands, builtins);
            if (stats != null) env = env.withService(StatsService.class, stats);
            hooks = HookLibraries.load(specs(config), env);
        } catch (HookLoadException e) {
            throw refused(e);
        }
        try {
            List<SubnetInfo6> infos = new ArrayList<>();
            for (Subnet6 s : config.subnets()) infos.add(info(s));
            return new Dhcp6Runtime(config, new SubnetSelection6(config), new HostIndex6(config), classifier, null, null,
                    hooks, List.copyOf(infos));
        } catch (RuntimeException e) {
            hooks.close();
            throw e;
        }
    }

    /** config-test and {@code -t}: everything {@link #prepare} checks, but hook libraries are only validated. */
    public static void check(Dhcp6Config config) throws ConfigException {
        check(config, BuiltinLibraries.standard());
    }

    public static void check(Dhcp6Config config, BuiltinLibraries builtins) throws ConfigException {
        compileClasses(config);
        try {
            HookLibraries.validate(specs(config), environment(config, null, builtins));
        } catch (HookLoadException e) {
            throw refused(e);
        }
    }

    private static Classifier compileClasses(Dhcp6Config config) throws ConfigException {
        List<ConfigError> errors = new ArrayList<>();
        List<ClassDefinition> defs = new ArrayList<>();
        Set<String> defined = new HashSet<>();
        for (ClientClassDef c : config.clientClasses()) {
            Expr test = null;
            if (c.test() != null && !c.test().isBlank()) {
                try {
                    test = ExpressionParser.parse(c.test(), new ExprUniverse6(config.optionDefinitions(), defined));
                } catch (ExpressionException e) {
                    errors.add(new ConfigError(c.path() + ".test", e.getMessage()));
                }
            }
            defined.add(c.name());
            defs.add(new ClassDefinition(c.name(), test, c.onlyInAdditionalList()));
        }
        if (!errors.isEmpty()) throw new ConfigException(errors);
        return new Classifier(defs);
    }

    private static List<LibrarySpec> specs(Dhcp6Config config) throws ConfigException {
        List<LibrarySpec> out = new ArrayList<>();
        for (HooksLibrarySpec h : config.hooksLibraries()) {
            try {
                out.add(LibrarySpec.of(h.library(), h.parametersJson(), h.path()));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(h.path() + ".parameters", e.getMessage());
            }
        }
        return out;
    }

    private static HookEnvironment environment(Dhcp6Config config, HookCommands commands, BuiltinLibraries builtins) {
        JsonNode json;
        try {
            json = JSON.readTree(config.json());
        } catch (Exception e) {
            json = JSON.createObjectNode();
        }
        return HookEnvironment.of(HookPoint.Family.DHCP6, json, config.globals().parkedPacketLimit(), commands).withBuiltins(builtins);
    }

    private static ConfigException refused(HookLoadException e) {
        return new ConfigException(e.problems().stream().map(p -> new ConfigError(p.path(), p.message())).toList());
    }

    /** The stable view of a subnet that hook events carry. */
    public static SubnetInfo6 info(Subnet6 s) {
        return new SubnetInfo6(s.id(), s.prefix(), s.sharedNetworkName());
    }

    /**
     * The same runtime with reservations also looked up in {@code databases} (after the config's, in order); the
     * server opens them from {@code hosts-databases} and closes them.
     */
    public Dhcp6Runtime withHostDatabases(List<dev.nestor.lease.host.HostStore> databases) {
        return new Dhcp6Runtime(config, selection, new HostIndex6(config, databases), classifier, store, serverId, hooks,
                subnetInfos);
    }

    /** The same runtime serving from {@code leaseStore} and answering as {@code serverDuid}. */
    public Dhcp6Runtime bind(LeaseStore6 leaseStore, Bytes serverDuid) {
        return new Dhcp6Runtime(config, selection, hosts, classifier, leaseStore, serverDuid, hooks, subnetInfos);
    }

    public Dhcp6Config config() { return config; }

    public SubnetSelection6 selection() { return selection; }

    public HostIndex6 hosts() { return hosts; }

    public Classifier classifier() { return classifier; }

    /** The lease store; null until {@link #bind}. */
    public LeaseStore6 store() { return store; }

    /** The server's DUID, sent in SERVERID; null until {@link #bind}. */
    public Bytes serverId() { return serverId; }

    /** The hook libraries of this config (none when {@code hooks-libraries} is empty). */
    public HookLibraries hooks() { return hooks; }

    /** Every configured subnet as hook events show it (subnet6_select's candidates), in config order. */
    public List<SubnetInfo6> subnetInfos() { return subnetInfos; }
}
