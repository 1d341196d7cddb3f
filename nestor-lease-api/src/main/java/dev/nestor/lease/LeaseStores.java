package dev.nestor.lease;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeSet;

/** Opens a lease store by its {@code type} parameter, using the providers visible to a class loader. */
public final class LeaseStores {
    private LeaseStores() {}

    /** Opens with the providers visible to this class's loader. */
    public static LeaseStore4 open4(Map<String, String> params, StoreContext ctx) throws LeaseStoreException {
        return open4(params, ctx, LeaseStores.class.getClassLoader());
    }

    /** Opens with the providers visible to {@code loader} (e.g. a plugin class loader). */
    public static LeaseStore4 open4(Map<String, String> params, StoreContext ctx, ClassLoader loader)
            throws LeaseStoreException {
        return find(params, loader).open4(params, ctx);
    }

    /** Opens a DHCPv6 store with the providers visible to this class's loader. */
    public static LeaseStore6 open6(Map<String, String> params, StoreContext ctx) throws LeaseStoreException {
        return open6(params, ctx, LeaseStores.class.getClassLoader());
    }

    /** Opens a DHCPv6 store with the providers visible to {@code loader}. */
    public static LeaseStore6 open6(Map<String, String> params, StoreContext ctx, ClassLoader loader)
            throws LeaseStoreException {
        return find(params, loader).open6(params, ctx);
    }

    private static LeaseStoreProvider find(Map<String, String> params, ClassLoader loader) throws LeaseStoreException {
        String type = params.get("type");
        if (type == null || type.isBlank()) throw new LeaseStoreException("lease-database has no 'type'");
        for (LeaseStoreProvider provider : ServiceLoader.load(LeaseStoreProvider.class, loader)) {
            if (provider.type().equals(type)) return provider;
        }
        throw new LeaseStoreException("lease-database type '" + type + "' is not supported by this build"
                + " (available: " + String.join(", ", availableTypes(loader)) + ")");
    }

    /** The type names of all providers visible to {@code loader}, sorted. */
    public static java.util.SortedSet<String> availableTypes(ClassLoader loader) {
        TreeSet<String> types = new TreeSet<>();
        for (LeaseStoreProvider provider : ServiceLoader.load(LeaseStoreProvider.class, loader)) types.add(provider.type());
        return types;
    }
}
