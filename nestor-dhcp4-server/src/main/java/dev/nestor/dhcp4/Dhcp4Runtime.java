package dev.nestor.dhcp4;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nestor.classify.ClassDefinition;
import dev.nestor.classify.Classifier;
import dev.nestor.classify.expr.Expr;
import dev.nestor.classify.expr.ExpressionException;
import dev.nestor.classify.expr.ExpressionParser;
import dev.nestor.config.ConfigError;
import dev.nestor.config.ConfigException;
import dev.nestor.config.model.ClientClassDef;
import dev.nestor.config.model.Dhcp4Config;
import dev.nestor.config.model.HooksLibrarySpec;
import dev.nestor.config.model.Subnet4;
import dev.nestor.control.CommandRegistry;
import dev.nestor.engine.host.HostIndex4;
import dev.nestor.engine.select.SubnetSelection;
import dev.nestor.hooks.HookPoint;
import dev.nestor.hooks.StatsService;
import dev.nestor.hooks.v4.Dhcp4SrvConfigured;
import dev.nestor.hooks.v4.LeaseService4;
import dev.nestor.hooks.v4.SubnetInfo4;
import dev.nestor.hooks.runtime.BuiltinLibraries;
import dev.nestor.hooks.runtime.HookCommands;
import dev.nestor.hooks.runtime.HookEnvironment;
import dev.nestor.hooks.runtime.HookLibraries;
import dev.nestor.hooks.runtime.HookLoadException;
import dev.nestor.hooks.runtime.LibrarySpec;
import dev.nestor.hooks.runtime.Outcome;
import dev.nestor.lease.LeaseStore4;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A validated config plus what the server derives from it once (compiled class expressions, reservation and
 * subnet indexes, loaded hook libraries). Immutable: the server swaps the whole runtime on reconfiguration, and
 * each packet reads one snapshot from start to end. The hook libraries belong to the runtime: the server activates
 * them after the swap and closes the previous runtime's.
 */
public final class Dhcp4Runtime {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Dhcp4Config config;
    private final SubnetSelection selection;
    private final HostIndex4 hosts;
    private final Classifier classifier;
    private final LeaseStore4 store;
    private final HookLibraries hooks;
    private final List<SubnetInfo4> subnetInfos;

    private Dhcp4Runtime(Dhcp4Config config, SubnetSelection selection, HostIndex4 hosts, Classifier classifier, LeaseStore4 store,
                         HookLibraries hooks, List<SubnetInfo4> subnetInfos) {
        this.config = config;
        this.selection = selection;
        this.hosts = hosts;
        this.classifier = classifier;
        this.store = store;
        this.hooks = hooks;
        this.subnetInfos = subnetInfos;
    }

    /** The same runtime bound to the lease store it serves from (opened, or kept, by the server). */
    public Dhcp4Runtime withStore(LeaseStore4 leaseStore) {
        return new Dhcp4Runtime(config, selection, hosts, classifier, leaseStore, hooks, subnetInfos);
    }

    /**
     * The same runtime with reservations also looked up in {@code databases} (after the config's, in order); the
     * server opens them from {@code hosts-databases} and closes them.
     */
    public Dhcp4Runtime withHostDatabases(List<dev.nestor.lease.host.HostStore> databases) {
        return new Dhcp4Runtime(config, selection, new HostIndex4(config, databases), classifier, store, hooks, subnetInfos);
    }

    /** The lease store; null until {@link #withStore} bound one. */
    public LeaseStore4 store() { return store; }

    /**
     * Compiles the class expressions and loads the hook libraries with commands going to a private registry (tests
     * and tools; {@link #hooks()}{@code .close()} unloads them). Errors name the JSON path of the faulty entry.
     */
    public static Dhcp4Runtime prepare(Dhcp4Config config) throws ConfigException {
        return prepare(config, new HookCommands(new CommandRegistry()), BuiltinLibraries.standard());
    }

    /**
     * Compiles the class expressions, loads the hook libraries (their commands go to {@code commands} once
     * {@link HookLibraries#activate() activated}) and runs the dhcp4_srv_configured callouts. Any failure refuses
     * the config and leaves nothing loaded.
     */
    public static Dhcp4Runtime prepare(Dhcp4Config config, HookCommands commands, BuiltinLibraries builtins) throws ConfigException {
        return prepare(config, commands, builtins, null);
    }

