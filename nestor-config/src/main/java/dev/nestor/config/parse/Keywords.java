package dev.nestor.config.parse;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The allowed keywords of each config scope, after Kea 3.0's {@code dhcp4_parser.yy} and
 * {@code simple_parser4.cc}. A keyword outside its scope's table is an error ({@code unknown parameter 'x'}); a
 * keyword Kea knows but Nestor does not implement is an error naming the feature, never silently dropped.
 */
final class Keywords {
    private Keywords() {}

    /** A scope's table: keyword → null (accepted) or the "not supported yet" message. */
    record Table(String scope, Map<String, String> unsupported, Set<String> accepted) {
        void check(Obj o, String key, JsonNode value) {
            if (accepted.contains(key)) return;
            String why = unsupported.get(key);
            if (why != null) o.error(key, why);
            else o.error(null, "unknown parameter '" + key + "' in " + scope);
        }

        static Table of(String scope, List<String> accepted, Map<String, String> unsupported) {
            return new Table(scope, Map.copyOf(unsupported), Set.copyOf(accepted));
        }
    }

    // Parameters shared by global, shared-network and subnet scopes (inheritable values).
    private static final List<String> NETWORK_COMMON = List.of(
            "valid-lifetime", "min-valid-lifetime", "max-valid-lifetime", "renew-timer", "rebind-timer",
            "option-data", "match-client-id", "authoritative", "next-server", "server-hostname", "boot-file-name",
            "reservations-global", "reservations-in-subnet", "reservations-out-of-pool", "calculate-tee-times",
            "t1-percent", "t2-percent", "cache-threshold", "cache-max-age", "hostname-char-set",
            "hostname-char-replacement", "store-extended-info", "allocator", "offer-lifetime", "user-context", "comment");

    private static final List<String> DDNS = List.of(
            "ddns-send-updates", "ddns-override-no-update", "ddns-override-client-update", "ddns-replace-client-name",
            "ddns-generated-prefix", "ddns-qualifying-suffix", "ddns-update-on-renew", "ddns-use-conflict-resolution",
            "ddns-conflict-resolution-mode", "ddns-ttl-percent", "ddns-ttl", "ddns-ttl-min", "ddns-ttl-max");

    private static List<String> concat(List<String> a, List<String> b, List<String> c) {
        ArrayList<String> l = new ArrayList<>(a);
        l.addAll(b);
        l.addAll(c);
        return l;
    }

    static final Table GLOBAL = Table.of("Dhcp4", concat(NETWORK_COMMON, DDNS, List.of(
            "decline-probation-period", "subnet4", "shared-networks", "interfaces-config", "lease-database",
            "host-reservation-identifiers", "client-classes", "option-def", "hooks-libraries",
            "expired-leases-processing", "dhcp4o6-port", "control-socket", "control-sockets", "dhcp-queue-control",
            "dhcp-ddns", "echo-client-id", "sanity-checks", "reservations", "server-tag", "loggers",
            "statistic-default-sample-count", "statistic-default-sample-age", "multi-threading",
            "early-global-reservations-lookup", "ip-reservations-unique", "reservations-lookup-first",
            "compatibility", "parked-packet-limit", "stash-agent-options")),
            Map.of("config-control", "configuration backends (config-control) are not supported yet",
                    "hosts-database", "host databases (hosts-database) are not supported yet",
                    "hosts-databases", "host databases (hosts-databases) are not supported yet"));

    static final Table SHARED_NETWORK = Table.of("shared-networks", concat(NETWORK_COMMON, DDNS, List.of(
            "name", "subnet4", "interface", "relay", "client-class", "client-classes", "require-client-classes",
            "evaluate-additional-classes")), Map.of());

    static final Table SUBNET = Table.of("subnet4", concat(NETWORK_COMMON, DDNS, List.of(
            "pools", "subnet", "interface", "id", "client-class", "client-classes", "require-client-classes",
            "evaluate-additional-classes", "reservations", "relay", "4o6-interface", "4o6-interface-id",
            "4o6-subnet")), Map.of());

