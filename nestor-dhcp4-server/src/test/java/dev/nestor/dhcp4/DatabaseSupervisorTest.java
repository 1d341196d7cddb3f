package dev.nestor.dhcp4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.nestor.lease.jdbc.DatabaseConfig;
import dev.nestor.lease.jdbc.DatabaseStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Kea's on-fail modes against a database whose availability the test switches. */
class DatabaseSupervisorTest {

    /** A database the test takes down and brings back; probes succeed only while it is up. */
    static final class SwitchableDatabase implements DatabaseStatus {
        private final DatabaseConfig config;
        private final List<Listener> listeners = new CopyOnWriteArrayList<>();
        final AtomicInteger probes = new AtomicInteger();
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
            return up;
        }

        @Override
        public void addListener(Listener listener) {
            listeners.add(listener);
        }
    }

    /** Records what the supervisor did to the server. */
    static final class Recorder implements DatabaseSupervisor.Actions {
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public void disableService() {
            events.add("disable");
        }

        @Override
        public void enableService() {
            events.add("enable");
        }

        @Override
        public void exit(int status, String reason) {
            events.add("exit " + status);
        }
    }

    private static Map<String, String> params(String onFail, int tries) {
        return Map.of("type", "postgresql", "name", "kea", "on-fail", onFail, "max-reconnect-tries",
                Integer.toString(tries), "reconnect-wait-time", "5");
    }

    @Test
    void stopRetryExitDisablesServiceAndExitsWhenRetriesRunOut() throws Exception {
        SwitchableDatabase db = new SwitchableDatabase(true, params("stop-retry-exit", 3));
        Recorder r = new Recorder();
        try (DatabaseSupervisor s = DatabaseSupervisor.watch(db, r)) {
            db.set(false);
            assertThat(r.events).startsWith("disable");
            await().atMost(Duration.ofSeconds(10)).until(() -> r.events.contains("exit 1"));
            assertThat(r.events).containsExactly("disable", "exit 1");
            assertThat(db.probes.get()).isEqualTo(3);
            assertThat(s.lost()).isTrue();
        }
    }

    @Test
    void stopRetryExitEnablesServiceWhenTheDatabaseComesBack() throws Exception {
        SwitchableDatabase db = new SwitchableDatabase(true, params("stop-retry-exit", 1000));
        Recorder r = new Recorder();
        try (DatabaseSupervisor s = DatabaseSupervisor.watch(db, r)) {
            db.set(false);
            await().atMost(Duration.ofSeconds(10)).until(() -> db.probes.get() >= 2);
            db.silentlyUp(); // queries are dropped while disabled: only the reconnect probe can see it
            await().atMost(Duration.ofSeconds(10)).until(() -> r.events.contains("enable"));
            assertThat(r.events).containsExactly("disable", "enable");
            assertThat(s.lost()).isFalse();
        }
    }

    @Test
    void serveRetryExitKeepsServingThenExits() throws Exception {
        SwitchableDatabase db = new SwitchableDatabase(true, params("serve-retry-exit", 2));
        Recorder r = new Recorder();
        try (DatabaseSupervisor s = DatabaseSupervisor.watch(db, r)) {
            db.set(false);
            await().atMost(Duration.ofSeconds(10)).until(() -> r.events.contains("exit 1"));
            assertThat(r.events).containsExactly("exit 1");
        }
    }

    @Test
    void serveRetryContinueNeverExitsAndRecovers() throws Exception {
        SwitchableDatabase db = new SwitchableDatabase(true, params("serve-retry-continue", 2));
        Recorder r = new Recorder();
        try (DatabaseSupervisor s = DatabaseSupervisor.watch(db, r)) {
            db.set(false);
            // well past max-reconnect-tries: still probing, never exiting
            await().atMost(Duration.ofSeconds(10)).until(() -> db.probes.get() >= 6);
            assertThat(r.events).isEmpty();
            db.set(true); // a served query found the database again
            assertThat(s.lost()).isFalse();
            int probes = db.probes.get();
            db.set(false);
            await().atMost(Duration.ofSeconds(10)).until(() -> db.probes.get() >= probes + 3);
            assertThat(r.events).isEmpty();
        }
    }

    @Test
    void reconnectDisabledExitsAtOnce() throws Exception {
        SwitchableDatabase db = new SwitchableDatabase(true, params("stop-retry-exit", 0));
        Recorder r = new Recorder();
        try (DatabaseSupervisor ignored = DatabaseSupervisor.watch(db, r)) {
            db.set(false);
            assertThat(r.events).containsExactly("disable", "exit 1");
            assertThat(db.probes.get()).isZero();
        }
    }

    @Test
    void aStoreOpenedWhileTheDatabaseIsDownStartsLost() throws Exception {
        SwitchableDatabase db = new SwitchableDatabase(false, params("stop-retry-exit", 1000));
        Recorder r = new Recorder();
        try (DatabaseSupervisor s = DatabaseSupervisor.watch(db, r)) {
            assertThat(r.events).containsExactly("disable");
            assertThat(s.lost()).isTrue();
            db.silentlyUp();
            await().atMost(Duration.ofSeconds(10)).until(() -> r.events.contains("enable"));
            assertThat(r.events).containsExactly("disable", "enable");
        }
    }

    @Test
    void closedSupervisorIgnoresTheDatabase() throws Exception {
        SwitchableDatabase db = new SwitchableDatabase(true, params("stop-retry-exit", 0));
        Recorder r = new Recorder();
        DatabaseSupervisor.watch(db, r).close();
        db.set(false);
        assertThat(r.events).isEmpty();
    }
}
