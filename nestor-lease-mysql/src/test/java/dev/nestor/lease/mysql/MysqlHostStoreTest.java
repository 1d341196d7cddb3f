package dev.nestor.lease.mysql;

import dev.nestor.lease.jdbc.DbEngine;
import dev.nestor.lease.jdbc.SqlHostStoreConformanceTest;

/** The shared host store contract against the local Mysql server. */
class MysqlHostStoreTest extends SqlHostStoreConformanceTest {
    @Override
    protected DbEngine engine() {
        return DbEngine.MYSQL;
    }
}
