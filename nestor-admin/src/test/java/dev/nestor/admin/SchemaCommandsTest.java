package dev.nestor.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nestor.lease.jdbc.DatabaseConfig;
import dev.nestor.lease.jdbc.DbEngine;
import dev.nestor.lease.jdbc.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** db-init, db-version, db-upgrade and stats-recount against the local PostgreSQL and MariaDB, in throwaway databases. */
class SchemaCommandsTest {

    private static String keaVersion(DbEngine engine) {
        return engine == DbEngine.MYSQL ? "14.0" : "13.0";
    }

    @ParameterizedTest
    @EnumSource(DbEngine.class)
    void initVersionUpgradeRecount(DbEngine engine) {
        DatabaseConfig db = TestDatabases.create(engine);
        try {
            Admin.Run init = Admin.nestor("db-init", db);
            assertThat(init.exit()).as("%s", init).isZero();
            assertThat(init.out()).contains("Checking if there is a database initialized already...")
                    .contains("Database version reported after initialization: " + keaVersion(engine));

            Admin.Run version = Admin.nestor("db-version", db);
            assertThat(version.exit()).as("%s", version).isZero();
            assertThat(version.out()).isEqualTo(keaVersion(engine) + "\n");
            assertThat(version.err()).isEmpty();
            // Kea 2.2 reads the same version: the database is one Kea accepts
            assertThat(Admin.kea("db-version", db).out().strip()).isEqualTo(keaVersion(engine));

            Admin.Run again = Admin.nestor("db-init", db);
            assertThat(again.exit()).as("%s", again).isEqualTo(1);
            assertThat(again.err()).contains("already has lease schema").contains("db-upgrade");

            Admin.Run upgrade = Admin.nestor("db-upgrade", db);
            assertThat(upgrade.exit()).as("%s", upgrade).isZero();
            assertThat(upgrade.out()).contains("Database version reported before upgrade: " + keaVersion(engine))
                    .contains("The schema is up to date")
                    .contains("Database version reported after upgrade: " + keaVersion(engine));

            TestDatabases.execute(db, "INSERT INTO lease4_stat (subnet_id, state, leases) VALUES (7, 0, 1000)");
            Admin.Run recount = Admin.nestor("stats-recount", db);
            assertThat(recount.exit()).as("%s", recount).isZero();
            assertThat(recount.out()).contains("Recount lease statistics from database");
            assertThat(count(db, "SELECT COUNT(*) FROM lease4_stat")).isZero();
        } finally {
            TestDatabases.drop(db);
        }
    }

    @ParameterizedTest
    @EnumSource(DbEngine.class)
    void aKeaDatabaseIsUpgradedInPlace(DbEngine engine) {
        DatabaseConfig db = TestDatabases.create(engine);
        try {
            Admin.Run keaInit = Admin.kea("db-init", db);
            assertThat(keaInit.exit()).as("%s", keaInit).isZero();

            Admin.Run before = Admin.nestor("db-version", db);
            assertThat(before.out()).isEqualTo(keaVersion(engine) + "\n");
            assertThat(before.err()).contains("run `nestor-admin db-upgrade");
            // a store refuses it, naming the command that fixes it
            Admin.Run dump = Admin.nestor("lease-dump", db, "-4", "-o", "/dev/null", "-y");
            assertThat(dump.exit()).isEqualTo(1);
            assertThat(dump.err()).contains("nestor-admin db-upgrade");

            Admin.Run upgrade = Admin.nestor("db-upgrade", db);
            assertThat(upgrade.exit()).as("%s", upgrade).isZero();
            assertThat(upgrade.out()).contains("Upgraded from " + keaVersion(engine) + " (nestor 0) to");
            assertThat(Admin.nestor("db-version", db).err()).isEmpty();
            assertThat(Admin.kea("db-version", db).out().strip()).isEqualTo(keaVersion(engine));
        } finally {
            TestDatabases.drop(db);
        }
    }

    @ParameterizedTest
    @EnumSource(DbEngine.class)
    void unreachableDatabaseIsAnError(DbEngine engine) {
        TestDatabases.ensureRunning(engine);
        Admin.Run r = Admin.nestor("db-version", Admin.backend(engine), "-h", "127.0.0.1", "-P", "1", "-u", "x",
                "-p", "", "-n", "nothing", "-x", "connect-timeout=1");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).startsWith("ERROR/nestor-admin: cannot connect to");
    }

    static long count(DatabaseConfig db, String sql) {
        try (var c = dev.nestor.lease.jdbc.JdbcConnections.open(db); var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }
}
