package dev.nestor.lease.jdbc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs Kea's own {@code kea-admin} (Debian package kea-admin, Kea 2.2) against a test database. */
public final class KeaAdmin {
    public static final Path KEA_ADMIN = Path.of("/usr/sbin/kea-admin");

    private KeaAdmin() {}

    /** Skips (fails with CI=true) when kea-admin is not installed. */
    public static void require() {
        if (!Files.isExecutable(KEA_ADMIN))
            TestDatabases.unavailable(KEA_ADMIN + " is missing: run scripts/install-test-deps.sh (package kea-admin)");
    }

    /** Runs {@code kea-admin <command> <backend> <connection options> <extra...>}; returns stdout+stderr, fails on a non-zero exit. */
    public static String run(String command, DatabaseConfig db, String... extra) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(KEA_ADMIN.toString(), command,
                db.engine() == DbEngine.MYSQL ? "mysql" : "pgsql", "-h", db.host(), "-P", Integer.toString(db.port()),
                "-u", db.user(), "-p", db.password() == null ? "" : db.password(), "-n", db.name()));
        cmd.addAll(List.of(extra));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("kea-admin " + command + " did not finish");
        }
        if (p.exitValue() != 0) throw new IOException("kea-admin " + command + " failed (" + p.exitValue() + "): " + out);
        return out;
    }

    /** {@code kea-admin db-version}: the last line of its output, e.g. {@code "14.0"}. */
    public static String dbVersion(DatabaseConfig db) throws IOException, InterruptedException {
        List<String> lines = run("db-version", db).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        return lines.getLast();
    }

    /** {@code kea-admin lease-dump -4|-6}: the CSV lines it writes (header first). */
    public static List<String> leaseDump(DatabaseConfig db, int family) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("nestor-kea-dump");
        Path out = dir.resolve("leases" + family + ".csv");
        try {
            run("lease-dump", db, "-" + family, "-o", out.toString());
            return Files.readAllLines(out);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(dir);
        }
    }

    /** {@code kea-admin lease-upload -4|-6} of a memfile-format CSV (header first). */
    public static void leaseUpload(DatabaseConfig db, int family, List<String> csv) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("nestor-kea-upload");
        // kea-admin keeps a temporary copy under /tmp named after the input: make that name unique too
        Path in = dir.resolve(dir.getFileName() + "-leases" + family + ".csv");
        try {
            Files.write(in, csv);
            run("lease-upload", db, "-" + family, "-i", in.toString());
        } finally {
            Files.deleteIfExists(Path.of("/tmp", in.getFileName() + ".tmp"));
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        }
    }
}
