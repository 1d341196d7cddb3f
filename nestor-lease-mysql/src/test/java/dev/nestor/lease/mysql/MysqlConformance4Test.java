package dev.nestor.lease.mysql;

import dev.nestor.lease.jdbc.DbEngine;
import dev.nestor.lease.jdbc.SqlLeaseStore4ConformanceTest;

/** The shared DHCPv4 lease store contract against the local Mysql server. */
class MysqlConformance4Test extends SqlLeaseStore4ConformanceTest {
    @Override
    protected DbEngine engine() {
        return DbEngine.MYSQL;
    }
}
