package dev.nestor.lease.postgresql;

import dev.nestor.lease.jdbc.DbEngine;
import dev.nestor.lease.jdbc.LeaseDialect;
import dev.nestor.lease.jdbc.SqlPacketPathTest;

/** The v4 packet path statements (group insert with ON CONFLICT DO NOTHING RETURNING, client lookup) on PostgreSQL. */
class PostgresqlPacketPathTest extends SqlPacketPathTest {
    @Override
    protected DbEngine engine() {
        return DbEngine.POSTGRESQL;
    }

    @Override
    protected LeaseDialect dialect() {
        return new PostgresqlDialect();
    }

    @Override
    protected boolean groupsInserts() {
        return true;
    }
}
