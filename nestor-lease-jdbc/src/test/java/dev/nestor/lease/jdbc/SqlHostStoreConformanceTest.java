package dev.nestor.lease.jdbc;

import dev.nestor.lease.host.HostStore;
import dev.nestor.lease.host.HostStoreConformanceTest;
import dev.nestor.lease.host.HostStores;
import java.sql.Connection;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The shared {@link HostStore} contract against a real server: a throwaway database with Nestor's schema for the
 * class, empty host tables for every test, the store opened by type name as a server opens it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SqlHostStoreConformanceTest extends HostStoreConformanceTest {
    private DatabaseConfig database;

    protected abstract DbEngine engine();

    @BeforeAll
    void createDatabase() throws Exception {
        database = TestDatabases.create(engine());
        try (Connection c = JdbcConnections.open(database)) {
            SchemaMigrator.of(engine()).init(c);
        }
    }

    @AfterAll
    void dropDatabase() {
        TestDatabases.drop(database);
    }

    @Override
    protected HostStore newStore(boolean readonly) throws Exception {
        TestDatabases.execute(database, "DELETE FROM dhcp4_options", "DELETE FROM dhcp6_options",
                "DELETE FROM ipv6_reservations", "DELETE FROM hosts");
        return newStoreKeepingRows(readonly);
    }

    @Override
    protected HostStore newStoreKeepingRows(boolean readonly) throws Exception {
        Map<String, String> p = TestDatabases.parameters(database);
        p.put("readonly", Boolean.toString(readonly));
        return HostStores.open(p);
    }
}
