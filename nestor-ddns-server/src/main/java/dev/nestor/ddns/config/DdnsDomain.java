package dev.nestor.ddns.config;

import java.util.List;
import java.util.Objects;

/**
 * One {@code ddns-domains} entry: a zone and the servers to update it on, tried in order.
 *
 * @param name    the zone as configured ({@code "*"} is Kea's wildcard domain)
 * @param keyName the domain's default TSIG key, "" for none
 */
public record DdnsDomain(String name, String keyName, List<DnsServerSpec> servers, String path) {
    public static final String WILDCARD = "*";

    public DdnsDomain {
        Objects.requireNonNull(name, "name");
        keyName = keyName == null ? "" : keyName;
        servers = List.copyOf(servers);
        path = path == null ? "" : path;
    }

    public boolean isWildcard() {
        return WILDCARD.equals(name);
    }
}
