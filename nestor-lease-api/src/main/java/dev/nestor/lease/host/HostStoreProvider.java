package dev.nestor.lease.host;

import dev.nestor.lease.LeaseStoreException;
import java.util.Map;

/**
 * A host database backend, found with {@link java.util.ServiceLoader} (list implementations in
 * {@code META-INF/services/dev.nestor.lease.host.HostStoreProvider}), by the {@code type} of a
 * {@code hosts-database} entry, as Kea's {@code HostDataSourceFactory} does. Implementations hold no state.
 */
public interface HostStoreProvider {
    /** The {@code hosts-database.type} this backend serves, e.g. {@code "postgresql"}. */
    String type();

    /**
     * Opens a store.
     *
     * @param parameters one {@code hosts-database} map, every value as text ({@code readonly} among them)
     * @throws LeaseStoreException if the parameters are invalid or the database cannot be opened
     */
    HostStore open(Map<String, String> parameters) throws LeaseStoreException;
}
