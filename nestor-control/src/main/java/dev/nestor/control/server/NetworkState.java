package dev.nestor.control.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Kea's NetworkState: the DHCP service is disabled while at least one origin holds it disabled (the user through
 * {@code dhcp-disable}, an HA partner, a lost database connection). While disabled, queries are dropped and
 * counted. {@code max-period} re-enables the origin after a delay unless {@code dhcp-enable} came first.
 * Thread-safe; {@link #close()} cancels pending re-enables.
 */
public final class NetworkState implements AutoCloseable {
    /** Kea's origin numbers: user commands, HA local (1000+), HA remote (2000+), database connection (3000+). */
    public static final int USER_COMMAND = 1;
    public static final int HA_LOCAL_COMMAND = 1000;
    public static final int HA_REMOTE_COMMAND = 2000;
    public static final int DB_CONNECTION = 3000;

    private final TreeSet<Integer> disabledBy = new TreeSet<>();
    private final Map<Integer, ScheduledFuture<?>> timers = new HashMap<>();
    private ScheduledExecutorService scheduler;

    /** {@return true when no origin holds the service disabled} */
    public synchronized boolean isServiceEnabled() {
        return disabledBy.isEmpty();
    }

    public synchronized void disableService(int origin) {
        disabledBy.add(origin);
    }

    /** Removes {@code origin}'s hold (and its pending timer); the service resumes when no hold is left. */
    public synchronized void enableService(int origin) {
        disabledBy.remove(origin);
        ScheduledFuture<?> t = timers.remove(origin);
        if (t != null) t.cancel(false);
    }

    /** Re-enables {@code origin} after {@code seconds} unless it is enabled earlier (Kea's delayedEnableService). */
    public synchronized void delayedEnableService(long seconds, int origin) {
        if (scheduler == null) {
            scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("network-state").daemon(true).factory());
        }
        ScheduledFuture<?> old = timers.remove(origin);
        if (old != null) old.cancel(false);
        timers.put(origin, scheduler.schedule(() -> enableService(origin), seconds, TimeUnit.SECONDS));
    }

    /** {@return Kea's {@code dhcp-state} map of status-get} */
    public synchronized ObjectNode toJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode();
        o.put("globally-disabled", !disabledBy.isEmpty());
        ArrayNode local = f.arrayNode();
        ArrayNode remote = f.arrayNode();
        ArrayNode db = f.arrayNode();
        for (int origin : disabledBy) {
            if (origin >= HA_LOCAL_COMMAND && origin < HA_REMOTE_COMMAND) local.add(origin);
            else if (origin >= HA_REMOTE_COMMAND && origin < DB_CONNECTION) remote.add(origin);
            else if (origin >= DB_CONNECTION) db.add(origin);
        }
        o.put("disabled-by-user", disabledBy.contains(USER_COMMAND));
        o.set("disabled-by-local-command", local);
        o.set("disabled-by-remote-command", remote);
        o.set("disabled-by-db-connection", db);
        return o;
    }

    @Override
    public synchronized void close() {
        timers.values().forEach(t -> t.cancel(false));
        timers.clear();
        if (scheduler != null) scheduler.shutdownNow();
    }
}
