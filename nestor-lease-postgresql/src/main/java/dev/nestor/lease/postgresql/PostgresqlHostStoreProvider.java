package dev.nestor.lease.postgresql;

import dev.nestor.lease.LeaseStoreException;
import dev.nestor.lease.host.HostStore;
import dev.nestor.lease.host.HostStoreProvider;
import dev.nestor.lease.jdbc.DbEngine;
import dev.nestor.lease.jdbc.JdbcHostStore;
import java.util.Map;

/**
 * Hosts-database type {@code "postgresql"} on Kea's host tables. The stores returned also implement
 * {@link dev.nestor.lease.jdbc.DatabaseStatus}.
 */
public final class PostgresqlHostStoreProvider implements HostStoreProvider {
    @Override
    public String type() {
        return "postgresql";
    }

    @Override
    public HostStore open(Map<String, String> parameters) throws LeaseStoreException {
        return JdbcHostStore.open(parameters, DbEngine.POSTGRESQL);
    }
}
