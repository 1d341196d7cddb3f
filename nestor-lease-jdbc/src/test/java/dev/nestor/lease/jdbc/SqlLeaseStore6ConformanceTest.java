package dev.nestor.lease.jdbc;

import dev.nestor.common.time.Clock;
import dev.nestor.lease.LeaseStore6;
import dev.nestor.lease.LeaseStore6ConformanceTest;
import dev.nestor.lease.LeaseStores;
import dev.nestor.lease.StoreContext;
import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The shared {@link LeaseStore6} contract against a real server: the class gets its own throwaway database with
 * Nestor's schema, every test starts from empty tables, and the store is opened the way the server opens it (by
 * type name through {@link LeaseStores}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SqlLeaseStore6ConformanceTest extends LeaseStore6ConformanceTest {
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
    protected LeaseStore6 newStore(Clock clock) throws Exception {
        TestDatabases.execute(database, "DELETE FROM lease6", "DELETE FROM lease6_stat",
                "DELETE FROM lease6_stat_by_client_class");
        return LeaseStores.open6(TestDatabases.parameters(database), new StoreContext(clock, Path.of("/nonexistent")));
    }
}
