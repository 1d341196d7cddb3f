package dev.nestor.lease.jdbc;

import dev.nestor.common.time.Clock;
import dev.nestor.lease.LeaseStore4;
import dev.nestor.lease.LeaseStore4ConformanceTest;
import dev.nestor.lease.LeaseStores;
import dev.nestor.lease.StoreContext;
import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The shared {@link LeaseStore4} contract against a real server: the class gets its own throwaway database with
 * Nestor's schema, every test starts from empty tables, and the store is opened the way the server opens it (by
 * type name through {@link LeaseStores}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SqlLeaseStore4ConformanceTest extends LeaseStore4ConformanceTest {
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
    protected LeaseStore4 newStore(Clock clock) throws Exception {
        TestDatabases.execute(database, "DELETE FROM lease4", "DELETE FROM lease4_stat",
                "DELETE FROM lease4_stat_by_client_class");
        return LeaseStores.open4(TestDatabases.parameters(database), new StoreContext(clock, Path.of("/nonexistent")));
    }
}
