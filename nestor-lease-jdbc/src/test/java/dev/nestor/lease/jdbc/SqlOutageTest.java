package dev.nestor.lease.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nestor.common.net.HwAddress;
import dev.nestor.common.net.Ipv4;
import dev.nestor.lease.Lease4;
import dev.nestor.lease.LeaseStore4;
import dev.nestor.lease.LeaseStoreException;
import dev.nestor.lease.LeaseStores;
import dev.nestor.lease.StoreContext;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A database outage, simulated by cutting a TCP proxy between the store and the server: the failing writes throw
 * (so the caller never acknowledges), reads throw {@link DatabaseException}, the state change is reported once,
 * and the pool reconnects by itself when the server is back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SqlOutageTest {
    private static final long NOW = 1_700_000_000L;
    private static final StoreContext CTX = new StoreContext(() -> NOW, Path.of("/nonexistent"));

    private DatabaseConfig db;
    private TcpProxy proxy;

    protected abstract DbEngine engine();

    @BeforeAll
    void createDatabase() throws Exception {
        db = TestDatabases.create(engine());
        try (Connection c = JdbcConnections.open(db)) {
            SchemaMigrator.of(engine()).init(c);
        }
        proxy = new TcpProxy(engine().defaultPort());
    }

    @AfterAll
    void dropDatabase() {
        if (proxy != null) proxy.close();
        TestDatabases.drop(db);
    }

    private Map<String, String> viaProxy(boolean retryOnStartup) {
        Map<String, String> p = TestDatabases.parameters(db);
        p.put("port", Integer.toString(proxy.port()));
        p.put("connect-timeout", "1");
        p.put("retry-on-startup", Boolean.toString(retryOnStartup));
        return p;
    }

    private static Lease4 lease(int last) {
        return Lease4.of(Ipv4.parse("192.0.2." + last), HwAddress.parse("00:11:22:33:44:" + Integer.toHexString(last)),
                null, 3600, NOW, 1);
    }

    /** Calls {@link DatabaseStatus#probe()} until it succeeds; the pool needs a moment to open new connections. */
    private static void awaitReconnect(DatabaseStatus status) throws InterruptedException {
        for (int i = 0; i < 100 && !status.probe(); i++) Thread.sleep(100);
    }

    @Test
    void anOutageFailsEachCallReportsOnceAndHealsByItself() throws Exception {
        proxy.start();
        try (LeaseStore4 store = LeaseStores.open4(viaProxy(false), CTX)) {
            DatabaseStatus status = (DatabaseStatus) store;
            List<Boolean> changes = new CopyOnWriteArrayList<>();
            status.addListener((available, _) -> changes.add(available));
            assertThat(store.add(lease(1))).isTrue();
            assertThat(status.available()).isTrue();

            proxy.stop();
            assertThatThrownBy(() -> store.add(lease(2))).isInstanceOf(LeaseStoreException.class)
                    .hasMessageContaining("unavailable");
            assertThatThrownBy(() -> store.replace(lease(1), lease(1).withCltt(NOW + 1)))
                    .isInstanceOf(LeaseStoreException.class);
            assertThatThrownBy(() -> store.get(lease(1).address())).isInstanceOf(DatabaseException.class);
            assertThat(status.available()).isFalse();
            assertThat(status.probe()).isFalse();
            assertThat(changes).containsExactly(false);

            proxy.start();
            awaitReconnect(status);
            assertThat(status.available()).isTrue();
            assertThat(changes).containsExactly(false, true);
            // nothing failed half-way: the failed add left no row, the failed replace changed nothing
            assertThat(store.getAll()).containsExactly(lease(1));
            assertThat(store.add(lease(2))).isTrue();
            assertThat(store.wipe(0)).isEqualTo(2);
        }
    }

    @Test
    void withoutRetryOnStartupAnUnreachableDatabaseFailsTheOpen() {
        proxy.stop();
        try {
            assertThatThrownBy(() -> LeaseStores.open4(viaProxy(false), CTX)).isInstanceOf(LeaseStoreException.class)
                    .hasMessageContaining("cannot connect");
        } finally {
            restart();
        }
    }

    @Test
    void withRetryOnStartupTheStoreOpensAndWorksOnceTheDatabaseIsUp() throws Exception {
        proxy.stop();
        try (LeaseStore4 store = LeaseStores.open4(viaProxy(true), CTX)) {
            DatabaseStatus status = (DatabaseStatus) store;
            assertThat(status.available()).isFalse();
            assertThat(status.databaseConfig().retryOnStartup()).isTrue();
            assertThatThrownBy(() -> store.add(lease(3))).isInstanceOf(LeaseStoreException.class);
            proxy.start();
            awaitReconnect(status);
            assertThat(store.add(lease(3))).isTrue();
            assertThat(store.get(lease(3).address())).contains(lease(3));
            assertThat(store.wipe(0)).isEqualTo(1);
        } finally {
            restart();
        }
    }

    private void restart() {
        try {
            proxy.start();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
