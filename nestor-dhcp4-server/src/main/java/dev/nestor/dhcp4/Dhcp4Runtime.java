package dev.nestor.dhcp4;

import dev.nestor.classify.ClassDefinition;
import dev.nestor.classify.Classifier;
import dev.nestor.classify.expr.Expr;
import dev.nestor.classify.expr.ExpressionException;
import dev.nestor.classify.expr.ExpressionParser;
import dev.nestor.config.ConfigError;
import dev.nestor.config.ConfigException;
import dev.nestor.config.model.ClientClassDef;
import dev.nestor.config.model.Dhcp4Config;
import dev.nestor.engine.host.HostIndex4;
import dev.nestor.engine.select.SubnetSelection;
import dev.nestor.lease.LeaseStore4;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A validated config plus what the server derives from it once (compiled class expressions, reservation and
 * subnet indexes). Immutable: the server swaps the whole runtime on reconfiguration, and each packet reads one
 * snapshot from start to end.
 */
public final class Dhcp4Runtime {
    private final Dhcp4Config config;
    private final SubnetSelection selection;
    private final HostIndex4 hosts;
    private final Classifier classifier;
    private final LeaseStore4 store;

    private Dhcp4Runtime(Dhcp4Config config, SubnetSelection selection, HostIndex4 hosts, Classifier classifier, LeaseStore4 store) {
        this.config = config;
        this.selection = selection;
        this.hosts = hosts;
        this.classifier = classifier;
        this.store = store;
    }

    /** The same runtime bound to the lease store it serves from (opened, or kept, by the server). */
    public Dhcp4Runtime withStore(LeaseStore4 leaseStore) {
        return new Dhcp4Runtime(config, selection, hosts, classifier, leaseStore);
    }

    /** The lease store; null until {@link #withStore} bound one. */
    public LeaseStore4 store() { return store; }

    /** Compiles the class expressions; errors name the JSON path of the faulty test. */
    public static Dhcp4Runtime prepare(Dhcp4Config config) throws ConfigException {
        List<ConfigError> errors = new ArrayList<>();
        // hook libraries change behaviour (commands, lease handling): ignoring one silently would mislead
        for (var hook : config.hooksLibraries()) {
            errors.add(new ConfigError(hook.path() + ".library", "hook library '" + hook.library() + "' is not supported yet"));
        }
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
        return new Dhcp4Runtime(config, new SubnetSelection(config), new HostIndex4(config), new Classifier(defs), null);
    }

    public Dhcp4Config config() { return config; }

    public SubnetSelection selection() { return selection; }

    public HostIndex4 hosts() { return hosts; }

    public Classifier classifier() { return classifier; }
}
