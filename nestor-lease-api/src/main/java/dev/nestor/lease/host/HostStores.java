package dev.nestor.lease.host;

import dev.nestor.lease.LeaseStoreException;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeSet;

/** Opens a host store by the {@code type} of its {@code hosts-database} map. */
public final class HostStores {
    private HostStores() {}

    /** Opens with the providers visible to this class's loader. */
    public static HostStore open(Map<String, String> params) throws LeaseStoreException {
        return open(params, HostStores.class.getClassLoader());
    }

    /** Opens with the providers visible to {@code loader}. */
    public static HostStore open(Map<String, String> params, ClassLoader loader) throws LeaseStoreException {
        String type = params.get("type");
        if (type == null || type.isBlank()) throw new LeaseStoreException("hosts-database has no 'type'");
        TreeSet<String> available = new TreeSet<>();
        for (HostStoreProvider provider : ServiceLoader.load(HostStoreProvider.class, loader)) {
            if (provider.type().equals(type)) return provider.open(params);
            available.add(provider.type());
        }
        throw new LeaseStoreException("hosts-database type '" + type + "' is not supported by this build (available: "
                + (available.isEmpty() ? "none" : String.join(", ", available)) + ")");
    }
}
