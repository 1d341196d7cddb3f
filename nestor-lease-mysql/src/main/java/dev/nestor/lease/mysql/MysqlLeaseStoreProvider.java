package dev.nestor.lease.mysql;

import dev.nestor.lease.LeaseStore4;
import dev.nestor.lease.LeaseStore6;
import dev.nestor.lease.LeaseStoreException;
import dev.nestor.lease.LeaseStoreProvider;
import dev.nestor.lease.StoreContext;
import dev.nestor.lease.jdbc.JdbcLeaseStores;
import java.util.Map;

/**
 * Lease-database type {@code "mysql"} (MySQL and MariaDB) on Kea's schema. The stores returned also implement
 * {@link dev.nestor.lease.jdbc.DatabaseStatus}.
 */
public final class MysqlLeaseStoreProvider implements LeaseStoreProvider {
    @Override
    public String type() {
        return "mysql";
    }

    @Override
    public LeaseStore4 open4(Map<String, String> parameters, StoreContext ctx) throws LeaseStoreException {
        return JdbcLeaseStores.open4(parameters, new MysqlDialect());
    }

    @Override
    public LeaseStore6 open6(Map<String, String> parameters, StoreContext ctx) throws LeaseStoreException {
        return JdbcLeaseStores.open6(parameters, new MysqlDialect());
    }
}
