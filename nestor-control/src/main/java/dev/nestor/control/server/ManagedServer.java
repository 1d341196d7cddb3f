package dev.nestor.control.server;

/**
 * What the commands every Kea DHCP daemon answers the same way (status-get, config-get, dhcp-disable,
 * leases-reclaim, ...; see {@link ServerCommands}) need from a running DHCP server, whatever its protocol. Both the
 * DHCPv4 and the DHCPv6 server implement it.
 */
public interface ManagedServer {
    /** The config's top-level key: {@code "Dhcp4"} or {@code "Dhcp6"}. */
    String configRoot();

    /** Canonical JSON text of the running config's root object (the value under {@link #configRoot()}). */
    String configJson();

    /** The running config's {@code server-tag}, "" when none. */
    String serverTag();

    /** Who holds the DHCP service disabled (dhcp-disable, HA, a lost database); queries are dropped meanwhile. */
    NetworkState networkState();

    /** One reclamation pass now; {@code remove} deletes reclaimed leases instead of keeping them. */
    int reclaimNow(boolean remove);

    long uptimeSeconds();

    long secondsSinceReload();

    int workerThreads();

    /** Whether queries are handled by a worker pool (Kea's enable-multi-threading); the v6 server always is. */
    default boolean multiThreaded() { return true; }

    int queueSize();
}
