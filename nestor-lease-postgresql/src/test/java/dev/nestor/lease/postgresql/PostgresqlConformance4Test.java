package dev.nestor.lease.postgresql;

import dev.nestor.lease.jdbc.DbEngine;
import dev.nestor.lease.jdbc.SqlLeaseStore4ConformanceTest;

/** The shared DHCPv4 lease store contract against the local Postgresql server. */
class PostgresqlConformance4Test extends SqlLeaseStore4ConformanceTest {
    @Override
    protected DbEngine engine() {
        return DbEngine.POSTGRESQL;
    }
}
