package dev.nestor.lease.postgresql;

import dev.nestor.lease.jdbc.DbEngine;
import dev.nestor.lease.jdbc.SqlHostStoreConformanceTest;

/** The shared host store contract against the local Postgresql server. */
class PostgresqlHostStoreTest extends SqlHostStoreConformanceTest {
    @Override
    protected DbEngine engine() {
        return DbEngine.POSTGRESQL;
    }
}