    /** As above; libraries get {@code leases} as their {@link LeaseService4} (none when null). */
    public static Dhcp4Runtime prepare(Dhcp4Config config, HookCommands commands, BuiltinLibraries builtins,
                                       LeaseService4 leases) throws ConfigException {
        return prepare(config, commands, builtins, leases, null);
    }

    /** As above; libraries also get {@code stats} (the server's statistics) as their {@link StatsService} (none when null). */
    public static Dhcp4Runtime prepare(Dhcp4Config config, HookCommands commands, BuiltinLibraries builtins,
                                       LeaseService4 leases, StatsService stats) throws ConfigException {
        Classifier classifier = compileClasses(config);
        HookLibraries hooks;
        try {
            HookEnvironment env = environment(config, commands, builtins);
            if (leases != null) env = env.withService(LeaseService4.class, leases);
            if (stats != null) env = env.withService(StatsService.class, stats);
            hooks = HookLibraries.load(specs(config), env);
        } catch (HookLoadException e) {
            throw refused(e);
        }
        try {
            if (hooks.dispatcher().has(HookPoint.DHCP4_SRV_CONFIGURED)) {
                Outcome<Dhcp4SrvConfigured> o = hooks.dispatcher().fire(HookPoint.DHCP4_SRV_CONFIGURED, new Dhcp4SrvConfigured(configJson(config)));
                if (o.failed()) throw new ConfigException("Dhcp4.hooks-libraries", "hook library '" + o.failedLibrary() + "' failed in dhcp4_srv_configured");
                if (o.is(dev.nestor.hooks.NextStep.DROP)) throw new ConfigException("Dhcp4.hooks-libraries", "a dhcp4_srv_configured callout refused the configuration");
            }
            List<SubnetInfo4> infos = new ArrayList<>();
            for (Subnet4 s : config.subnets()) infos.add(info(s));
            return new Dhcp4Runtime(config, new SubnetSelection(config), new HostIndex4(config), classifier, null, hooks, List.copyOf(infos));
        } catch (ConfigException | RuntimeException e) {
            hooks.close();
            throw e;
        }
    }

    /** config-test: everything {@link #prepare} checks, except that hook libraries are only validated, not loaded. */
    public static void check(Dhcp4Config config) throws ConfigException {
        check(config, BuiltinLibraries.standard());
    }

    /** config-test with the server's bundled libraries. */
    public static void check(Dhcp4Config config, BuiltinLibraries builtins) throws ConfigException {
        compileClasses(config);
        try {
            HookLibraries.validate(specs(config), environment(config, null, builtins));
        } catch (HookLoadException e) {
            throw refused(e);
        }
    }

    private static Classifier compileClasses(Dhcp4Config config) throws ConfigException {
        List<ConfigError> errors = new ArrayList<>();
        List<ClassDefinition> defs = new ArrayList<>();
        Set<String> defined = new HashSet<>();
        for (ClientClassDef c : config.clientClasses()) {
            Expr test = null;
            if (c.test() != null && !c.test().isBlank()) {
                try {
                    test = ExpressionParser.parse(c.test(), new ExprUniverse4(config.optionDefinitions(), defined));
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

    private static List<LibrarySpec> specs(Dhcp4Config config) throws ConfigException {
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

    private static HookEnvironment environment(Dhcp4Config config, HookCommands commands, BuiltinLibraries builtins) {
        return HookEnvironment.of(HookPoint.Family.DHCP4, configJson(config), config.globals().parkedPacketLimit(), commands)
                .withBuiltins(builtins);
    }

    private static JsonNode configJson(Dhcp4Config config) {
        try {
            return JSON.readTree(config.json());
        } catch (Exception e) {
            return JSON.createObjectNode();
        }
    }

    private static ConfigException refused(HookLoadException e) {
        return new ConfigException(e.problems().stream().map(p -> new ConfigError(p.path(), p.message())).toList());
    }

    /** The stable view of a subnet that hook events carry. */
    public static SubnetInfo4 info(Subnet4 s) {
        return new SubnetInfo4(s.id(), s.prefix(), s.sharedNetworkName());
    }

    public Dhcp4Config config() { return config; }

    public SubnetSelection selection() { return selection; }

    public HostIndex4 hosts() { return hosts; }

    public Classifier classifier() { return classifier; }

    /** The hook libraries of this config (none when {@code hooks-libraries} is empty). */
    public HookLibraries hooks() { return hooks; }

    /** Every configured subnet as hook events show it (subnet4_select's candidates), in config order. */
    public List<SubnetInfo4> subnetInfos() { return subnetInfos; }
}
