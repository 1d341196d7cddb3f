package dev.nestor.lease.postgresql;

import dev.nestor.lease.jdbc.DbEngine;
import dev.nestor.lease.jdbc.SqlLookupPlanTest;

/** Per-client lookups on a new, never analyzed PostgreSQL table use the client's index. */
class PostgresqlLookupPlanTest extends SqlLookupPlanTest {
    @Override
    protected DbEngine engine() {
        return DbEngine.POSTGRESQL;
    }
}
