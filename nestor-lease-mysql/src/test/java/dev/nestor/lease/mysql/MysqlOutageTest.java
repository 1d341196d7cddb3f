package dev.nestor.lease.mysql;

import dev.nestor.lease.jdbc.DbEngine;
import dev.nestor.lease.jdbc.SqlOutageTest;

/** A database outage on the local Mysql server, through a TCP proxy. */
class MysqlOutageTest extends SqlOutageTest {
    @Override
    protected DbEngine engine() {
        return DbEngine.MYSQL;
    }
}
