package dev.nestor.lease.postgresql;

import dev.nestor.lease.jdbc.DbEngine;
import dev.nestor.lease.jdbc.SqlConcurrencyTest;

/** Two stores (two servers) racing for one small range on the local Postgresql server. */
class PostgresqlConcurrencyTest extends SqlConcurrencyTest {
    @Override
    protected DbEngine engine() {
        return DbEngine.POSTGRESQL;
    }
}
