package dev.nestor.it.harness;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The DHCP-DDNS daemon (Kea's "D2") in a lab namespace: {@code bin/nestor-ddns} or ISC {@code kea-dhcp-ddns}, both
 * with the same Kea {@code DhcpDdns} document and command line ({@code -c FILE}). It takes NameChangeRequests on
 * 127.0.0.1 (a free port) of that namespace, where the DHCP server sends them ({@code dhcp-ddns.server-ip/port}),
 * and updates the {@link Bind9} there. A unix control socket in the lab's work dir answers commands
 * (statistics, status-get). The lab stops the process if the test does not.
 */
public final class DdnsDaemon implements AutoCloseable {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(40);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);

    /** Which implementation runs. */
    public enum Kind {
        NESTOR, KEA;

        /** Why it cannot run here, or null. */
        public String unavailableReason() {
            return switch (this) {
                case NESTOR -> LocalDaemon.unavailable("nestor-ddns", "nestor-daemon-ddns");
                case KEA -> Require.which("kea-dhcp-ddns") == null ? "kea-dhcp-ddns not installed; run scripts/install-test-deps.sh" : null;
            };
        }

        List<String> command(Path config) {
            String exe = switch (this) {
                case NESTOR -> ServerKind.repoRoot().resolve("bin/nestor-ddns").toString();
                case KEA -> Require.which("kea-dhcp-ddns").toString();
            };
            return List.of(exe, "-c", config.toString());
        }

        @Override
        public String toString() {
            return this == NESTOR ? "nestor-ddns" : "kea-dhcp-ddns";
        }
    }

    /** A forward or reverse DDNS domain: updates for names under {@code name} go to the lab's BIND with {@code key}. */
    public record Domain(String name, Bind9.TsigKey key) {}

    private final Kind kind;
    private final int port;
    private final Path socket;
    private final Path configFile;
    private final Path log;
    private final Process process;

    private DdnsDaemon(Kind kind, int port, Path socket, Path configFile, Path log, Process process) {
        this.kind = kind;
        this.port = port;
        this.socket = socket;
        this.configFile = configFile;
        this.log = log;
        this.process = process;
    }

    /**
     * The {@code DhcpDdns} document: listener, control socket, stdout logging, every key of the domains once, each
     * domain served by {@code dns}. Kea 2.2's spellings ({@code control-socket}, {@code output_options}), which
     * nestor-ddns reads too.
     */
    public static ObjectNode config(int port, Path socket, Bind9 dns, List<Domain> forward, List<Domain> reverse) {
        ObjectNode doc = Json.MAPPER.createObjectNode();
        ObjectNode d = doc.putObject("DhcpDdns");
        d.put("ip-address", "127.0.0.1").put("port", port).put("dns-server-timeout", 1000);
        d.put("ncr-protocol", "UDP").put("ncr-format", "JSON");
        d.putObject("control-socket").put("socket-type", "unix").put("socket-name", socket.toString());
        Map<String, Bind9.TsigKey> keys = new java.util.LinkedHashMap<>();
        List<Domain> all = new ArrayList<>(forward);
        all.addAll(reverse);
        for (Domain dom : all) {
            Bind9.TsigKey k = keys.putIfAbsent(dom.key().name(), dom.key());
            if (k != null && !k.equals(dom.key())) throw new IllegalArgumentException("two secrets for key " + k.name());
        }
        ArrayNode keyArray = d.putArray("tsig-keys");
        for (Bind9.TsigKey k : keys.values()) {
            keyArray.addObject().put("name", k.name()).put("algorithm", k.keaAlgorithm()).put("secret", k.secret());
        }
        domains(d.putObject("forward-ddns"), forward, dns);
        domains(d.putObject("reverse-ddns"), reverse, dns);
        ObjectNode logger = d.putArray("loggers").addObject().put("name", "kea-dhcp-ddns").put("severity", "DEBUG").put("debuglevel", 50);
        logger.putArray("output_options").addObject().put("output", "stdout");
        return doc;
    }

    private static void domains(ObjectNode scope, List<Domain> domains, Bind9 dns) {
        ArrayNode list = scope.putArray("ddns-domains");
        for (Domain dom : domains) {
            ObjectNode o = list.addObject().put("name", dom.name().endsWith(".") ? dom.name() : dom.name() + ".")
                    .put("key-name", dom.key().name());
            o.putArray("dns-servers").addObject().put("ip-address", dns.address()).put("port", dns.port());
        }
    }

    /** Starts {@code kind} in {@code dns}'s namespace, serving the domains, and waits (bounded) until it listens. */
    public static DdnsDaemon start(NetnsLab lab, Kind kind, Bind9 dns, List<Domain> forward, List<Domain> reverse) {
        String problem = kind.unavailableReason();
        if (problem != null) throw new IllegalStateException(problem);
        int n = COUNTER.incrementAndGet();
        int port = LocalDaemon.freePort(); // a UDP port; the namespace is private, but never a fixed port
        Path socket = lab.workDir().resolve("d2-" + n + ".sock");
        Path configFile = lab.workDir().resolve("d2-" + n + "-" + kind + ".json");
        Path log = lab.workDir().resolve("d2-" + n + "-" + kind + ".log");
        write(configFile, Json.pretty(config(port, socket, dns, forward, reverse)));
        write(log, "");
        // Kea keeps its pid and logger lock files here instead of /run/kea
        Map<String, String> env = Map.of("KEA_PIDFILE_DIR", lab.workDir().toString(), "KEA_LOCKFILE_DIR", lab.workDir().toString());
        Process p = lab.start(dns.netns(), kind.command(configFile), log, env, true);
        DdnsDaemon d = new DdnsDaemon(kind, port, socket, configFile, log, p);
        try {
            await(kind + " ready").atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(200)).until(() -> {
                if (!p.isAlive()) throw new AssertionError(kind + " exited with " + p.exitValue() + " during startup\n" + d.logTail(60));
                if (!(Files.exists(socket) && d.control().answers())) return false;
                Cmd.Result udp = lab.exec(dns.netns(), Duration.ofSeconds(5), "ss", "-H", "-lun");
                return udp.exit() == 0 && udp.output().contains("127.0.0.1:" + port + " ");
            });
        } catch (ConditionTimeoutException e) {
            d.close();
            throw new AssertionError(kind + " not ready within " + START_TIMEOUT + " (NCR port " + port + ", socket " + socket + ")\n"
                    + d.logTail(60), e);
        }
        return d;
    }

    public Kind kind() {
        return kind;
    }

    /** The NCR listener's port on 127.0.0.1 of the namespace: the DHCP server's {@code dhcp-ddns.server-port}. */
    public int port() {
        return port;
    }

    /**
     * The DHCP server's {@code dhcp-ddns} map for this daemon (Kea's connectivity parameters: UDP, JSON). The
     * sender port is left to the server (0: any free port).
     */
    public ObjectNode dhcpDdnsParams() {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("enable-updates", true).put("server-ip", "127.0.0.1").put("server-port", port)
                .put("ncr-protocol", "UDP").put("ncr-format", "JSON");
        return o;
    }

    public ControlClient control() {
        return new ControlClient(socket);
    }

    /** A statistic's latest value (statistic-get-all), -1 if the daemon does not have it. */
    public long statistic(String name) {
        return control().statistic(name);
    }

    /** The main counters on one line, for failure reports ("ncr-received=0" means the DHCP server sent nothing). */
    public String statisticsSummary() {
        JsonNode all = control().command("statistic-get-all").path("arguments");
        StringBuilder sb = new StringBuilder();
        for (String name : List.of("ncr-received", "ncr-invalid", "ncr-error", "update-sent", "update-success", "update-error", "update-timeout")) {
            sb.append(name).append('=').append(all.path(name).path(0).path(0).asText("?")).append(' ');
        }
        return sb.toString().strip();
    }

    /** nestor-ddns: NameChangeRequests finished (added, removed or failed) since start, from status-get. */
    public long transactionsCompleted() {
        JsonNode a = control().command("status-get");
        JsonNode n = a.path("arguments").path("transactions-completed");
        if (!n.isNumber()) throw new IllegalStateException(kind + " status-get has no transactions-completed: " + a);
        return n.asLong();
    }

    /**
     * Waits (bounded) until nestor-ddns has finished {@code count} more transactions than {@code before}: the point
     * where a refused update is final and DNS can be checked for what did <em>not</em> change.
     */
    public void awaitCompleted(long before, int count, Duration timeout) {
        try {
            await(kind + " finishes " + count + " transaction(s)").atMost(timeout).pollInterval(Duration.ofMillis(100))
                    .until(() -> transactionsCompleted() >= before + count);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(kind + ": " + transactionsCompleted() + " transactions completed, waited for " + (before + count)
                    + "\n" + logTail(40), e);
        }
    }

    /**
     * nestor-ddns: waits (bounded) until every NCR received so far is finished, and returns the transaction count
     * then: the baseline for {@link #awaitCompleted}, with no earlier transaction still able to land after it.
     */
    public long awaitIdle(Duration timeout) {
        try {
            await(kind + " idle").atMost(timeout).pollInterval(Duration.ofMillis(100))
                    .until(() -> transactionsCompleted() >= statistic("ncr-received"));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(kind + " still busy after " + timeout + ": " + statisticsSummary() + "\n" + logTail(40), e);
        }
        return transactionsCompleted();
    }

    public Path configFile() {
        return configFile;
    }

    public Path log() {
        return log;
    }

    public String logTail(int lines) {
        return ServerProcess.tail(log, lines);
    }

    /** The whole log (e.g. to look for a message id). */
    public String logText() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM and wait; the exit code. */
    public int stop() {
        if (!process.isAlive()) return process.exitValue();
        process.destroy();
        if (!Processes.waitExit(process.toHandle(), STOP_TIMEOUT)) {
            String tail = logTail(40);
            Processes.terminate(process.toHandle(), Duration.ofSeconds(1));
            throw new AssertionError(kind + " did not exit within " + STOP_TIMEOUT + " of SIGTERM\n" + tail);
        }
        return process.exitValue();
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) Processes.terminate(process.toHandle(), STOP_TIMEOUT);
    }

    @Override
    public String toString() {
        return kind.toString().toLowerCase(Locale.ROOT) + " on 127.0.0.1:" + port;
    }
}
