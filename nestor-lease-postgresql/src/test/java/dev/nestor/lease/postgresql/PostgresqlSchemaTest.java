package dev.nestor.lease.postgresql;

import dev.nestor.lease.jdbc.DbEngine;
import dev.nestor.lease.jdbc.SqlSchemaTest;

/** Schema versions and sharing a database with Kea 2.2's kea-admin, on the local Postgresql server. */
class PostgresqlSchemaTest extends SqlSchemaTest {
    @Override
    protected DbEngine engine() {
        return DbEngine.POSTGRESQL;
    }
}
