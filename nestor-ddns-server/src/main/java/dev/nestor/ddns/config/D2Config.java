package dev.nestor.ddns.config;

import dev.nestor.config.model.ControlSocketSpec;
import dev.nestor.config.model.LoggerConfig;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed, validated {@code DhcpDdns} configuration (Kea's D2), immutable.
 *
 * @param ipAddress        where NCRs are received (Kea default 127.0.0.1)
 * @param port             NCR port (default 53001)
 * @param dnsServerTimeout milliseconds to wait for a DNS server's answer (default 500)
 * @param maxQueueSize     NCRs waiting at most (Nestor extension key {@code max-queue-size}; Kea's fixed 1024)
 * @param json             the {@code DhcpDdns} map's canonical JSON text (config-get, config-hash-get)
 */
public record D2Config(InetAddress ipAddress, int port, long dnsServerTimeout, String ncrProtocol, String ncrFormat,
                       int maxQueueSize, List<TsigKeySpec> tsigKeys, List<DdnsDomain> forwardDomains,
                       List<DdnsDomain> reverseDomains, List<ControlSocketSpec> controlSockets,
                       List<LoggerConfig> loggers, String json) {
    public static final int DEFAULT_PORT = 53001;
    public static final long DEFAULT_DNS_SERVER_TIMEOUT = 500;
    public static final int DEFAULT_MAX_QUEUE_SIZE = 1024;

    public D2Config {
        Objects.requireNonNull(ipAddress, "ipAddress");
        tsigKeys = List.copyOf(tsigKeys);
        forwardDomains = List.copyOf(forwardDomains);
        reverseDomains = List.copyOf(reverseDomains);
        controlSockets = List.copyOf(controlSockets);
        loggers = List.copyOf(loggers);
        Objects.requireNonNull(json, "json");
    }

    public Optional<TsigKeySpec> key(String name) {
        return tsigKeys.stream().filter(k -> k.name().equals(name)).findFirst();
    }

    /** The forward domain for a name: Kea's longest suffix match on label boundaries, then the wildcard. */
    public Optional<DdnsDomain> matchForward(String fqdn) {
        return DomainMatch.longest(forwardDomains, fqdn);
    }

    /** The reverse domain for an address (matched on its in-addr.arpa / ip6.arpa name). */
    public Optional<DdnsDomain> matchReverse(InetAddress address) {
        return DomainMatch.longest(reverseDomains, ReverseName.of(address));
    }
}
