package dev.nestor.daemon.ddns;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nestor.control.http.UnixCommandClient;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real nestor-ddns daemon ({@link NestorDdnsMain} in its own JVM, on this build's class path) with a generated
 * configuration, driven over its unix control socket.
 */
final class NestorDdnsProcess implements AutoCloseable {
    private final ChildProcess process;
    private final Path socket;
    private final int ncrPort;
    private final UnixCommandClient client = new UnixCommandClient(Duration.ofSeconds(10));

    private final Path file;

    private NestorDdnsProcess(ChildProcess process, Path socket, int ncrPort, Path file) {
        this.process = process;
        this.socket = socket;
        this.ncrPort = ncrPort;
        this.file = file;
    }

    private static String document(int port, Path socket, String configBody) {
        return "{ \"DhcpDdns\": { \"ip-address\": \"127.0.0.1\", \"port\": " + port + ",\n"
                + "  \"control-sockets\": [ { \"socket-type\": \"unix\", \"socket-name\": \"" + socket + "\" } ],\n"
                + "  \"loggers\": [ { \"name\": \"kea-dhcp-ddns\", \"severity\": \"DEBUG\", \"debuglevel\": 99,"
                + " \"output-options\": [ { \"output\": \"stdout\" } ] } ],\n"
                + configBody + " } }";
    }

    /** Replaces the configuration file (same address and control socket); the daemon reads it on SIGHUP. */
    void rewrite(String configBody) throws IOException {
        Files.writeString(file, document(ncrPort, socket, configBody), StandardCharsets.UTF_8);
    }

    /** Sends a signal (HUP, TERM) to the daemon by its pid. */
    void signal(String name) throws IOException, InterruptedException {
        Process k = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).inheritIO().start();
        if (k.waitFor() != 0) throw new IOException("kill -" + name + " failed");
    }

    /** Waits for the daemon to exit. {@return its exit code, or -1 if it is still running after the timeout} */
    int awaitExit(Duration timeout) throws InterruptedException {
        return process.awaitExit(timeout);
    }

    /** Starts the daemon on {@code config} (a DhcpDdns map body, without ip-address/port/control-sockets). */
    static NestorDdnsProcess start(Path dir, String configBody) throws Exception {
        int port = Tools.freePort();
        Path socket = dir.resolve("nestor-ddns.sock");
        String json = document(port, socket, configBody);
        Path file = dir.resolve("nestor-ddns.json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        String java = ProcessHandle.current().info().command().orElse("java");
        ChildProcess p = ChildProcess.start("nestor-ddns", List.of(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), NestorDdnsMain.class.getName(), "-c", file.toString()), dir, Map.of());
        NestorDdnsProcess d = new NestorDdnsProcess(p, socket, port, file);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            if (!p.isAlive()) throw new IllegalStateException("nestor-ddns exited:\n" + p.describe());
            if (Files.exists(socket)) {
                try {
                    if (d.command("{ \"command\": \"status-get\" }").path("result").asInt(1) == 0) break;
                } catch (IOException notYet) {
                    // the socket file appears just before it accepts
                }
            }
            if (System.nanoTime() > deadline) {
                d.close();
                throw new IllegalStateException("nestor-ddns did not answer on " + socket + ":\n" + p.describe());
            }
            Thread.sleep(100);
        }
        return d;
    }

    InetSocketAddress ncrAddress() {
        return new InetSocketAddress("127.0.0.1", ncrPort);
    }

    JsonNode command(String json) throws IOException {
        return client.send(socket, json);
    }

    /** A statistic's current value (0 when it does not exist). */
    long stat(String name) throws IOException {
        JsonNode a = command("{ \"command\": \"statistic-get\", \"arguments\": { \"name\": \"" + name + "\" } }");
        return a.path("arguments").path(name).path(0).path(0).asLong(0);
    }

    /** Transactions finished since start (status-get). */
    long completed() throws IOException {
        return command("{ \"command\": \"status-get\" }").path("arguments").path("transactions-completed").asLong();
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String describe() {
        return process.describe();
    }

    @Override
    public void close() {
        process.close();
    }
}
