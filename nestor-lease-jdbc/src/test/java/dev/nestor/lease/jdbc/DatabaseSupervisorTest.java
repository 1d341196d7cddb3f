package dev.nestor.lease.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Kea's on-fail modes against databases whose availability the test switches. */
class DatabaseSupervisorTest {
    /** Generous bound for "it happens": the tests wait for events, never for time to pass. */
    private static final long PATIENCE_SECONDS = 20;

    /** A database the test takes down and brings back; probes succeed only while it is up. */
    static final class SwitchableDatabase implements DatabaseStatus {
        private final DatabaseConfig config;
        private final List<Listener> listeners = new CopyOnWriteArrayList<>();
        final AtomicInteger probes = new AtomicInteger();
        private final Semaphore probed = new Semaphore(0);
        private volatile boolean up;
        private volatile boolean reported;

        SwitchableDatabase(boolean up, Map<String, String> params) throws Exception {
            this.up = up;
            this.reported = up;
            this.config = DatabaseConfig.parse(params);
        }

        /** The state changes, and a store operation notices (as a failed or successful query would). */
        void set(boolean nowUp) {
            up = nowUp;
            report(nowUp);
        }

        /** The database comes back without any query noticing (only a probe will). */
        void silentlyUp() {
            up = true;
        }

        /** Blocks until {@code n} more probes have run. */
        void awaitProbes(int n) throws InterruptedException {
            assertThat(probed.tryAcquire(n, PATIENCE_SECONDS, TimeUnit.SECONDS)).as("%d more probes", n).isTrue();
        }

        private synchronized void report(boolean state) {
            if (reported == state) return;
            reported = state;
            for (Listener l : listeners) l.availabilityChanged(state, state ? "up" : "down");
        }

        @Override
        public DatabaseConfig databaseConfig() {
            return config;
        }

        @Override
        public boolean available() {
            return reported;
        }

        @Override
        public boolean probe() {
            probes.incrementAndGet();
            report(up);
            probed.release();
            return up;
        }

        @Override
        public void addListener(Listener listener) {
            listeners.add(listener);
        }
    }

    /** Records what the supervisors did to the server. */
    static final class Recorder implements DatabaseSupervisor.Actions, DatabaseSupervisors.Actions {
        final List<String> events = new CopyOnWriteArrayList<>();
        private final BlockingQueue<String> queue = new LinkedBlockingQueue<>();

        private void record(String e) {
            events.add(e);
            queue.add(e);
        }

        /** Waits for {@code event} (skipping others before it). */
        void awaitEvent(String event) throws InterruptedException {
            List<String> skipped = new ArrayList<>();
            while (true) {
                String e = queue.poll(PATIENCE_SECONDS, TimeUnit.SECONDS);
                assertThat(e).as("waiting for '%s' after %s", event, skipped).isNotNull();
                if (e.equals(event)) return;
                skipped.add(e);
            }
        }

        @Override
        public void disableService() {
            record("disable");
        }

        @Override
        public void enableService() {
            record("enable");
        }

        @Override
        public void disableService(int connection) {
            record("disable " + connection);
        }

        @Override
        public void enableService(int connection) {
            record("enable " + connection);
        }

        @Override
        public void exit(int status, String reason) {
            record("exit " + status);
        }
    }

    private static Map<String, String> params(String onFail, int tries) {
        return Map.of("type", "postgresql", "name", "kea", "on-fail", onFail, "max-reconnect-tries",
                Integer.toString(tries), "reconnect-wait-time", "5");
    }

    private static DatabaseSupervisor watch(SwitchableDatabase db, Recorder r) {
        return DatabaseSupervisor.watch("dhcp4", "lease database", db, r);
    }

    @Test
    void stopRetryExitDisablesServiceAndExitsWhenRetriesRunOut() throws Exception {
        SwitchableDatabase db = new SwitchableDatabase(true, params("stop-retry-exit", 3));
        Recorder r = new Recorder();
        try (DatabaseSupervisor s = watch(db, r)) {
            db.set(false);
            assertThat(r.events).startsWith("disable");
            r.awaitEvent("exit 1");
            assertThat(r.events).containsExactly("disable", "exit 1");
            assertThat(db.probes.get()).isEqualTo(3);
            assertThat(s.lost()).isTrue();
        }
    }

    @Test
    void stopRetryExitEnablesServiceWhenTheDatabaseComesBack() throws Exception {
        SwitchableDatabase db = new SwitchableDatabase(true, params("stop-retry-exit", 1000));
        Recorder r = new Recorder();
        try (DatabaseSupervisor s = watch(db, r)) {
            db.set(false);
            db.awaitProbes(2);
            db.silentlyUp(); // queries are dropped while disabled: only the reconnect probe can see it
            r.awaitEvent("enable");
            assertThat(r.events).containsExactly("disable", "enable");
            assertThat(s.lost()).isFalse();
        }
    }

    @Test
    void serveRetryExitKeepsServingThenExits() throws Exception {
        SwitchableDatabase db = new SwitchableDatabase(true, params("serve-retry-exit", 2));
        Recorder r = new Recorder();
        try (DatabaseSupervisor ignored = watch(db, r)) {
            db.set(false);
            r.awaitEvent("exit 1");
            assertThat(r.events).containsExactly("exit 1");
        }
    }

