package dev.nestor.lease.mysql;

import dev.nestor.lease.jdbc.DbEngine;
import dev.nestor.lease.jdbc.SqlLeaseStore6ConformanceTest;

/** The shared DHCPv6 lease store contract against the local Mysql server. */
class MysqlConformance6Test extends SqlLeaseStore6ConformanceTest {
    @Override
    protected DbEngine engine() {
        return DbEngine.MYSQL;
    }
}
