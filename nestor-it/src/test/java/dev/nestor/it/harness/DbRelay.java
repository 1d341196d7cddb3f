package dev.nestor.it.harness;

import static org.awaitility.Awaitility.await;

import dev.nestor.lease.jdbc.DbEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The way from a lab's server namespace to the database server on this host: a network namespace has a loopback
 * of its own, so socat listens on {@code 127.0.0.1:<port>} there and connects each client to the database
 * server's unix socket (PostgreSQL {@code /var/run/postgresql/.s.PGSQL.5432}, MariaDB
 * {@code /run/mysqld/mysqld.sock}), which the namespace shares with the host. {@link #stop()} cuts every
 * connection at once, which is how the tests take "the database" down without touching the shared server.
 */
public final class DbRelay implements AutoCloseable {
    private final NetnsLab lab;
    private final DbEngine engine;
    private final int port;
    private Process socat;

    private DbRelay(NetnsLab lab, DbEngine engine, int port) {
        this.lab = lab;
        this.engine = engine;
        this.port = port;
    }

    /** A relay in the lab's server namespace on the engine's usual port, not started yet. */
    public static DbRelay of(NetnsLab lab, DbEngine engine) {
        Require.tools("socat");
        Path socket = socket(engine);
        if (!Files.exists(socket)) {
            dev.nestor.lease.jdbc.TestDatabases.ensureRunning(engine);
            Require.that(Files.exists(socket), engine + " has no unix socket at " + socket);
        }
        return new DbRelay(lab, engine, engine.defaultPort());
    }

    private static Path socket(DbEngine engine) {
        return engine == DbEngine.MYSQL ? Path.of("/run/mysqld/mysqld.sock") : Path.of("/var/run/postgresql/.s.PGSQL.5432");
    }

    public int port() {
        return port;
    }

    /** Starts listening (bounded wait until the port is open). */
    public synchronized DbRelay start() {
        if (socat != null && socat.isAlive()) return this;
        Path log = lab.workDir().resolve("socat-" + engine.type() + ".log");
        socat = lab.startTool(lab.serverNs(), List.of("socat", "TCP-LISTEN:" + port + ",bind=127.0.0.1,reuseaddr,fork",
                "UNIX-CONNECT:" + socket(engine)), log);
        await("socat relay on 127.0.0.1:" + port).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    if (!socat.isAlive()) throw new AssertionError("socat exited:\n" + ServerProcess.tail(log, 20));
                    Cmd.Result ss = lab.exec(lab.serverNs(), Duration.ofSeconds(5), "ss", "-H", "-ltn");
                    return ss.exit() == 0 && ss.output().contains("127.0.0.1:" + port + " ");
                });
        return this;
    }

    /** Closes the listener and every relayed connection: the database is unreachable from the namespace. */
    public synchronized void stop() {
        if (socat == null) return;
        Processes.terminate(socat.toHandle(), Duration.ofSeconds(3));
        socat = null;
    }

    @Override
    public void close() {
        stop();
    }
}
