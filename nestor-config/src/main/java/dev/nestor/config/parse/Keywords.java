package dev.nestor.config.parse;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The allowed keywords of each config scope, after Kea 3.0's {@code dhcp4_parser.yy} / {@code dhcp6_parser.yy}
 * and {@code simple_parser4.cc} / {@code simple_parser6.cc}. A keyword outside its scope's table is an error
 * ({@code unknown parameter 'x'}); a keyword Kea knows but Nestor does not implement is an error naming the
 * feature, never silently dropped. Tables that are the same in both daemons exist once.
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

    // Inheritable parameters both daemons accept at global, shared-network and subnet scope.
    private static final List<String> SCOPE_COMMON = List.of(
            "valid-lifetime", "min-valid-lifetime", "max-valid-lifetime", "renew-timer", "rebind-timer",
            "option-data", "reservations-global", "reservations-in-subnet", "reservations-out-of-pool",
            "calculate-tee-times", "t1-percent", "t2-percent", "cache-threshold", "cache-max-age",
            "hostname-char-set", "hostname-char-replacement", "store-extended-info", "allocator", "user-context",
            "comment");

    private static final List<String> SCOPE_4 = List.of("match-client-id", "authoritative", "next-server",
            "server-hostname", "boot-file-name", "offer-lifetime");

    private static final List<String> SCOPE_6 = List.of("preferred-lifetime", "min-preferred-lifetime",
            "max-preferred-lifetime", "pd-allocator");

    private static final List<String> DDNS = List.of(
            "ddns-send-updates", "ddns-override-no-update", "ddns-override-client-update", "ddns-replace-client-name",
            "ddns-generated-prefix", "ddns-qualifying-suffix", "ddns-update-on-renew", "ddns-use-conflict-resolution",
            "ddns-conflict-resolution-mode", "ddns-ttl-percent", "ddns-ttl", "ddns-ttl-min", "ddns-ttl-max");

    /** Global-only keywords of both daemons. */
    private static final List<String> GLOBAL_COMMON = List.of(
            "decline-probation-period", "shared-networks", "interfaces-config", "lease-database",
            "host-reservation-identifiers", "client-classes", "option-def", "hooks-libraries",
            "expired-leases-processing", "dhcp4o6-port", "control-socket", "control-sockets", "dhcp-queue-control",
            "dhcp-ddns", "sanity-checks", "reservations", "server-tag", "loggers", "statistic-default-sample-count",
            "statistic-default-sample-age", "multi-threading", "early-global-reservations-lookup",
            "ip-reservations-unique", "reservations-lookup-first", "compatibility", "parked-packet-limit",
            "hosts-database", "hosts-databases");

    private static final Map<String, String> GLOBAL_REFUSED = Map.of(
            "config-control", "configuration backends (config-control) are not supported yet");

    /** Network-level (shared network and subnet) keywords of both daemons. */
    private static final List<String> NETWORK_COMMON = List.of("interface", "relay", "client-class",
            "client-classes", "require-client-classes", "evaluate-additional-classes");

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        ArrayList<String> l = new ArrayList<>();
        for (List<String> x : lists) l.addAll(x);
        return l;
    }

    // ---- DHCPv4 ----

    static final Table GLOBAL = Table.of("Dhcp4", concat(SCOPE_COMMON, SCOPE_4, DDNS, GLOBAL_COMMON, List.of(
            "subnet4", "echo-client-id", "stash-agent-options")), GLOBAL_REFUSED);

    static final Table SHARED_NETWORK = Table.of("shared-networks", concat(SCOPE_COMMON, SCOPE_4, DDNS,
            NETWORK_COMMON, List.of("name", "subnet4")), Map.of());

    static final Table SUBNET = Table.of("subnet4", concat(SCOPE_COMMON, SCOPE_4, DDNS, NETWORK_COMMON, List.of(
            "pools", "subnet", "id", "reservations", "4o6-interface", "4o6-interface-id", "4o6-subnet")), Map.of());

    static final Table RESERVATION = Table.of("reservations", List.of("hw-address", "duid", "circuit-id",
            "client-id", "flex-id", "ip-address", "hostname", "option-data", "next-server", "server-hostname",
            "boot-file-name", "client-classes", "user-context", "comment"), Map.of());

    private static final List<String> CLASS_COMMON = List.of("name", "test", "only-if-required",
            "only-in-additional-list", "option-data", "user-context", "comment", "valid-lifetime",
            "min-valid-lifetime", "max-valid-lifetime");

    private static final Map<String, String> CLASS_REFUSED =
            Map.of("template-test", "template client classes (template-test) are not supported yet");

    static final Table CLIENT_CLASS = Table.of("client-classes", concat(CLASS_COMMON, List.of("option-def",
            "next-server", "server-hostname", "boot-file-name", "offer-lifetime")), CLASS_REFUSED);

    private static final List<String> INTERFACES_COMMON = List.of("interfaces", "re-detect",
            "service-sockets-require-all", "service-sockets-retry-wait-time", "service-sockets-max-retries",
            "user-context", "comment");

    static final Table INTERFACES = Table.of("interfaces-config", concat(INTERFACES_COMMON,
            List.of("dhcp-socket-type", "outbound-interface")), Map.of());

    static final Table COMPATIBILITY = Table.of("compatibility", List.of("lenient-option-parsing",
            "ignore-dhcp-server-identifier", "ignore-rai-link-selection", "exclude-first-last-24"), Map.of());

    // ---- DHCPv6 ----

    static final Table GLOBAL6 = Table.of("Dhcp6", concat(SCOPE_COMMON, SCOPE_6, DDNS, GLOBAL_COMMON, List.of(
            "subnet6", "data-directory", "mac-sources", "relay-supplied-options", "server-id")), GLOBAL_REFUSED);

    static final Table SHARED_NETWORK6 = Table.of("shared-networks", concat(SCOPE_COMMON, SCOPE_6, DDNS,
            NETWORK_COMMON, List.of("name", "subnet6", "interface-id", "rapid-commit")), Map.of());

    static final Table SUBNET6 = Table.of("subnet6", concat(SCOPE_COMMON, SCOPE_6, DDNS, NETWORK_COMMON, List.of(
            "pools", "pd-pools", "subnet", "id", "reservations", "interface-id", "rapid-commit")), Map.of());

    static final Table PD_POOL = Table.of("pd-pools", List.of("prefix", "prefix-len", "delegated-len", "pool-id",
            "option-data", "client-class", "client-classes", "require-client-classes", "evaluate-additional-classes",
            "excluded-prefix", "excluded-prefix-len", "user-context", "comment"), Map.of());

    static final Table RESERVATION6 = Table.of("reservations", List.of("duid", "hw-address", "flex-id",
            "ip-addresses", "prefixes", "excluded-prefixes", "hostname", "option-data", "client-classes",
            "user-context", "comment"), Map.of());

    static final Table CLIENT_CLASS6 = Table.of("client-classes", concat(CLASS_COMMON, List.of(
            "preferred-lifetime", "min-preferred-lifetime", "max-preferred-lifetime")), CLASS_REFUSED);

    static final Table INTERFACES6 = Table.of("interfaces-config", INTERFACES_COMMON, Map.of());

    static final Table COMPATIBILITY6 = Table.of("compatibility", List.of("lenient-option-parsing"), Map.of());

    static final Table SERVER_ID = Table.of("server-id", List.of("type", "identifier", "time", "htype",
            "enterprise-id", "persist", "user-context", "comment"), Map.of());

    // ---- the same in both daemons ----

    static final Table POOL = Table.of("pools", concat(DDNS.stream().filter(k -> !k.equals("ddns-use-conflict-resolution")).toList(),
            List.of("hostname-char-set", "hostname-char-replacement"),
            List.of("pool", "pool-id", "option-data", "client-class", "client-classes", "require-client-classes",
                    "evaluate-additional-classes", "user-context", "comment")),
            Map.of());

    static final Table OPTION_DATA = Table.of("option-data", List.of("name", "data", "code", "space", "csv-format",
            "always-send", "never-send", "user-context", "comment", "client-classes"), Map.of());

    static final Table OPTION_DEF = Table.of("option-def", List.of("name", "code", "type", "record-types", "space",
            "encapsulate", "array", "user-context", "comment"), Map.of());

    static final Table DATABASE = Table.of("lease-database", List.of("type", "user", "password", "host", "port",
            "name", "persist", "lfc-interval", "readonly", "connect-timeout", "read-timeout", "write-timeout",
            "tcp-user-timeout", "max-reconnect-tries", "reconnect-wait-time", "on-fail", "retry-on-startup",
            "max-row-errors", "trust-anchor", "cert-file", "key-file", "cipher-list", "user-context", "comment",
            // Nestor's own: memfile durability, SQL connection pool size
            "nestor-sync", "pool-size"),
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
            "thread-pool-size", "packet-queue-size", "nestor-dispatch", "user-context", "comment"), Map.of());

    static final Table SANITY = Table.of("sanity-checks", List.of("lease-checks", "extended-info-checks"), Map.of());

    static final Table RELAY = Table.of("relay", List.of("ip-addresses"), Map.of());
}
