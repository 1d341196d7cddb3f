package dev.nestor.config.model;

import dev.nestor.codec.option.OptionDefinitions;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed, validated {@code Dhcp4} configuration. Immutable: a reconfiguration builds a new instance.
 *
 * @param leaseDatabase     Kea's lease-database map, values as text; "type" defaults to "memfile"
 * @param hostsDatabases    Kea's hosts-database / hosts-databases maps (values as text), in lookup order; empty when none
 * @param optionDefinitions the standard DHCPv4 definitions plus the global {@code option-def} entries
 * @param clientClasses     in config order
 * @param subnets           ALL subnets, including those inside shared networks, with inheritance resolved, in
 *                          config order (top-level subnets first, then each network's)
 * @param globalReservations reservations at the global level (subnetId 0)
 * @param json              canonical JSON text of the Dhcp4 object as parsed (for config-get)
 */
public record Dhcp4Config(InterfacesConfig interfaces, Map<String, String> leaseDatabase,
                          List<Map<String, String>> hostsDatabases, OptionDefinitions optionDefinitions,
                          List<OptionData> globalOptions, List<ClientClassDef> clientClasses,
                          List<SharedNetwork4> sharedNetworks, List<Subnet4> subnets,
                          List<Reservation4> globalReservations, GlobalParams4 globals,
                          ExpiredLeasesProcessing expiredLeasesProcessing, List<HooksLibrarySpec> hooksLibraries,
                          List<ControlSocketSpec> controlSockets, List<LoggerConfig> loggers,
                          DdnsConnectivity dhcpDdns, String json) {
    public Dhcp4Config {
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

    public Optional<Subnet4> subnet(long id) {
        for (Subnet4 s : subnets) if (s.id() == id) return Optional.of(s);
        return Optional.empty();
    }

    public Optional<SharedNetwork4> sharedNetwork(String name) {
        for (SharedNetwork4 n : sharedNetworks) if (n.name().equals(name)) return Optional.of(n);
        return Optional.empty();
    }

    public Optional<ClientClassDef> clientClass(String name) {
        for (ClientClassDef c : clientClasses) if (c.name().equals(name)) return Optional.of(c);
        return Optional.empty();
    }

    /** The subnets of one shared network, in the network's order. */
    public List<Subnet4> subnetsOf(SharedNetwork4 network) {
        return subnets.stream().filter(s -> network.name().equals(s.sharedNetworkName())).toList();
    }

    /** The lease database type: "memfile", "mysql" or "postgresql". */
    public String leaseDatabaseType() { return leaseDatabase.getOrDefault("type", "memfile"); }
}
