package dev.nestor.transport;

import dev.nestor.common.Bytes;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Kea's DHCPv6 interface rules applied to packets. On a listened interface Kea binds its link-local addresses and
 * joins ff02::1:2; {@code "eth0/2001:db8::1"} adds a socket on that unicast address. So: multicast to ff02::1:2 and
 * unicast to a link-local address are accepted on every listened interface, unicast to any other address only when
 * it was configured for that interface. {@code "*"} (or an empty list) means every non-loopback interface; loopback
 * only when named.
 */
final class InterfaceSelection6 {
    private static final Bytes GROUP = Bytes.of(Ipv6Text.ALL_DHCP_RELAY_AGENTS_AND_SERVERS);

    private final boolean wildcard;
    /** name → unicast addresses configured with "name/address" (empty: link-local and multicast only). */
    private final Map<String, Set<Bytes>> named;

    private InterfaceSelection6(boolean wildcard, Map<String, Set<Bytes>> named) {
        this.wildcard = wildcard;
        this.named = named;
    }

    static InterfaceSelection6 of(List<InterfaceSpec6> specs) {
        boolean wildcard = specs.isEmpty();
        Map<String, Set<Bytes>> named = new HashMap<>();
        for (InterfaceSpec6 s : specs) {
            if (s.isWildcard()) {
                wildcard = true;
                continue;
            }
            Set<Bytes> addrs = named.computeIfAbsent(s.name(), _ -> new HashSet<>());
            if (s.hasAddress()) addrs.add(Bytes.of(s.address())); // unlike v4, "eth0" and "eth0/addr" add up
        }
        Map<String, Set<Bytes>> frozen = new HashMap<>();
        named.forEach((k, v) -> frozen.put(k, Set.copyOf(v)));
        return new InterfaceSelection6(wildcard, Map.copyOf(frozen));
    }

    /** Fails when a named interface or address does not exist, as Kea rejects such a configuration. */
    void validate(List<NetInterface> all) throws IOException {
        for (var e : named.entrySet()) {
            NetInterface ni = all.stream().filter(i -> i.name().equals(e.getKey())).findFirst()
                    .orElseThrow(() -> new IOException("interface " + e.getKey() + " does not exist"));
            for (Bytes a : e.getValue())
                if (!ni.hasIpv6(a.toArray()))
                    throw new IOException("interface " + ni.name() + " has no address " + Ipv6Text.toString(a.toArray()));
        }
    }

    /** Whether packets arriving on {@code ni} are wanted at all. */
    boolean accepts(NetInterface ni) {
        return named.containsKey(ni.name()) || (wildcard && !ni.loopback());
    }

    /** Whether the interface was named in the configuration (failing to listen on it is then an error). */
    boolean named(NetInterface ni) { return named.containsKey(ni.name()); }

    /** Whether the ff02::1:2 group should be joined on {@code ni} when the transport opens. */
    boolean joins(NetInterface ni) {
        return named.containsKey(ni.name()) || (wildcard && ni.up() && !ni.loopback());
    }

    /** Whether a packet on an accepted interface with this IPv6 destination is wanted. */
    boolean acceptsDestination(NetInterface ni, byte[] destination) {
        if (Ipv6Text.isMulticast(destination)) return GROUP.equals(Bytes.of(destination));
        if (Ipv6Text.isLinkLocal(destination)) return true;
        Set<Bytes> only = named.get(ni.name());
        return only != null && only.contains(Bytes.of(destination));
    }

    /** The interfaces to report as listening, with IPv6 lists narrowed to link-local and configured addresses. */
    List<NetInterface> listening(List<NetInterface> all) {
        List<NetInterface> out = new ArrayList<>();
        for (NetInterface ni : all) {
            Set<Bytes> only = named.get(ni.name());
            if (only == null && !(wildcard && ni.up() && !ni.loopback())) continue;
            Set<Bytes> unicast = only == null ? Set.of() : only;
            out.add(ni.withAddresses(ni.ipv4(),
                    ni.ipv6().stream().filter(a -> a.linkLocal() || unicast.contains(Bytes.of(a.address()))).toList()));
        }
        return List.copyOf(out);
    }
}
