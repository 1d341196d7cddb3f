package dev.nestor.control.server;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the commands every Kea daemon answers (status-get, config-get, config-test, leases-reclaim, ...) need from a
 * running DHCP server, whatever its protocol. The DHCPv6 server implements it; the DHCPv4 server can adopt it by
 * implementing these few methods and calling {@link ServerCommands#registerAll}.
 */
public interface ManagedServer {
    /** The config's top-level key: {@code "Dhcp4"} or {@code "Dhcp6"}. */
    String configRoot();

    /** Canonical JSON text of the running config's root object (the value under {@link #configRoot()}). */
    String configJson();

    /**
     * Parses and prepares a whole config document ({@code {"Dhcp6": {...}}}) exactly as a reload would, without
     * applying it.
     *
     * @throws Exception whose message lists what is wrong
     */
    void testConfig(JsonNode document) throws Exception;

    /** One reclamation pass now; {@code remove} deletes reclaimed leases instead of keeping them. */
    int reclaimNow(boolean remove);

    long uptimeSeconds();

    long secondsSinceReload();

    int workerThreads();

    int queueSize();
}
