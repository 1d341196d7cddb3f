package dev.nestor.lease.postgresql;

import dev.nestor.lease.jdbc.DbEngine;
import dev.nestor.lease.jdbc.SqlOutageTest;

/** A database outage on the local Postgresql server, through a TCP proxy. */
class PostgresqlOutageTest extends SqlOutageTest {
    @Override
    protected DbEngine engine() {
        return DbEngine.POSTGRESQL;
    }
}
