package dev.nestor.engine.host;

import dev.nestor.lease.LeaseStoreException;
import dev.nestor.lease.host.HostStore;
import dev.nestor.lease.host.HostStores;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open host databases of a server, kept across reconfigurations: a new config with the same
 * {@code hosts-databases} entries reuses their connection pools (a {@code reservation-add} to the config, which
 * swaps the config, must not reconnect), and {@link #retainOnly} closes those a swapped-in config no longer names.
 * One per server, owned by it; thread-safe.
 */
public final class HostDatabases implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HostDatabases.class);

    private final ClassLoader loader;
    private final Map<Map<String, String>, HostStore> open = new LinkedHashMap<>();

    public HostDatabases() {
        this(HostDatabases.class.getClassLoader());
    }

    /** With the host backends visible to {@code loader}. */
    public HostDatabases(ClassLoader loader) {
        this.loader = loader;
    }

    /**
     * The stores of {@code specs}, in order, opening those not open yet. If one fails to open, the ones this call
     * opened are closed again and the failure is thrown; already open ones stay.
     */
    public synchronized List<HostStore> open(List<Map<String, String>> specs) throws LeaseStoreException {
        List<HostStore> out = new ArrayList<>(specs.size());
        List<Map<String, String>> opened = new ArrayList<>();
        try {
            for (Map<String, String> spec : specs) {
                HostStore s = open.get(spec);
                if (s == null) {
                    s = HostStores.open(spec, loader);
                    open.put(Map.copyOf(spec), s);
                    opened.add(spec);
                    log.info("opened {}", s.describe());
                }
                out.add(s);
            }
            return List.copyOf(out);
        } catch (LeaseStoreException | RuntimeException e) {
            for (Map<String, String> spec : opened) closeQuietly(open.remove(spec));
            throw e;
        }
    }

    /** Closes every store whose spec is not in {@code specs} (after a config without them went live). */
    public synchronized void retainOnly(List<Map<String, String>> specs) {
        open.entrySet().removeIf(e -> {
            if (specs.contains(e.getKey())) return false;
            closeQuietly(e.getValue());
            return true;
        });
    }

    @Override
    public synchronized void close() {
        for (HostStore s : open.values()) closeQuietly(s);
        open.clear();
    }

    private static void closeQuietly(HostStore s) {
        if (s == null) return;
        try {
            s.close();
        } catch (RuntimeException e) {
            log.warn("closing {}: {}", s.describe(), e.toString());
        }
    }
}
