package dev.nestor.dhcp6.respond;

import dev.nestor.config.model.ClientClassDef;
import dev.nestor.config.model.OptionData;
import dev.nestor.config.model.SharedNetwork6;
import dev.nestor.dhcp6.pipeline.Exchange6;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The option-data that applies to one DHCPv6 exchange, in Kea's precedence order: host reservation, pool, pd-pool,
 * subnet, shared network, client classes (in definition order), global. The first match for a code wins.
 */
public final class OptionChain6 {
    private final List<List<OptionData>> levels;
    private final Set<String> classes;

    public OptionChain6(Exchange6 ex) {
        this.classes = ex.classes();
        List<List<OptionData>> l = new ArrayList<>();
        if (ex.reservation() != null) l.add(ex.reservation().options());
        if (ex.pool() != null) l.add(ex.pool().options());
        if (ex.pdPool() != null) l.add(ex.pdPool().options());
        if (ex.subnet() != null) {
            l.add(ex.subnet().options());
            if (ex.subnet().sharedNetworkName() != null) {
                ex.runtime().config().sharedNetwork(ex.subnet().sharedNetworkName()).map(SharedNetwork6::options).ifPresent(l::add);
            }
        }
        for (ClientClassDef c : ex.runtime().config().clientClasses()) {
            if (classes.contains(c.name())) l.add(c.options());
        }
        l.add(ex.runtime().config().globalOptions());
        this.levels = List.copyOf(l);
    }

    /** The highest-precedence option-data for a code in a space whose class guard admits the client. */
    public Optional<OptionData> find(String space, int code) {
        for (List<OptionData> level : levels) {
            for (OptionData od : level) {
                if (od.code() == code && od.space().equals(space) && admits(od)) return Optional.of(od);
            }
        }
        return Optional.empty();
    }

    /** Every distinct code in a space, each at its highest precedence. */
    public List<OptionData> allIn(String space) {
        List<OptionData> out = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (List<OptionData> level : levels) {
            for (OptionData od : level) {
                if (od.space().equals(space) && admits(od) && seen.add(od.code())) out.add(od);
            }
        }
        return out;
    }

    /**
     * Every option-data of a space at every level (not only the first per code) whose class guard admits the
     * client, highest precedence first: Kea looks at all levels for always-send and never-send flags and for the
     * per-enterprise instances of vendor-class and vendor-opts.
     */
    public List<OptionData> everyIn(String space) {
        List<OptionData> out = new ArrayList<>();
        for (List<OptionData> level : levels) {
            for (OptionData od : level) if (od.space().equals(space) && admits(od)) out.add(od);
        }
        return out;
    }

    private boolean admits(OptionData od) {
        if (od.clientClasses().isEmpty()) return true;
        for (String c : od.clientClasses()) if (classes.contains(c)) return true;
        return false;
    }
}
