package dev.nestor.lease.jdbc;

import dev.nestor.lease.LeaseStoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Creates and upgrades the lease schema (Kea's tables plus Nestor's additions) from the versioned scripts under
 * {@code db/<engine>/} and checks the version a store opens. {@code nestor-admin db-init | db-version | db-upgrade
 * | stats-recount} are thin wrappers around {@link #init}, {@link #currentVersion}, {@link #upgrade} and
 * {@link #recountStatistics}.
 *
 * <p>The baseline is Kea 2.2's schema version (MySQL 14.0, PostgreSQL 13.0), so a database created by
 * {@code kea-admin db-init} is upgraded in place by the Nestor step alone, and Kea keeps accepting the database
 * afterwards: Nestor's steps never change {@code schema_version}. Nestor level 2 adds Kea's host tables where they
 * are missing (a Nestor database; {@code kea-admin db-init} creates them itself), so the same database also serves
 * {@code hosts-database}. Each Nestor step records itself as one {@code nestor_schema} row; the level is the highest.
 */
public final class SchemaMigrator {

    /**
     * One script and the version the database has once it has run.
     *
     * @param target   the version after the script
     * @param resource class-path resource of the script
     */
    public record Migration(SchemaVersion target, String resource) {
        public Migration {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(resource, "resource");
        }
    }

    private final DbEngine engine;
    private final List<Migration> migrations;

    private SchemaMigrator(DbEngine engine, List<Migration> migrations) {
        this.engine = engine;
        this.migrations = List.copyOf(migrations);
    }

    /** The migrator of an engine. */
    public static SchemaMigrator of(DbEngine engine) {
        String dir = engine.scriptDirectory();
        return switch (engine) {
            case MYSQL -> new SchemaMigrator(engine, List.of(
                    new Migration(new SchemaVersion(14, 0, 0), dir + "/V14.0.0__kea_lease_schema.sql"),
                    new Migration(new SchemaVersion(14, 0, 1), dir + "/V14.0.1__nestor_extensions.sql"),
                    new Migration(new SchemaVersion(14, 0, 2), dir + "/V14.0.2__kea_hosts_schema.sql")));
            case POSTGRESQL -> new SchemaMigrator(engine, List.of(
                    new Migration(new SchemaVersion(13, 0, 0), dir + "/V13.0.0__kea_lease_schema.sql"),
                    new Migration(new SchemaVersion(13, 0, 1), dir + "/V13.0.1__nestor_extensions.sql"),
                    new Migration(new SchemaVersion(13, 0, 2), dir + "/V13.0.2__kea_hosts_schema.sql")));
        };
    }

    /** The migrator for a {@code lease-database.type} ({@code mysql}, {@code postgresql} or {@code pgsql}). */
    public static SchemaMigrator forType(String type) {
        return of(DbEngine.ofType(type));
    }

    public DbEngine engine() {
        return engine;
    }

    /** The scripts in the order they run. */
    public List<Migration> migrations() {
        return migrations;
    }

    /** The version this build creates and requires. */
    public SchemaVersion latest() {
        return migrations.getLast().target();
    }

    /** The version of the connected database; empty when it has no lease schema ({@code schema_version}) at all. */
    public Optional<SchemaVersion> currentVersion(Connection c) throws SQLException {
        if (!tableExists(c, "schema_version")) return Optional.empty();
        int major;
        int minor;
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version, minor FROM schema_version ORDER BY version DESC")) {
            if (!rs.next()) return Optional.empty();
            major = rs.getInt(1);
            minor = rs.getInt(2);
        }
        int level = 0;
        if (tableExists(c, "nestor_schema")) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(level) FROM nestor_schema")) {
                if (rs.next()) level = rs.getInt(1);
            }
        }
        return Optional.of(new SchemaVersion(major, minor, level));
    }

    /**
     * Creates the schema in a database that has none ({@code nestor-admin db-init}).
     *
     * @return the version created
     * @throws LeaseStoreException if the database already has a lease schema, or a script fails
     */
    public SchemaVersion init(Connection c) throws LeaseStoreException {
        try {
            Optional<SchemaVersion> current = currentVersion(c);
            if (current.isPresent())
                throw new LeaseStoreException("the database already has lease schema " + current.get()
                        + "; use `nestor-admin db-upgrade` to bring it to " + latest());
            for (Migration m : migrations) apply(c, m);
            return latest();
        } catch (SQLException e) {
            throw new LeaseStoreException("db-init failed: " + e.getMessage(), e);
        }
    }

    /**
     * Runs the scripts the database has not had yet ({@code nestor-admin db-upgrade}); does nothing when it is up
     * to date.
     *
     * @return the version after the upgrade
     * @throws LeaseStoreException if the database has no schema, a version this build does not know, or a script
     *                             fails
     */
    public SchemaVersion upgrade(Connection c) throws LeaseStoreException {
        try {
            SchemaVersion current = currentVersion(c).orElseThrow(() -> new LeaseStoreException(
                    "the database has no lease schema; create it with `nestor-admin db-init " + engine.type() + "`"));
            int at = indexOf(current);
            if (at < 0) throw new LeaseStoreException(unknownVersion(current));
            for (Migration m : migrations.subList(at + 1, migrations.size())) apply(c, m);
            return latest();
        } catch (SQLException e) {
            throw new LeaseStoreException("db-upgrade failed: " + e.getMessage(), e);
        }
    }

    /**
     * Refuses a database whose version is not {@link #latest()}, with a message naming the command that fixes it.
     * A store calls this before its first operation.
     */
    public void check(Connection c, String databaseName) throws LeaseStoreException {
        Optional<SchemaVersion> current;
        try {
            current = currentVersion(c);
        } catch (SQLException e) {
            throw new LeaseStoreException("cannot read the schema version of database '" + databaseName + "': "
                    + e.getMessage(), e);
        }
        if (current.isEmpty())
            throw new LeaseStoreException("database '" + databaseName + "' has no lease schema: create it with"
                    + " `nestor-admin db-init " + engine.type() + " -n " + databaseName + "`");
        SchemaVersion v = current.get();
        if (v.equals(latest())) return;
        if (indexOf(v) >= 0)
            throw new LeaseStoreException("database '" + databaseName + "' has lease schema " + v + ", this server needs "
                    + latest() + ": run `nestor-admin db-upgrade " + engine.type() + " -n " + databaseName + "`");
        throw new LeaseStoreException("database '" + databaseName + "': " + unknownVersion(v));
    }

    /**
     * Recomputes the lease statistics tables from the lease tables ({@code nestor-admin stats-recount}), in one
     * transaction. The per-class tables are left to the triggers.
     */
    public void recountStatistics(Connection c) throws LeaseStoreException {
        String[] statements = {
            "DELETE FROM lease4_stat",
            "INSERT INTO lease4_stat (subnet_id, state, leases) SELECT subnet_id, state, COUNT(*) FROM lease4"
                    + " WHERE state IN (0, 1) GROUP BY subnet_id, state",
            "DELETE FROM lease6_stat",
            "INSERT INTO lease6_stat (subnet_id, lease_type, state, leases) SELECT subnet_id, lease_type, state,"
                    + " COUNT(*) FROM lease6 WHERE state IN (0, 1) GROUP BY subnet_id, lease_type, state",
        };
        try {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (String sql : statements) s.executeUpdate(sql);
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new LeaseStoreException("stats-recount failed: " + e.getMessage(), e);
        }
    }

    private String unknownVersion(SchemaVersion v) {
        SchemaVersion first = migrations.getFirst().target();
        if (v.compareTo(first) < 0)
            return "Kea lease schema " + v.keaVersion() + " is older than " + first.keaVersion()
                    + ": upgrade it with Kea 2.2's `kea-admin db-upgrade`, then run `nestor-admin db-upgrade "
                    + engine.type() + "`";
        return "lease schema " + v + " is not one this Nestor knows (it knows " + first + " to " + latest()
                + "): it was created by a newer Kea or Nestor; use a Nestor release that supports it";
    }

    private int indexOf(SchemaVersion v) {
        for (int i = 0; i < migrations.size(); i++) if (migrations.get(i).target().equals(v)) return i;
        return -1;
    }

    private boolean tableExists(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(engine.tableExistsSql())) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getLong(1) > 0;
            }
        }
    }

    /** Runs one script; PostgreSQL runs it in a transaction (its DDL is transactional), MySQL statement by statement. */
    private void apply(Connection c, Migration m) throws SQLException {
        List<String> statements = SqlScript.split(load(m.resource()), engine);
        boolean transactional = engine == DbEngine.POSTGRESQL;
        boolean auto = c.getAutoCommit();
        if (transactional) c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            for (String sql : statements) {
                try {
                    s.execute(sql);
                } catch (SQLException e) {
                    throw new SQLException(m.resource() + ": " + e.getMessage() + " in: " + firstLine(sql),
                            e.getSQLState(), e.getErrorCode(), e);
                }
            }
            if (transactional) c.commit();
        } catch (SQLException e) {
            if (transactional) c.rollback();
            throw e;
        } finally {
            if (transactional) c.setAutoCommit(auto);
        }
    }

    private static String firstLine(String sql) {
        int nl = sql.indexOf('\n');
        return nl < 0 ? sql : sql.substring(0, nl) + " ...";
    }

    private static String load(String resource) throws SQLException {
        try (InputStream in = SchemaMigrator.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new SQLException("missing migration script " + resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SQLException("cannot read " + resource + ": " + e.getMessage(), e);
        }
    }
}
