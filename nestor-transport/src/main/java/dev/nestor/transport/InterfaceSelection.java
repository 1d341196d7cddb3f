package dev.nestor.transport;

import dev.nestor.common.net.Ipv4;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Kea's interface selection rules applied to packets: {@code "*"} (or an empty list) means every non-loopback
 * interface; loopback only when named; {@code "eth0/192.0.2.1"} accepts broadcasts on eth0 and unicasts to that
 * address only (as Kea's per-address socket would).
 */
final class InterfaceSelection {
    private final boolean wildcard;
    /** name → addresses allowed; an empty set means all of the interface's addresses. */
    private final Map<String, Set<Integer>> named;

    private InterfaceSelection(boolean wildcard, Map<String, Set<Integer>> named) {
        this.wildcard = wildcard;
        this.named = named;
    }

    static InterfaceSelection of(List<InterfaceSpec> specs) {
        boolean wildcard = specs.isEmpty();
        Map<String, Set<Integer>> named = new HashMap<>();
        Set<String> wholeInterface = new HashSet<>();
        for (InterfaceSpec s : specs) {
            if (s.isWildcard()) {
                wildcard = true;
                continue;
            }
            Set<Integer> addrs = named.computeIfAbsent(s.name(), _ -> new HashSet<>());
            if (s.address() == 0) wholeInterface.add(s.name());
            else addrs.add(s.address());
        }
        for (String n : wholeInterface) named.get(n).clear(); // "eth0" wins over "eth0/addr"
        Map<String, Set<Integer>> frozen = new HashMap<>();
        named.forEach((k, v) -> frozen.put(k, Set.copyOf(v)));
        return new InterfaceSelection(wildcard, Map.copyOf(frozen));
    }

    /** Fails when a named interface or address does not exist, as Kea rejects such a configuration. */
    void validate(List<NetInterface> all) throws IOException {
        for (var e : named.entrySet()) {
            NetInterface ni = all.stream().filter(i -> i.name().equals(e.getKey())).findFirst()
                    .orElseThrow(() -> new IOException("interface " + e.getKey() + " does not exist"));
            for (int a : e.getValue())
                if (ni.ipv4().stream().noneMatch(x -> x.address() == a))
                    throw new IOException("interface " + ni.name() + " has no address " + Ipv4.toString(a));
        }
    }

    /** Whether packets arriving on {@code ni} are wanted at all. */
    boolean accepts(NetInterface ni) {
        return named.containsKey(ni.name()) || (wildcard && !ni.loopback());
    }

    /** Whether a packet on an accepted interface with this IP destination is wanted. */
    boolean acceptsDestination(NetInterface ni, int destination) {
        Set<Integer> only = named.get(ni.name());
        if (only == null || only.isEmpty() || destination == Ipv4.BROADCAST) return true;
        return only.contains(destination);
    }

    /** The interfaces to report as listening, with IPv4 lists narrowed to configured addresses. */
    List<NetInterface> listening(List<NetInterface> all) {
        List<NetInterface> out = new ArrayList<>();
        for (NetInterface ni : all) {
            Set<Integer> only = named.get(ni.name());
            if (only == null && !(wildcard && ni.up() && !ni.loopback())) continue;
            if (only == null || only.isEmpty()) {
                out.add(ni);
            } else {
                out.add(ni.withAddresses(ni.ipv4().stream().filter(a -> only.contains(a.address())).toList(), ni.ipv6()));
            }
        }
        return List.copyOf(out);
    }
}
