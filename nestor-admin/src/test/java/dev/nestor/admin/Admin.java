package dev.nestor.admin;

import dev.nestor.lease.jdbc.DatabaseConfig;
import dev.nestor.lease.jdbc.DbEngine;
import dev.nestor.lease.jdbc.TestDatabases;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Test helpers: run nestor-admin (in this JVM) or kea-admin (Kea 2.2's script) and capture what they print. */
final class Admin {
    private Admin() {}

    record Run(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    static Run nestor(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = NestorAdmin.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** nestor-admin COMMAND BACKEND with the connection options of a test database, then {@code more}. */
    static Run nestor(String command, DatabaseConfig db, String... more) {
        List<String> a = new ArrayList<>(List.of(command, backend(db.engine())));
        a.addAll(connection(db));
        a.addAll(List.of(more));
        return nestor(a.toArray(String[]::new));
    }

    /** kea-admin COMMAND BACKEND with the same options; skipped (failed with CI=true) without kea-admin. */
    static Run kea(String command, DatabaseConfig db, String... more) {
        Path keaAdmin = Path.of("/usr/sbin/kea-admin");
        if (!keaAdmin.toFile().canExecute()) TestDatabases.unavailable("kea-admin (Kea 2.2) is not installed; run scripts/install-test-deps.sh");
        List<String> a = new ArrayList<>(List.of(keaAdmin.toString(), command, backend(db.engine())));
        a.addAll(connection(db));
        a.addAll(List.of(more));
        try {
            Process p = new ProcessBuilder(a).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            byte[] out = p.getInputStream().readAllBytes();
            byte[] err = p.getErrorStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("kea-admin did not finish: " + a);
            }
            return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("cannot run " + a, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static String backend(DbEngine engine) {
        return engine == DbEngine.MYSQL ? "mysql" : "pgsql";
    }

    private static List<String> connection(DatabaseConfig db) {
        return List.of("-h", db.host(), "-P", Integer.toString(db.port()), "-u", db.user(), "-p", "", "-n", db.name());
    }
}
