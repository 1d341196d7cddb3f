package dev.nestor.lease;

import java.util.Map;

/**
 * A lease storage backend, found with {@link java.util.ServiceLoader} (list implementations in
 * {@code META-INF/services/dev.nestor.lease.LeaseStoreProvider}). The server knows only the type name, as Kea's
 * {@code LeaseMgrFactory} does. Implementations need a public no-argument constructor and must hold no state.
 */
public interface LeaseStoreProvider {
    /** The value of {@code lease-database.type} this backend serves, e.g. {@code "memfile"}. */
    String type();

    /**
     * Opens a DHCPv4 store.
     *
     * @param parameters Kea's {@code lease-database} map with every value as a string ("type", "persist", "name",
     *                   "lfc-interval", ...)
     * @throws LeaseStoreException if the parameters are invalid or the storage cannot be opened or loaded
     */
    LeaseStore4 open4(Map<String, String> parameters, StoreContext ctx) throws LeaseStoreException;

    /**
     * Opens a DHCPv6 store. Backends that have none keep this default, which refuses.
     *
     * @param parameters Kea's {@code lease-database} map of the {@code Dhcp6} configuration, values as strings
     * @throws LeaseStoreException if this backend has no DHCPv6 store, the parameters are invalid, or the storage
     *                             cannot be opened or loaded
     */
    default LeaseStore6 open6(Map<String, String> parameters, StoreContext ctx) throws LeaseStoreException {
        throw new LeaseStoreException("v6 not supported by " + type());
    }
}
