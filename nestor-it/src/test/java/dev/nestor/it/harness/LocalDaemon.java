package dev.nestor.it.harness;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A Nestor daemon ({@code bin/nestor-dhcp4}, {@code bin/nestor-agent}) run directly on this host, for tests that
 * need no network namespace: the DHCPv4 server listens on the loopback interface on an unprivileged port and is
 * driven through its control channels. Output goes to a log file; stop is SIGTERM with the exit code returned.
 */
public final class LocalDaemon implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(40);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);

    private final String name;
    private final Process process;
    private final Path log;

    private LocalDaemon(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** {@code bin/<launcher>} of this repository with {@code args}; waits until {@code ready} returns true. */
    public static LocalDaemon start(String launcher, List<String> args, Path log, Callable<Boolean> ready) {
        List<String> argv = new java.util.ArrayList<>();
        argv.add(ServerKind.repoRoot().resolve("bin/" + launcher).toString());
        argv.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + argv, e);
        }
        LocalDaemon d = new LocalDaemon(launcher, p, log);
        try {
            await(launcher + " ready").atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> {
                if (!p.isAlive()) throw new IllegalStateException(launcher + " exited with " + p.exitValue());
                return ready.call();
            });
        } catch (ConditionTimeoutException | IllegalStateException e) {
            String tail = d.logTail(60);
            d.close();
            throw new AssertionError(launcher + " not ready within " + START_TIMEOUT + "\n" + tail, e);
        }
        return d;
    }

    /** Whether the repository's launcher and built jars for {@code module} are there; the reason if not. */
    public static String unavailable(String launcher, String module) {
        Path bin = ServerKind.repoRoot().resolve("bin/" + launcher);
        Path lib = ServerKind.repoRoot().resolve(module + "/target/lib");
        if (!java.nio.file.Files.isExecutable(bin)) return "launcher missing: " + bin;
        if (!java.nio.file.Files.isDirectory(lib)) return module + " not built (" + lib + " missing); run ./mvnw -q -DskipTests install first";
        return null;
    }

    /** A TCP port free right now on 127.0.0.1. */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes a test's temp directory (unless NESTOR_IT_KEEP=1). */
    public static void deleteTree(Path dir) {
        if (dir == null || "1".equals(System.getenv("NESTOR_IT_KEEP")) || !java.nio.file.Files.exists(dir)) return;
        try (var walk = java.nio.file.Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a temp directory
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** Waits (bounded) for the process to exit on its own, e.g. after a shutdown command; its exit code. */
    public int awaitExit(Duration timeout) {
        if (!Processes.waitExit(process.toHandle(), timeout)) {
            throw new AssertionError(name + " still running after " + timeout + "\n" + logTail(30));
        }
        return process.exitValue();
    }

    /** SIGTERM and wait; the exit code. */
    public int stop() {
        if (!process.isAlive()) return process.exitValue();
        process.destroy();
        if (!Processes.waitExit(process.toHandle(), STOP_TIMEOUT)) {
            String tail = logTail(40);
            Processes.terminate(process.toHandle(), Duration.ofSeconds(1));
            throw new AssertionError(name + " did not exit within " + STOP_TIMEOUT + " of SIGTERM\n" + tail);
        }
        return process.exitValue();
    }

    public String logTail(int lines) {
        return ServerProcess.tail(log, lines);
    }

    @Override
    public void close() {
        if (process.isAlive()) Processes.terminate(process.toHandle(), STOP_TIMEOUT);
    }
}