    @Test
    void serveRetryContinueNeverExitsAndRecovers() throws Exception {
        SwitchableDatabase db = new SwitchableDatabase(true, params("serve-retry-continue", 2));
        Recorder r = new Recorder();
        try (DatabaseSupervisor s = watch(db, r)) {
            db.set(false);
            db.awaitProbes(6); // well past max-reconnect-tries: still probing, never exiting
            assertThat(r.events).isEmpty();
            db.set(true); // a served query found the database again
            assertThat(s.lost()).isFalse();
            db.set(false);
            db.awaitProbes(3);
            assertThat(r.events).isEmpty();
        }
    }

    @Test
    void reconnectDisabledExitsAtOnce() throws Exception {
        SwitchableDatabase db = new SwitchableDatabase(true, params("stop-retry-exit", 0));
        Recorder r = new Recorder();
        try (DatabaseSupervisor ignored = watch(db, r)) {
            db.set(false);
            assertThat(r.events).containsExactly("disable", "exit 1");
            assertThat(db.probes.get()).isZero();
        }
    }

    @Test
    void aStoreOpenedWhileTheDatabaseIsDownStartsLost() throws Exception {
        SwitchableDatabase db = new SwitchableDatabase(false, params("stop-retry-exit", 1000));
        Recorder r = new Recorder();
        try (DatabaseSupervisor s = watch(db, r)) {
            assertThat(r.events).containsExactly("disable");
            assertThat(s.lost()).isTrue();
            db.silentlyUp();
            r.awaitEvent("enable");
            assertThat(r.events).containsExactly("disable", "enable");
        }
    }

    @Test
    void closedSupervisorIgnoresTheDatabase() throws Exception {
        SwitchableDatabase db = new SwitchableDatabase(true, params("stop-retry-exit", 0));
        Recorder r = new Recorder();
        watch(db, r).close();
        db.set(false);
        assertThat(r.events).isEmpty();
    }

    @Test
    void closingASupervisorThatDisabledTheServiceEnablesItAgain() throws Exception {
        // a reconfiguration moved the server to another database while this one was down
        SwitchableDatabase db = new SwitchableDatabase(false, params("stop-retry-exit", 1000));
        Recorder r = new Recorder();
        watch(db, r).close();
        assertThat(r.events).containsExactly("disable", "enable");
    }

    // ---- DatabaseSupervisors: one server's lease and hosts databases ----

    @Test
    void eachDatabaseHoldsTheServiceUnderItsOwnConnectionNumber() throws Exception {
        SwitchableDatabase leases = new SwitchableDatabase(true, params("stop-retry-exit", 1000));
        SwitchableDatabase hosts = new SwitchableDatabase(true, params("stop-retry-exit", 1000));
        Recorder r = new Recorder();
        try (DatabaseSupervisors all = new DatabaseSupervisors("dhcp6", r)) {
            all.leaseStore(leases);
            all.hostStores(List.of("config reservations are not a database", hosts));
            leases.set(false);
            hosts.set(false);
            assertThat(r.events).containsExactly("disable 0", "disable 1");
            leases.set(true);
            assertThat(all.anyLost()).isTrue(); // the hosts database still holds the service
            hosts.set(true);
            assertThat(r.events).containsExactly("disable 0", "disable 1", "enable 0", "enable 1");
            assertThat(all.anyLost()).isFalse();
        }
    }

    @Test
    void aHostsDatabaseKeptAcrossReconfigurationsKeepsOneSupervisor() throws Exception {
        SwitchableDatabase hosts = new SwitchableDatabase(true, params("stop-retry-exit", 1000));
        SwitchableDatabase other = new SwitchableDatabase(true, params("stop-retry-exit", 1000));
        Recorder r = new Recorder();
        try (DatabaseSupervisors all = new DatabaseSupervisors("dhcp4", r)) {
            all.leaseStore("a memfile store");
            all.hostStores(List.of(hosts));
            all.hostStores(List.of(hosts, other)); // reservation-add swapped the config; same open store
            hosts.set(false);
            assertThat(r.events).containsExactly("disable 1"); // told once, not once per reconfiguration
            all.hostStores(List.of(other)); // the config no longer names it: its hold goes with it
            assertThat(r.events).containsExactly("disable 1", "enable 1");
            other.set(false);
            assertThat(r.events).containsExactly("disable 1", "enable 1", "disable 2");
        }
        assertThat(r.events).containsExactly("disable 1", "enable 1", "disable 2", "enable 2");
    }

    @Test
    void aNewLeaseStoreReplacesTheSupervisionOfTheOldOne() throws Exception {
        SwitchableDatabase first = new SwitchableDatabase(true, params("serve-retry-continue", 1000));
        SwitchableDatabase second = new SwitchableDatabase(true, params("stop-retry-exit", 1000));
        Recorder r = new Recorder();
        try (DatabaseSupervisors all = new DatabaseSupervisors("dhcp4", r)) {
            all.leaseStore(first);
            all.leaseStore(second);
            first.set(false); // closed by now: nobody cares
            assertThat(all.anyLost()).isFalse();
            second.set(false);
            assertThat(r.events).containsExactly("disable 0");
            assertThat(all.anyLost()).isTrue();
        }
    }
}
