package dev.nestor.lease.mysql;

import dev.nestor.common.Bytes;
import dev.nestor.lease.LeaseStoreException;
import dev.nestor.lease.jdbc.DbEngine;
import dev.nestor.lease.jdbc.LeaseDialect;

/**
 * Lease SQL for MySQL and MariaDB. {@code expire} is a TIMESTAMP (1970-01-01 00:00:01 to 2038-01-19 03:14:07
 * UTC; connections run in UTC so the conversions are exact); text columns compare case-insensitively under Kea's
 * collation, so exact comparisons go through BINARY; numeric IPv6 order comes from the generated
 * {@code nestor_binaddr} column.
 */
public final class MysqlDialect implements LeaseDialect {
    /** The last second a TIMESTAMP holds. */
    private static final long MAX_TIMESTAMP = 0x7FFFFFFFL;

    @Override
    public DbEngine engine() {
        return DbEngine.MYSQL;
    }

    @Override
    public String expireParam() {
        return "FROM_UNIXTIME(?)";
    }

    @Override
    public String expireColumn() {
        return "UNIX_TIMESTAMP(expire)";
    }

    /**
     * The TIMESTAMP range: the epoch itself is TIMESTAMP's "zero date" and is refused, so second 0 is stored as
     * second 1; expiry after 2038 cannot be stored at all (Kea refuses it too).
     */
    @Override
    public long storableExpire(long epochSeconds) throws LeaseStoreException {
        if (epochSeconds > MAX_TIMESTAMP)
            throw new LeaseStoreException("lease expiry " + epochSeconds + " is after 2038-01-19, the last time a"
                    + " MySQL TIMESTAMP holds");
        return Math.max(1, epochSeconds);
    }

    @Override
    public String nullSafeEquals(String column) {
        return column + " <=> ?";
    }

    @Override
    public String exactTextEquals(String column) {
        return "CAST(" + column + " AS BINARY) <=> CAST(? AS BINARY)";
    }

    @Override
    public String insert(String table, String columns, String values) {
        // a taken primary key fails with error 1062, which the store turns into "false"
        return "INSERT INTO " + table + " (" + columns + ") VALUES (" + values + ")";
    }

    /**
     * No group insert: InnoDB releases a transaction's row locks before it flushes the commit (and flushes
     * concurrent commits together), so the statistics trigger's counter row does not serialise commits here as it
     * does on PostgreSQL. A multi-row {@code INSERT IGNORE ... RETURNING} (MariaDB 10.5+) in a transaction checked
     * for warnings was measured 5 - 25% slower than single inserts, so the store writes each lease alone.
     */
    @Override
    public String insertGroup(String table, String columns, String values, int rows) {
        return null;
    }

    @Override
    public String lease6OrderKey() {
        return "nestor_binaddr";
    }

    @Override
    public String lease6OrderKeyParam() {
        return "?";
    }

    @Override
    public Object lease6OrderKeyValue(Bytes address) {
        return address.toArray();
    }

    @Override
    public Object iaidValue(long iaid) {
        return iaid;
    }
}
