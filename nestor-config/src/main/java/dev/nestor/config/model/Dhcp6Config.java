package dev.nestor.config.model;

import dev.nestor.codec.option.OptionDefinitions;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed, validated {@code Dhcp6} configuration. Immutable: a reconfiguration builds a new instance.
 *
 * @param interfaces         interface entries keep Kea's text ({@code "eth0"}, {@code "eth0/2001:db8::1"} for a
 *                           unicast address, {@code "*"}); socket type is always "udp" for DHCPv6
 * @param leaseDatabase      Kea's lease-database map, values as text; "type" defaults to "memfile"
 * @param hostsDatabases     Kea's hosts-database / hosts-databases maps (values as text), in lookup order; empty when none
 * @param optionDefinitions  the standard DHCPv6 definitions plus the global {@code option-def} entries
 * @param clientClasses      in config order
 * @param subnets            ALL subnets, including those inside shared networks, with inheritance resolved, in
 *                           config order (top-level subnets first, then each network's)
 * @param globalReservations reservations at the global level (subnetId 0)
 * @param hooksLibraries     recorded as written; the server decides whether it can load them
 * @param json               canonical JSON text of the Dhcp6 object as parsed (for config-get)
 */
public record Dhcp6Config(InterfacesConfig interfaces, Map<String, String> leaseDatabase,
                          List<Map<String, String>> hostsDatabases, OptionDefinitions optionDefinitions,
                          List<OptionData> globalOptions, List<ClientClassDef> clientClasses,
                          List<SharedNetwork6> sharedNetworks, List<Subnet6> subnets,
                          List<Reservation6> globalReservations, GlobalParams6 globals,
                          ExpiredLeasesProcessing expiredLeasesProcessing, List<HooksLibrarySpec> hooksLibraries,
                          List<ControlSocketSpec> controlSockets, List<LoggerConfig> loggers,
                          DdnsConnectivity dhcpDdns, String json) {
    /** Kea's memfile lease file name for DHCPv6 when lease-database sets no "name". */
    public static final String DEFAULT_LEASE_FILE = "kea-leases6.csv";

    public Dhcp6Config {
        Objects.requireNonNull(interfaces, "interfaces");
        leaseDatabase = Map.copyOf(leaseDatabase);
        hostsDatabases = hostsDatabases.stream().map(Map::copyOf).toList();
        Objects.requireNonNull(optionDefinitions, "optionDefinitions");
        globalOptions = List.copyOf(globalOptions);
        clientClasses = List.copyOf(clientClasses);
        sharedNetworks = List.copyOf(sharedNetworks);
        subnets = List.copyOf(subnets);
        globalReservations = List.copyOf(globalReservations);
        Objects.requireNonNull(globals, "globals");
        Objects.requireNonNull(expiredLeasesProcessing, "expiredLeasesProcessing");
        hooksLibraries = List.copyOf(hooksLibraries);
        controlSockets = List.copyOf(controlSockets);
        loggers = List.copyOf(loggers);
        Objects.requireNonNull(dhcpDdns, "dhcpDdns");
        json = json == null ? "{}" : json;
    }

    public Optional<Subnet6> subnet(long id) {
        for (Subnet6 s : subnets) if (s.id() == id) return Optional.of(s);
        return Optional.empty();
    }

    public Optional<SharedNetwork6> sharedNetwork(String name) {
        for (SharedNetwork6 n : sharedNetworks) if (n.name().equals(name)) return Optional.of(n);
        return Optional.empty();
    }

    public Optional<ClientClassDef> clientClass(String name) {
        for (ClientClassDef c : clientClasses) if (c.name().equals(name)) return Optional.of(c);
        return Optional.empty();
    }

    /** The subnets of one shared network, in the network's order. */
    public List<Subnet6> subnetsOf(SharedNetwork6 network) {
        return subnets.stream().filter(s -> network.name().equals(s.sharedNetworkName())).toList();
    }

    /** The lease database type: "memfile", "mysql" or "postgresql". */
    public String leaseDatabaseType() { return leaseDatabase.getOrDefault("type", "memfile"); }

    /** The memfile lease file: the configured "name", else {@link #DEFAULT_LEASE_FILE} (relative to the data dir). */
    public String leaseFileName() { return leaseDatabase.getOrDefault("name", DEFAULT_LEASE_FILE); }
}
