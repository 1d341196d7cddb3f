package dev.nestor.lease.jdbc;

import dev.nestor.lease.LeaseStoreException;
import java.util.Map;

/** Opens the SQL stores for a backend's {@link dev.nestor.lease.LeaseStoreProvider}. */
public final class JdbcLeaseStores {
    private JdbcLeaseStores() {}

    /** Parses the {@code lease-database} map, opens a pool and checks the schema, then wraps a v4 store around it. */
    public static JdbcLeaseStore4 open4(Map<String, String> parameters, LeaseDialect dialect) throws LeaseStoreException {
        return new JdbcLeaseStore4(openDatabase(parameters, dialect), dialect);
    }

    /** As {@link #open4}, for DHCPv6. */
    public static JdbcLeaseStore6 open6(Map<String, String> parameters, LeaseDialect dialect) throws LeaseStoreException {
        return new JdbcLeaseStore6(openDatabase(parameters, dialect), dialect);
    }

    private static Database openDatabase(Map<String, String> parameters, LeaseDialect dialect) throws LeaseStoreException {
        DatabaseConfig config = DatabaseConfig.parse(parameters);
        if (config.engine() != dialect.engine())
            throw new LeaseStoreException("lease-database type '" + parameters.get("type") + "' opened by the "
                    + dialect.engine().type() + " backend");
        return Database.open(config);
    }
}
