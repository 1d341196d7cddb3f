package dev.nestor.dhcp4.respond;

import dev.nestor.config.model.ClientClassDef;
import dev.nestor.config.model.OptionData;
import dev.nestor.config.model.SharedNetwork4;
import dev.nestor.dhcp4.pipeline.Exchange4;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The option-data that applies to one exchange, in Kea's precedence order: host reservation, pool, subnet,
 * shared network, client classes (in definition order), global. The first match for a code wins.
 */
public final class OptionChain4 {
    private final List<List<OptionData>> levels;
    private final Set<String> classes;

    public OptionChain4(Exchange4 ex) {
        this.classes = ex.classes();
        List<List<OptionData>> l = new ArrayList<>();
        if (ex.reservation() != null) l.add(ex.reservation().options());
        if (ex.pool() != null) l.add(ex.pool().options());
        if (ex.subnet() != null) {
            l.add(ex.subnet().options());
            if (ex.subnet().sharedNetworkName() != null) {
                ex.runtime().config().sharedNetwork(ex.subnet().sharedNetworkName()).map(SharedNetwork4::options).ifPresent(l::add);
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

    /** Every distinct (code) in a space, each at its highest precedence. */
    public List<OptionData> allIn(String space) {
        List<OptionData> out = new ArrayList<>();
        List<Integer> seen = new ArrayList<>();
        for (List<OptionData> level : levels) {
            for (OptionData od : level) {
                if (od.space().equals(space) && admits(od) && !seen.contains(od.code())) {
                    seen.add(od.code());
                    out.add(od);
                }
            }
        }
        return out;
    }

    private boolean admits(OptionData od) {
        if (od.clientClasses().isEmpty()) return true;
        for (String c : od.clientClasses()) if (classes.contains(c)) return true;
        return false;
    }
}
