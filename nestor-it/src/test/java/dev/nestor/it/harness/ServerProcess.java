package dev.nestor.it.harness;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The server under test running in the lab's server namespace: config written to the lab's work dir, output
 * captured in a log file, readiness by polling (control socket answers, and the DHCP port or a packet socket of
 * the process exists), stop by SIGTERM with the exit code checked.
 */
public final class ServerProcess implements AutoCloseable {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(40);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);

    private final NetnsLab lab;
    private final ServerKind kind;
    private final ServerConfig config;
    private final Path configFile;
    private final Path log;
    private final int serverPort;
    private final Process process;

    private ServerProcess(NetnsLab lab, ServerKind kind, ServerConfig config, Path configFile, Path log, int serverPort, Process process) {
        this.lab = lab;
        this.kind = kind;
        this.config = config;
        this.configFile = configFile;
        this.log = log;
        this.serverPort = serverPort;
        this.process = process;
    }

    /** Starts {@code kind} with {@code config} in the lab's server namespace and waits until it serves. */
    public static ServerProcess start(NetnsLab lab, ServerKind kind, ServerConfig config) {
        return start(lab, kind, config, List.of(), config.family() == 6 ? 547 : 67);
    }

    /** As {@link #start(NetnsLab, ServerKind, ServerConfig)}, with extra arguments (e.g. {@code -p}, {@code -d}). */
    public static ServerProcess start(NetnsLab lab, ServerKind kind, ServerConfig config, List<String> extraArgs, int serverPort) {
        ServerConfig effective = config.copy();
        kind.adapt(effective.root());
        int n = COUNTER.incrementAndGet();
        Path configFile = lab.workDir().resolve("dhcp" + config.family() + ".json");
        Path log = lab.workDir().resolve("server-" + n + ".log");
        write(configFile, effective.toJson());
        write(log, "");
        List<String> argv = new java.util.ArrayList<>(kind.command(config.family(), "-c", configFile.toString()));
        argv.addAll(extraArgs);
        if ("1".equals(System.getenv("NESTOR_IT_DEBUG")) && !argv.contains("-d")) argv.add("-d"); // debug logging
        Process p = lab.start(lab.serverNs(), argv, log, env(lab), true);
        ServerProcess server = new ServerProcess(lab, kind, effective, configFile, log, serverPort, p);
        server.awaitReady();
        return server;
    }

    /** Runs {@code -t FILE} for {@code config} inside the server namespace (interfaces must exist there). */
    public static Cmd.Result checkConfig(NetnsLab lab, ServerKind kind, ServerConfig config) {
        ServerConfig effective = config.copy();
        kind.adapt(effective.root());
        Path file = lab.workDir().resolve("check-" + COUNTER.incrementAndGet() + ".json");
        write(file, effective.toJson());
        List<String> argv = new java.util.ArrayList<>(List.of("ip", "netns", "exec", lab.serverNs(), "env"));
        env(lab).forEach((k, v) -> argv.add(k + "=" + v));
        argv.addAll(kind.command(config.family(), "-t", file.toString()));
        return Cmd.run(Duration.ofSeconds(60), argv);
    }

    private static Map<String, String> env(NetnsLab lab) {
        // Kea keeps its pid file and logger lock file there instead of /run/kea and /var/run/kea
        // NESTOR_DATA_DIR: the DHCPv6 server-id file (and any default lease file) stays inside the lab
        return Map.of("KEA_PIDFILE_DIR", lab.workDir().toString(), "KEA_LOCKFILE_DIR", lab.workDir().toString(),
                "NESTOR_DATA_DIR", lab.workDir().toString());
    }

    private void awaitReady() {
        Path socket = config.controlSocket();
        try {
            await("server " + kind + " ready").atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(200)).until(() -> {
                if (!process.isAlive()) {
                    throw new AssertionError(kind + " exited with " + process.exitValue() + " during startup\n" + logTail(60));
                }
                if (socket != null && !(Files.exists(socket) && control().answers())) return false;
                return dhcpSocketOpen();
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(kind + " not ready within " + START_TIMEOUT + " (control socket " + socket
                    + ", port " + serverPort + ")\n" + logTail(60), e);
        }
    }

    /** A UDP socket on the server port, or an AF_PACKET socket held by the server process. */
    private boolean dhcpSocketOpen() {
        Cmd.Result udp = lab.exec(lab.serverNs(), Duration.ofSeconds(5), "ss", "-H", "-lun");
        if (udp.exit() == 0 && udp.output().contains(":" + serverPort + " ")) return true;
        Cmd.Result raw = lab.exec(lab.serverNs(), Duration.ofSeconds(5), "ss", "-H", "-0", "-p");
        return raw.exit() == 0 && raw.output().contains("pid=" + process.pid() + ",");
    }

    public ControlClient control() {
        Path socket = config.controlSocket();
        if (socket == null) throw new IllegalStateException("config has no control-socket");
        return new ControlClient(socket);
    }

    /** SIGHUP: the server rereads its config file. */
    public void reload(ServerConfig newConfig) {
        ServerConfig effective = newConfig.copy();
        kind.adapt(effective.root());
        write(configFile, effective.toJson());
        Processes.signal(process.pid(), "HUP");
    }

    /** SIGTERM and wait; returns the exit code. Fails with the log tail if it does not stop in time. */
    public int stop() {
        if (!process.isAlive()) return process.exitValue();
        process.destroy();
        if (!Processes.waitExit(process.toHandle(), STOP_TIMEOUT)) {
            String tail = logTail(40);
            Processes.terminate(process.toHandle(), Duration.ofSeconds(1));
            throw new AssertionError(kind + " did not exit within " + STOP_TIMEOUT + " of SIGTERM\n" + tail);
        }
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    public ServerKind kind() {
        return kind;
    }

    public ServerConfig config() {
        return config;
    }

    public Path leaseFile() {
        return config.leaseFile();
    }

    public LeaseFile leases() {
        return LeaseFile.read(leaseFile());
    }

    /** The DHCPv6 lease file. */
    public LeaseFile6 leases6() {
        return LeaseFile6.read(leaseFile());
    }

    /** The lease file's text, whatever its family (for failure reports). */
    public String leaseDump() {
        try {
            Path f = leaseFile();
            return "---- " + f + "\n" + (Files.exists(f) ? Files.readString(f) : "(missing)") + "----";
        } catch (IOException e) {
            return "(cannot read " + leaseFile() + ")";
        }
    }

    public Path log() {
        return log;
    }

    public String logTail(int lines) {
        return tail(log, lines);
    }

    static String tail(Path file, int lines) {
        try {
            if (!Files.exists(file)) return "(no " + file + ")";
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            int from = Math.max(0, all.size() - lines);
            return "---- " + file + " (last " + (all.size() - from) + " of " + all.size() + " lines)\n"
                    + String.join("\n", all.subList(from, all.size())) + "\n----";
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e + ")";
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the server if still running, without checking the exit code (tests check it via {@link #stop()}). */
    @Override
    public void close() {
        if (process.isAlive()) Processes.terminate(process.toHandle(), STOP_TIMEOUT);
    }
}
