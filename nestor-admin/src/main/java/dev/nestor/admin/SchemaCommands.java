package dev.nestor.admin;

import dev.nestor.lease.LeaseStoreException;
import dev.nestor.lease.jdbc.DatabaseConfig;
import dev.nestor.lease.jdbc.JdbcConnections;
import dev.nestor.lease.jdbc.SchemaMigrator;
import dev.nestor.lease.jdbc.SchemaVersion;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * {@code db-init}, {@code db-version}, {@code db-upgrade} and {@code stats-recount} on an SQL database, with
 * kea-admin's messages: {@code db-version} prints Kea's schema version alone on stdout (e.g. {@code 13.0}), so
 * scripts written for kea-admin keep working; Nestor's extension level goes to stderr when it is behind.
 */
final class SchemaCommands {
    private final DatabaseConfig config;
    private final SchemaMigrator migrator;
    private final PrintStream out;
    private final PrintStream err;

    SchemaCommands(DatabaseConfig config, PrintStream out, PrintStream err) {
        this.config = config;
        this.migrator = SchemaMigrator.of(config.engine());
        this.out = out;
        this.err = err;
    }

    void init() throws AdminException {
        out.println("Checking if there is a database initialized already...");
        try (Connection c = connect()) {
            if (migrator.currentVersion(c).isEmpty())
                out.println("Initializing database " + config.name() + " with lease schema " + migrator.latest());
            SchemaVersion v = migrator.init(c);
            out.println("Database version reported after initialization: " + v.keaVersion());
        } catch (LeaseStoreException e) {
            throw new AdminException(e.getMessage(), e);
        } catch (SQLException e) {
            throw failed("db-init", e);
        }
    }

    void version() throws AdminException {
        try (Connection c = connect()) {
            Optional<SchemaVersion> v = migrator.currentVersion(c);
            if (v.isEmpty())
                throw new AdminException("database " + config.name() + " has no lease schema; create it with"
                        + " `nestor-admin db-init " + config.engine().type() + "`");
            out.println(v.get().keaVersion());
            if (v.get().compareTo(migrator.latest()) < 0)
                err.println("nestor-admin: schema " + v.get() + " is older than " + migrator.latest()
                        + " which this build needs; run `nestor-admin db-upgrade " + config.engine().type() + "`");
        } catch (SQLException e) {
            throw failed("db-version", e);
        }
    }

    void upgrade() throws AdminException {
        try (Connection c = connect()) {
            Optional<SchemaVersion> before = migrator.currentVersion(c);
            out.println("Database version reported before upgrade: " + before.map(SchemaVersion::keaVersion).orElse("none"));
            SchemaVersion after = migrator.upgrade(c);
            if (before.isPresent() && before.get().equals(after)) out.println("The schema is up to date (" + after + ")");
            else out.println("Upgraded from " + before.map(SchemaVersion::toString).orElse("none") + " to " + after);
            out.println("Database version reported after upgrade: " + after.keaVersion());
        } catch (LeaseStoreException e) {
            throw new AdminException(e.getMessage(), e);
        } catch (SQLException e) {
            throw failed("db-upgrade", e);
        }
    }

    void recount() throws AdminException {
        out.println("Recount lease statistics from database");
        try (Connection c = connect()) {
            migrator.check(c, config.name());
            migrator.recountStatistics(c);
        } catch (LeaseStoreException e) {
            throw new AdminException(e.getMessage(), e);
        } catch (SQLException e) {
            throw failed("stats-recount", e);
        }
    }

    private Connection connect() throws AdminException {
        try {
            return JdbcConnections.open(config);
        } catch (SQLException e) {
            throw new AdminException("cannot connect to " + config + ": " + e.getMessage(), e);
        }
    }

    private static AdminException failed(String what, SQLException e) {
        return new AdminException(what + " failed: " + e.getMessage(), e);
    }
}
