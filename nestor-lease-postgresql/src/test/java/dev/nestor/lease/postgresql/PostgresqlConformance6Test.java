package dev.nestor.lease.postgresql;

import dev.nestor.lease.jdbc.DbEngine;
import dev.nestor.lease.jdbc.SqlLeaseStore6ConformanceTest;

/** The shared DHCPv6 lease store contract against the local Postgresql server. */
class PostgresqlConformance6Test extends SqlLeaseStore6ConformanceTest {
    @Override
    protected DbEngine engine() {
        return DbEngine.POSTGRESQL;
    }
}
