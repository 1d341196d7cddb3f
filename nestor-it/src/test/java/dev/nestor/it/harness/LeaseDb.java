package dev.nestor.it.harness;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nestor.common.time.Clock;
import dev.nestor.lease.Lease4;
import dev.nestor.lease.Lease6;
import dev.nestor.lease.LeaseStore4;
import dev.nestor.lease.LeaseStore6;
import dev.nestor.lease.LeaseStoreException;
import dev.nestor.lease.LeaseStores;
import dev.nestor.lease.StoreContext;
import dev.nestor.lease.jdbc.DatabaseConfig;
import dev.nestor.lease.jdbc.DbEngine;
import dev.nestor.lease.jdbc.JdbcConnections;
import dev.nestor.lease.jdbc.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * A throwaway lease database on the local PostgreSQL or MariaDB server: created empty, given the lease schema by
 * {@code bin/nestor-admin db-init} (the tool under test too), dropped by {@link #close()}. Without the database
 * server a test is skipped, or fails with {@code CI=true} ({@link TestDatabases#unavailable}).
 */
public final class LeaseDb implements AutoCloseable {
    private final DatabaseConfig config;

    private LeaseDb(DatabaseConfig config) {
        this.config = config;
    }

    public static LeaseDb create(DbEngine engine) {
        Path lib = ServerKind.repoRoot().resolve("nestor-admin/target/lib");
        Require.that(java.nio.file.Files.isDirectory(lib), "nestor-admin is not built (" + lib
                + " missing); run ./mvnw -q -DskipTests install first");
        DatabaseConfig config = TestDatabases.create(engine);
        LeaseDb db = new LeaseDb(config);
        try {
            Path admin = ServerKind.repoRoot().resolve("bin/nestor-admin");
            Cmd.Result r = Cmd.run(Duration.ofSeconds(60), admin.toString(), "db-init",
                    engine == DbEngine.MYSQL ? "mysql" : "pgsql", "-h", config.host(), "-P", Integer.toString(config.port()),
                    "-u", config.user(), "-p", "", "-n", config.name());
            if (r.exit() != 0) throw new AssertionError("nestor-admin db-init failed:\n" + r.output());
            return db;
        } catch (RuntimeException | AssertionError e) {
            db.close();
            throw e;
        }
    }

    public DbEngine engine() {
        return config.engine();
    }

    public String name() {
        return config.name();
    }

    /**
     * Sets the config's {@code lease-database} to this database as seen from the server namespace: through the
     * {@link DbRelay} on {@code 127.0.0.1:relayPort} there. Returns the map for further parameters.
     */
    public ObjectNode configure(ServerConfig cfg, int relayPort) {
        ObjectNode db = cfg.root().putObject("lease-database");
        db.put("type", config.engine().type()).put("name", config.name()).put("host", "127.0.0.1")
                .put("port", relayPort).put("user", config.user()).put("connect-timeout", 2);
        return db;
    }

    /** Every DHCPv4 lease, through the store a server uses. */
    public List<Lease4> leases4() {
        try (LeaseStore4 store = LeaseStores.open4(TestDatabases.parameters(config),
                new StoreContext(Clock.SYSTEM, Path.of(System.getProperty("java.io.tmpdir"))))) {
            return store.getAll();
        } catch (LeaseStoreException e) {
            throw new AssertionError("cannot read leases from " + config.name() + ": " + e.getMessage(), e);
        }
    }

    /** Every DHCPv6 lease (addresses and prefixes), through the store a server uses. */
    public List<Lease6> leases6() {
        try (LeaseStore6 store = LeaseStores.open6(TestDatabases.parameters(config),
                new StoreContext(Clock.SYSTEM, Path.of(System.getProperty("java.io.tmpdir"))))) {
            return store.getAll();
        } catch (LeaseStoreException e) {
            throw new AssertionError("cannot read leases from " + config.name() + ": " + e.getMessage(), e);
        }
    }

    /** One number from SQL run on this database. */
    public long count(String sql) {
        try (Connection c = JdbcConnections.open(config); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new AssertionError(sql + ": " + e.getMessage(), e);
        }
    }

    /** For failure reports: the lease4 rows as text. */
    public String dump() {
        StringBuilder sb = new StringBuilder("---- lease4 of " + config.name() + "\n");
        try {
            for (Lease4 l : leases4()) sb.append(l).append('\n');
        } catch (RuntimeException | AssertionError e) {
            sb.append("(unavailable: ").append(e.getMessage()).append(")\n");
        }
        return sb.append("----").toString();
    }

    /** For failure reports of DHCPv6 tests: the lease6 rows as text. */
    public String dump6() {
        StringBuilder sb = new StringBuilder("---- lease6 of " + config.name() + "\n");
        try {
            for (Lease6 l : leases6()) sb.append(l).append('\n');
        } catch (RuntimeException | AssertionError e) {
            sb.append("(unavailable: ").append(e.getMessage()).append(")\n");
        }
        return sb.append("----").toString();
    }

    @Override
    public void close() {
        TestDatabases.drop(config);
    }
}
