package dev.nestor.lease.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.nestor.lease.LeaseStoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pooled lease database: runs units of work on a pooled connection, retries those the server rolled back for a
 * deadlock or serialization conflict, turns every other failure into a {@link LeaseStoreException}, tracks
 * whether the database is reachable (logging once per change), and checks the schema version before the first
 * unit of work. The pool (HikariCP) starts even when the database is down and reconnects by itself.
 */
public final class Database implements DatabaseStatus, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);
    /** Attempts for a unit of work that keeps being chosen as a deadlock victim. */
    private static final int MAX_ATTEMPTS = 8;

    /** A unit of work on one connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final DatabaseConfig config;
    private final SchemaMigrator migrator;
    private final HikariDataSource pool;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean available = true;
    private volatile boolean schemaChecked;

    private Database(DatabaseConfig config, HikariDataSource pool) {
        this.config = config;
        this.migrator = SchemaMigrator.of(config.engine());
        this.pool = pool;
    }

    /**
     * Creates the pool and checks the schema. If the database cannot be reached, this fails unless
     * {@code retry-on-startup} is set; then the store opens and the check happens on first use. A wrong schema
     * version always fails.
     */
    public static Database open(DatabaseConfig config) throws LeaseStoreException {
        HikariConfig hc = new HikariConfig();
        hc.setPoolName("nestor-" + config.engine().type() + "-" + config.name());
        hc.setDriverClassName(config.engine().driverClassName());
        hc.setJdbcUrl(config.engine().jdbcUrl(config));
        try {
            hc.setDataSourceProperties(config.engine().driverProperties(config));
        } catch (IllegalArgumentException e) {
            throw new LeaseStoreException("lease-database: " + e.getMessage(), e);
        }
        hc.setMaximumPoolSize(config.poolSize());
        hc.setMinimumIdle(Math.min(2, config.poolSize()));
        long timeout = Math.max(250, config.connectTimeout().toMillis());
        hc.setConnectionTimeout(timeout);
        hc.setValidationTimeout(Math.min(timeout, Duration.ofSeconds(5).toMillis()));
        // start even when the database is down; the pool keeps trying in the background
        hc.setInitializationFailTimeout(-1);
        if (config.engine().connectionInitSql() != null) hc.setConnectionInitSql(config.engine().connectionInitSql());
        Database db = new Database(config, new HikariDataSource(hc));
        try (Connection c = db.pool.getConnection()) {
            db.migrator.check(c, config.name());
            db.schemaChecked = true;
        } catch (SQLException e) {
            if (!config.retryOnStartup()) {
                db.close();
                throw new LeaseStoreException("cannot connect to lease database " + config + ": " + e.getMessage(), e);
            }
            db.markDown("unreachable at start-up (retry-on-startup is set): " + e.getMessage());
        } catch (LeaseStoreException e) {
            db.close();
            throw e;
        }
        return db;
    }

    public DbEngine engine() {
        return config.engine();
    }

    /**
     * Runs {@code work} on a pooled connection in auto-commit mode (work that needs a transaction manages it and
     * must leave auto-commit on). Deadlock victims are run again.
     *
     * @param what what is being done, for the exception message
     */
    public <T> T call(String what, Work<T> work) throws LeaseStoreException {
        for (int attempt = 1; ; attempt++) {
            try (Connection c = pool.getConnection()) {
                if (!schemaChecked) {
                    migrator.check(c, config.name());
                    schemaChecked = true;
                }
                T result = work.run(c);
                markUp();
                return result;
            } catch (SQLException e) {
                if (engine().isRetryable(e) && attempt < MAX_ATTEMPTS) {
                    // a short random pause lets the winner of the conflict commit first
                    LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(100_000, 2_000_000L * attempt));
                    continue;
                }
                if (engine().isConnectionProblem(e)) {
                    markDown(e.getMessage());
                    throw new LeaseStoreException(what + ": lease database unavailable: " + e.getMessage(), e);
                }
                throw new LeaseStoreException(what + ": " + e.getMessage(), e);
            }
        }
    }

    /** As {@link #call}, for reads: failures become the unchecked {@link DatabaseException}. */
    public <T> T read(String what, Work<T> work) {
        try {
            return call(what, work);
        } catch (LeaseStoreException e) {
            throw new DatabaseException(e);
        }
    }

    @Override
    public DatabaseConfig databaseConfig() {
        return config;
    }

    @Override
    public boolean available() {
        return available;
    }

    @Override
    public boolean probe() {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("SELECT 1");
            markUp();
            return true;
        } catch (SQLException e) {
            markDown(e.getMessage());
            return false;
        }
    }

    @Override
    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    private void markUp() {
        if (available) return;
        synchronized (this) {
            if (available) return;
            available = true;
        }
        log.info("lease database {} is reachable again", config);
        for (Listener l : listeners) l.availabilityChanged(true, "reconnected");
    }

    private void markDown(String reason) {
        if (!available) return;
        synchronized (this) {
            if (!available) return;
            available = false;
        }
        log.error("lease database {} is unavailable: {}", config, reason);
        for (Listener l : listeners) l.availabilityChanged(false, reason);
    }

    /** Closes the pool. Idempotent. */
    @Override
    public void close() {
        pool.close();
    }
}
