package dev.nestor.lease.postgresql;

import dev.nestor.common.Bytes;
import dev.nestor.common.net.Ipv6Text;
import dev.nestor.lease.jdbc.DbEngine;
import dev.nestor.lease.jdbc.LeaseDialect;

/**
 * Lease SQL for PostgreSQL. {@code expire} is a TIMESTAMP WITH TIME ZONE (converted with {@code to_timestamp} and
 * {@code extract(epoch ...)}, independent of the session time zone); a taken address makes the insert do nothing
 * ({@code ON CONFLICT DO NOTHING}, no error logged by the server); numeric IPv6 order is the address cast to
 * {@code inet}, which Nestor's schema step indexes; the IAID lives in a signed INT, as Kea keeps it.
 */
public final class PostgresqlDialect implements LeaseDialect {
    @Override
    public DbEngine engine() {
        return DbEngine.POSTGRESQL;
    }

    @Override
    public String expireParam() {
        return "to_timestamp(?)";
    }

    @Override
    public String expireColumn() {
        return "CAST(EXTRACT(EPOCH FROM expire) AS BIGINT)";
    }

    @Override
    public long storableExpire(long epochSeconds) {
        return epochSeconds;
    }

    @Override
    public String nullSafeEquals(String column) {
        return column + " IS NOT DISTINCT FROM ?";
    }

    @Override
    public String exactTextEquals(String column) {
        return column + " IS NOT DISTINCT FROM ?";
    }

    @Override
    public String insert(String table, String columns, String values) {
        return "INSERT INTO " + table + " (" + columns + ") VALUES (" + values + ") ON CONFLICT (address) DO NOTHING";
    }

    /** A multi-row insert: a taken address skips its row only, RETURNING names the rows written. */
    @Override
    public String insertGroup(String table, String columns, String values, int rows) {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" (").append(columns).append(") VALUES ");
        for (int i = 0; i < rows; i++) sql.append(i == 0 ? "(" : ", (").append(values).append(')');
        return sql.append(" ON CONFLICT (address) DO NOTHING RETURNING address").toString();
    }

    @Override
    public String lease6OrderKey() {
        // the same expression as the lease6_by_nestor_inet index
        return "CAST(address AS inet)";
    }

    @Override
    public String lease6OrderKeyParam() {
        return "CAST(? AS inet)";
    }

    @Override
    public Object lease6OrderKeyValue(Bytes address) {
        return Ipv6Text.format(address);
    }

    @Override
    public Object iaidValue(long iaid) {
        return (int) iaid;
    }
}
