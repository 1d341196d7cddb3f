package dev.nestor.lease.mysql;

import dev.nestor.lease.jdbc.DbEngine;
import dev.nestor.lease.jdbc.SqlConcurrencyTest;

/** Two stores (two servers) racing for one small range on the local Mysql server. */
class MysqlConcurrencyTest extends SqlConcurrencyTest {
    @Override
    protected DbEngine engine() {
        return DbEngine.MYSQL;
    }
}
