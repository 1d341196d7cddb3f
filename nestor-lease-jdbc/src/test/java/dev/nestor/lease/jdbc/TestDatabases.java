package dev.nestor.lease.jdbc;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Throwaway databases on the local servers (PostgreSQL 127.0.0.1:5432 as {@code postgres}, MariaDB
 * 127.0.0.1:3306 as {@code root}, both without a password). A server that is down is started with the commands of
 * STACK.md. When a server cannot be reached the test is skipped, or fails with {@code CI=true}, so CI can never
 * pass by skipping.
 */
public final class TestDatabases {
    private TestDatabases() {}

    public static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** The superuser configuration of the local server, connected to database {@code name}. */
    public static DatabaseConfig local(DbEngine engine, String name) {
        String user = engine == DbEngine.MYSQL ? "root" : "postgres";
        return new DatabaseConfig(engine, name, "127.0.0.1", engine.defaultPort(), user, null, Duration.ofSeconds(5),
                Duration.ZERO, Duration.ZERO, 0, Duration.ZERO, OnFail.STOP_RETRY_EXIT, false, null, null, null, null, 4);
    }

    /** Kea's {@code lease-database} map for a configuration, as a server would pass it to a provider. */
    public static Map<String, String> parameters(DatabaseConfig c) {
        Map<String, String> p = new HashMap<>();
        p.put("type", c.engine().type());
        p.put("name", c.name());
        p.put("host", c.host());
        p.put("port", Integer.toString(c.port()));
        p.put("user", c.user());
        if (c.password() != null) p.put("password", c.password());
        p.put("connect-timeout", Long.toString(c.connectTimeout().toSeconds()));
        p.put("pool-size", Integer.toString(c.poolSize()));
        if (c.retryOnStartup()) p.put("retry-on-startup", "true");
        return p;
    }

    /** Creates an empty database {@code nestor_test_<random>} (starting the server if needed) and returns its configuration. */
    public static DatabaseConfig create(DbEngine engine) {
        ensureRunning(engine);
        String name = "nestor_test_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        try (Connection c = JdbcConnections.open(admin(engine)); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            unavailable(engine + ": cannot create a test database: " + e.getMessage());
        }
        return local(engine, name);
    }

    /** Drops a database made by {@link #create}. */
    public static void drop(DatabaseConfig config) {
        if (config == null) return;
        try (Connection c = JdbcConnections.open(admin(config.engine())); Statement s = c.createStatement()) {
            s.execute(config.engine() == DbEngine.POSTGRESQL
                    ? "DROP DATABASE IF EXISTS " + config.name() + " WITH (FORCE)"
                    : "DROP DATABASE IF EXISTS " + config.name());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop " + config.name() + ": " + e.getMessage(), e);
        }
    }

    /** Runs statements on a configured database. */
    public static void execute(DatabaseConfig config, String... sql) {
        try (Connection c = JdbcConnections.open(config); Statement s = c.createStatement()) {
            for (String q : sql) s.execute(q);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static DatabaseConfig admin(DbEngine engine) {
        return local(engine, engine == DbEngine.MYSQL ? "mysql" : "postgres");
    }

    /** Starts the local server if its port is closed and waits (bounded) until it accepts connections. */
    public static void ensureRunning(DbEngine engine) {
        if (accepts(engine)) return;
        try {
            if (engine == DbEngine.POSTGRESQL) {
                try (var versions = Files.list(Path.of("/etc/postgresql"))) {
                    for (Path v : versions.toList())
                        run("pg_ctlcluster", "--skip-systemctl-redirect", v.getFileName().toString(), "main", "start");
                }
            } else if (Files.isExecutable(Path.of("/usr/sbin/mariadbd"))) {
                if (run("start-stop-daemon", "--start", "--oknodo", "--background", "--exec", "/usr/sbin/mariadbd") != 0)
                    run("start-stop-daemon", "--start", "--oknodo", "--background", "--exec", "/usr/sbin/mariadbd",
                            "--", "--user=mysql");
            }
        } catch (IOException e) {
            unavailable(engine + " is down and could not be started: " + e.getMessage());
        }
        for (int i = 0; i < 60 && !accepts(engine); i++) sleep(500);
        if (!accepts(engine)) unavailable(engine + " does not accept connections on port " + engine.defaultPort());
    }

    private static boolean accepts(DbEngine engine) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", engine.defaultPort()), 1000);
        } catch (IOException e) {
            return false;
        }
        try (Connection c = JdbcConnections.open(admin(engine)); Statement s = c.createStatement()) {
            s.execute("SELECT 1");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static int run(String... command) throws IOException {
        Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Skips, or with CI=true fails. */
    public static void unavailable(String reason) {
        if (inCi()) fail("CI=true, so the database tests must run instead of skipping: " + reason);
        Assumptions.abort(reason);
    }
}
