package dev.nestor.daemon.ddns;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A daemon the tests start (named, nestor-ddns, kea-dhcp-ddns): output to a log file, stopped with SIGTERM (then
 * SIGKILL) by its own pid, also when the test JVM exits early.
 */
final class ChildProcess implements AutoCloseable {
    private final String name;
    private final Process process;
    private final Path log;
    private final Thread reaper;

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.reaper = new Thread(this::kill, "stop-" + name);
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    static ChildProcess start(String name, List<String> command, Path dir, Map<String, String> env) throws IOException {
        Path log = dir.resolve(name + ".log");
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().putAll(env);
        return new ChildProcess(name, pb.start(), log);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** {@return the exit code, or -1 when still running after {@code timeout}} */
    int awaitExit(java.time.Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    long pid() {
        return process.pid();
    }

    String log() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    /** The process's output so far, for failure messages. */
    String describe() {
        return "---- " + name + " (pid " + process.pid() + (process.isAlive() ? ", running" : ", exit " + process.exitValue())
                + ") ----\n" + log();
    }

    private void kill() {
        if (!process.isAlive()) return;
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        kill();
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
    }
}
