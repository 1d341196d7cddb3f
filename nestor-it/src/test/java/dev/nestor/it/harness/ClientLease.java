package dev.nestor.it.harness;

import java.util.List;
import java.util.Map;

/** What a client's script was told when it got (or renewed) a lease, in one shape for all clients. */
public record ClientLease(String reason, String address, List<String> routers, List<String> dnsServers,
                          String domainName, String hostname, long leaseTime, Map<String, String> env) {
    public ClientLease {
        routers = List.copyOf(routers);
        dnsServers = List.copyOf(dnsServers);
        env = Map.copyOf(env);
    }

    static List<String> words(String s) {
        return s == null || s.isBlank() ? List.of() : List.of(s.trim().split("\\s+"));
    }

    static long number(String s) {
        return s == null || s.isBlank() ? -1 : Long.parseLong(s.trim());
    }
}
