package dev.nestor.dhcp6;

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
import dev.nestor.engine.v6.HostIndex6;
import dev.nestor.engine.v6.SubnetSelection6;
import dev.nestor.lease.LeaseStore6;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A validated DHCPv6 config plus what the server derives from it once (compiled class expressions, reservation and
 * subnet indexes), bound to the lease store and the server DUID. Immutable: the server swaps the whole runtime on
 * reconfiguration, and each packet reads one snapshot from start to end.
 */
public final class Dhcp6Runtime {
    private final Dhcp6Config config;
    private final SubnetSelection6 selection;
    private final HostIndex6 hosts;
    private final Classifier classifier;
    private final LeaseStore6 store;
    private final Bytes serverId;

    private Dhcp6Runtime(Dhcp6Config config, SubnetSelection6 selection, HostIndex6 hosts, Classifier classifier,
                         LeaseStore6 store, Bytes serverId) {
        this.config = config;
        this.selection = selection;
        this.hosts = hosts;
        this.classifier = classifier;
        this.store = store;
        this.serverId = serverId;
    }

    /**
     * Compiles the class expressions and refuses what the server cannot do yet (hook libraries); errors name the
     * JSON path. The same check serves {@code -t}, config-test and reconfiguration.
     */
    public static Dhcp6Runtime prepare(Dhcp6Config config) throws ConfigException {
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
                    test = ExpressionParser.parse(c.test(), new ExprUniverse6(config.optionDefinitions(), defined));
                } catch (ExpressionException e) {
                    errors.add(new ConfigError(c.path() + ".test", e.getMessage()));
                }
            }
            defined.add(c.name());
            defs.add(new ClassDefinition(c.name(), test, c.onlyInAdditionalList()));
        }
        if (!errors.isEmpty()) throw new ConfigException(errors);
        return new Dhcp6Runtime(config, new SubnetSelection6(config), new HostIndex6(config), new Classifier(defs), null, null);
    }

    /** The same runtime serving from {@code leaseStore} and answering as {@code serverDuid}. */
    public Dhcp6Runtime bind(LeaseStore6 leaseStore, Bytes serverDuid) {
        return new Dhcp6Runtime(config, selection, hosts, classifier, leaseStore, serverDuid);
    }

    public Dhcp6Config config() { return config; }

    public SubnetSelection6 selection() { return selection; }

    public HostIndex6 hosts() { return hosts; }

    public Classifier classifier() { return classifier; }

    /** The lease store; null until {@link #bind}. */
    public LeaseStore6 store() { return store; }

    /** The server's DUID, sent in SERVERID; null until {@link #bind}. */
    public Bytes serverId() { return serverId; }
}
