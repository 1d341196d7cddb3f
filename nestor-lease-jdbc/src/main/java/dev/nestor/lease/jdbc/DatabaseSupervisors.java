package dev.nestor.lease.jdbc;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@link DatabaseSupervisor}s of one DHCP server: one for its lease database and one per hosts database, each
 * with its own {@code on-fail}. Stores that are not SQL stores (memfile, the config's reservations) are ignored.
 * Each database holds the service disabled under its own connection number (Kea 2.4+ gives every connection its
 * own {@code DB_CONNECTION} origin), so the service resumes only when every lost database is back.
 *
 * <p>The server tells it which stores are in use after every start and reconfiguration; a store still in use keeps
 * its supervisor (hosts databases stay open across reconfigurations), a store no longer in use loses it.
 * Thread-safe.
 */
public final class DatabaseSupervisors implements AutoCloseable {
    /** Connection number of the lease database; hosts databases get 1, 2, ... */
    public static final int LEASE_DATABASE = 0;

    /** What the supervisors do to the server, per connection number. */
    public interface Actions {
        /** Stop answering queries while database {@code connection} is lost. */
        void disableService(int connection);

        /** Database {@code connection} no longer holds the service disabled. */
        void enableService(int connection);

        /** A database is gone for good: the daemon should exit with {@code status}. Must not block. */
        void exit(int status, String reason);
    }

    private final String server;
    private final Actions actions;
    private Object leaseStore;
    private DatabaseSupervisor leaseSupervisor;
    private final Map<Object, DatabaseSupervisor> hostSupervisors = new IdentityHashMap<>();
    private int nextConnection = LEASE_DATABASE + 1;
    private boolean closed;

    /** For {@code server} ({@code "dhcp4"}, {@code "dhcp6"}: the logger and Kea's message prefix). */
    public DatabaseSupervisors(String server, Actions actions) {
        this.server = Objects.requireNonNull(server, "server");
        this.actions = Objects.requireNonNull(actions, "actions");
    }

    /** The lease store now in use; an SQL store ({@link DatabaseStatus}) is supervised, the previous one no more. */
    public synchronized void leaseStore(Object store) {
        if (closed || store == leaseStore) return;
        if (leaseSupervisor != null) leaseSupervisor.close();
        leaseSupervisor = null;
        leaseStore = store;
        if (store instanceof DatabaseStatus status) {
            leaseSupervisor = DatabaseSupervisor.watch(server, "lease database", status, actionsFor(LEASE_DATABASE));
        }
    }

    /** The hosts databases now in use; new SQL ones are supervised, those no longer listed are not. */
    public synchronized void hostStores(List<?> stores) {
        if (closed) return;
        hostSupervisors.entrySet().removeIf(e -> {
            if (stores.stream().anyMatch(s -> s == e.getKey())) return false;
            e.getValue().close();
            return true;
        });
        for (Object store : stores) {
            if (!(store instanceof DatabaseStatus status) || hostSupervisors.containsKey(store)) continue;
            hostSupervisors.put(store, DatabaseSupervisor.watch(server, "hosts database", status,
                    actionsFor(nextConnection++)));
        }
    }

    /** Whether any supervised database is lost now. */
    public synchronized boolean anyLost() {
        if (leaseSupervisor != null && leaseSupervisor.lost()) return true;
        return hostSupervisors.values().stream().anyMatch(DatabaseSupervisor::lost);
    }

    private DatabaseSupervisor.Actions actionsFor(int connection) {
        return new DatabaseSupervisor.Actions() {
            @Override
            public void disableService() {
                actions.disableService(connection);
            }

            @Override
            public void enableService() {
                actions.enableService(connection);
            }

            @Override
            public void exit(int status, String reason) {
                actions.exit(status, reason);
            }
        };
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        if (leaseSupervisor != null) leaseSupervisor.close();
        hostSupervisors.values().forEach(DatabaseSupervisor::close);
        hostSupervisors.clear();
    }
}
