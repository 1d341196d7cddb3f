package dev.nestor.lease.mysql;

import dev.nestor.lease.jdbc.DbEngine;
import dev.nestor.lease.jdbc.LeaseDialect;
import dev.nestor.lease.jdbc.SqlPacketPathTest;

/** The v4 packet path statements on MariaDB (no group insert there: InnoDB does not hold the counter row lock over the flush). */
class MysqlPacketPathTest extends SqlPacketPathTest {
    @Override
    protected DbEngine engine() {
        return DbEngine.MYSQL;
    }

    @Override
    protected LeaseDialect dialect() {
        return new MysqlDialect();
    }

    @Override
    protected boolean groupsInserts() {
        return false;
    }
}