    static final Table POOL = Table.of("pools", concat(DDNS.stream().filter(k -> !k.equals("ddns-use-conflict-resolution")).toList(),
            List.of("hostname-char-set", "hostname-char-replacement"),
            List.of("pool", "pool-id", "option-data", "client-class", "client-classes", "require-client-classes",
                    "evaluate-additional-classes", "user-context", "comment")),
            Map.of());

    static final Table OPTION_DATA = Table.of("option-data", List.of("name", "data", "code", "space", "csv-format",
            "always-send", "never-send", "user-context", "comment", "client-classes"), Map.of());

    static final Table OPTION_DEF = Table.of("option-def", List.of("name", "code", "type", "record-types", "space",
            "encapsulate", "array", "user-context", "comment"), Map.of());

    static final Table RESERVATION = Table.of("reservations", List.of("hw-address", "duid", "circuit-id",
            "client-id", "flex-id", "ip-address", "hostname", "option-data", "next-server", "server-hostname",
            "boot-file-name", "client-classes", "user-context", "comment"), Map.of());

    static final Table CLIENT_CLASS = Table.of("client-classes", List.of("name", "test", "only-if-required",
            "only-in-additional-list", "option-def", "option-data", "next-server", "server-hostname",
            "boot-file-name", "user-context", "comment", "valid-lifetime", "min-valid-lifetime",
            "max-valid-lifetime", "offer-lifetime"),
            Map.of("template-test", "template client classes (template-test) are not supported yet"));

    static final Table INTERFACES = Table.of("interfaces-config", List.of("interfaces", "dhcp-socket-type",
            "outbound-interface", "re-detect", "service-sockets-require-all", "service-sockets-retry-wait-time",
            "service-sockets-max-retries", "user-context", "comment"), Map.of());

    static final Table DATABASE = Table.of("lease-database", List.of("type", "user", "password", "host", "port",
            "name", "persist", "lfc-interval", "readonly", "connect-timeout", "read-timeout", "write-timeout",
            "tcp-user-timeout", "max-reconnect-tries", "reconnect-wait-time", "on-fail", "retry-on-startup",
            "max-row-errors", "trust-anchor", "cert-file", "key-file", "cipher-list", "user-context", "comment"),
            Map.of());

    static final Table HOOKS = Table.of("hooks-libraries", List.of("library", "parameters"), Map.of());

    static final Table EXPIRED = Table.of("expired-leases-processing", List.of("reclaim-timer-wait-time",
            "flush-reclaimed-timer-wait-time", "hold-reclaimed-time", "max-reclaim-leases", "max-reclaim-time",
            "unwarned-reclaim-cycles"), Map.of());

    static final Table CONTROL_SOCKET = Table.of("control-socket", List.of("socket-type", "socket-name",
            "socket-address", "socket-port", "authentication", "trust-anchor", "cert-file", "key-file",
            "cert-required", "http-headers", "user-context", "comment"), Map.of());

    static final Table DHCP_DDNS = Table.of("dhcp-ddns", List.of("enable-updates", "server-ip", "server-port",
            "sender-ip", "sender-port", "max-queue-size", "ncr-protocol", "ncr-format", "user-context", "comment"),
            Map.of());

    static final Table LOGGER = Table.of("loggers", List.of("name", "output-options", "output_options",
            "debuglevel", "severity", "user-context", "comment"), Map.of());

    static final Table LOGGER_OUTPUT = Table.of("output-options", List.of("output", "flush", "maxsize", "maxver",
            "pattern"), Map.of());

    static final Table MULTI_THREADING = Table.of("multi-threading", List.of("enable-multi-threading",
            "thread-pool-size", "packet-queue-size", "user-context", "comment"), Map.of());

    static final Table SANITY = Table.of("sanity-checks", List.of("lease-checks", "extended-info-checks"), Map.of());

    static final Table COMPATIBILITY = Table.of("compatibility", List.of("lenient-option-parsing",
            "ignore-dhcp-server-identifier", "ignore-rai-link-selection", "exclude-first-last-24"), Map.of());

    static final Table RELAY = Table.of("relay", List.of("ip-addresses"), Map.of());

}
