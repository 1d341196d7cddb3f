package dev.nestor.it.harness;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A BIND 9 {@code named} of the test's own inside a lab namespace: it listens on that namespace's 127.0.0.1 only
 * (a free port; IPv4 transport, no rndc, no recursion) and serves empty primary zones that accept dynamic updates
 * signed with one TSIG key each, exactly as a user would set it up (keys made by {@code tsig-keygen}). Everything
 * it writes (config, zone files, journals) stays in its own directory under the lab's work dir; the lab stops it.
 * Tests look at it the way a user would: {@code dig} against it, from inside the namespace.
 */
public final class Bind9 implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration DIG_TIMEOUT = Duration.ofSeconds(15);
    private static final Pattern SECRET = Pattern.compile("secret\\s+\"([^\"]+)\"");

    /** The zones every DDNS test needs: forward, a second forward zone, and reverse zones of the test prefixes. */
    public static final String FORWARD = "example.org";
    public static final String REVERSE_192_0_2 = "2.0.192.in-addr.arpa";
    public static final String REVERSE_198_51_100 = "100.51.198.in-addr.arpa";
    public static final String REVERSE_203_0_113 = "113.0.203.in-addr.arpa";
    /** Reverse zone of 2001:db8::/32. */
    public static final String REVERSE_2001_DB8 = "8.b.d.0.1.0.0.2.ip6.arpa";

    /** A TSIG key as BIND and the DDNS daemons both spell it ({@code hmac-sha256}, base64 secret). */
    public record TsigKey(String name, String algorithm, String secret) {
        public TsigKey {
            if (name.isBlank() || algorithm.isBlank() || secret.isBlank()) throw new IllegalArgumentException("empty key field");
        }

        /** A fresh key from {@code tsig-keygen -a <algorithm> <name>}, as the how-to tells users to make one. */
        public static TsigKey generate(String name, String algorithm) {
            String out = Cmd.run(Duration.ofSeconds(10), "tsig-keygen", "-a", algorithm, name).orThrow().output();
            Matcher m = SECRET.matcher(out);
            if (!m.find()) throw new IllegalStateException("no secret in tsig-keygen output:\n" + out);
            return new TsigKey(name, algorithm, m.group(1));
        }

        /** The same key name and algorithm with another secret (what a typo in a config amounts to). */
        public TsigKey withOtherSecret() {
            return generate(name, algorithm);
        }

        /** The algorithm as Kea's {@code tsig-keys} entries name it ({@code HMAC-SHA256}). */
        public String keaAlgorithm() {
            return algorithm.toUpperCase(java.util.Locale.ROOT);
        }
    }

    /** A primary zone that accepts updates signed with {@code updateKey}. */
    public record Zone(String name, TsigKey updateKey) {}

    private final NetnsLab lab;
    private final String netns;
    private final int port;
    private final Path log;
    private final Process process;

    private Bind9(NetnsLab lab, String netns, int port, Path log, Process process) {
        this.lab = lab;
        this.netns = netns;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /** Starts named in {@code netns} serving {@code zones} and waits (bounded) until every zone answers SOA. */
    public static Bind9 start(NetnsLab lab, String netns, List<Zone> zones) {
        Path named = Require.which("named");
        if (named == null) throw new IllegalStateException("named not installed; run scripts/install-test-deps.sh");
        // the namespace's loopback is private to the lab, but pick a port free here anyway: never a fixed one
        int port = LocalDaemon.freePort();
        Path dir;
        try {
            dir = Files.createTempDirectory(lab.workDir(), "named-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder conf = new StringBuilder();
        conf.append("options {\n")
                .append("  directory \"").append(dir).append("\";\n")
                .append("  pid-file \"").append(dir.resolve("named.pid")).append("\";\n")
                .append("  session-keyfile \"").append(dir.resolve("session.key")).append("\";\n")
                .append("  managed-keys-directory \"").append(dir).append("\";\n")
                .append("  listen-on port ").append(port).append(" { 127.0.0.1; };\n")
                .append("  listen-on-v6 { none; };\n")
                .append("  recursion no;\n  dnssec-validation no;\n  notify no;\n  allow-query { any; };\n")
                .append("};\ncontrols { };\n");
        Map<String, TsigKey> keys = new java.util.LinkedHashMap<>();
        for (Zone z : zones) keys.putIfAbsent(z.updateKey().name(), z.updateKey());
        for (TsigKey k : keys.values()) {
            conf.append("key \"").append(k.name()).append("\" {\n  algorithm ").append(k.algorithm())
                    .append(";\n  secret \"").append(k.secret()).append("\";\n};\n");
        }
        for (Zone z : zones) {
            Path file = dir.resolve(z.name() + ".db");
            // each zone names itself as its name server (in-zone NS with an address): no zone depends on another
            write(file, "$TTL 300\n@ IN SOA ns admin 1 3600 600 86400 300\n  IN NS ns\nns IN A 127.0.0.1\n");
            conf.append("zone \"").append(z.name()).append("\" {\n  type primary;\n  file \"").append(file)
                    .append("\";\n  allow-update { key \"").append(z.updateKey().name()).append("\"; };\n};\n");
        }
        Path confFile = dir.resolve("named.conf");
        write(confFile, conf.toString());
        Cmd.Result check = Cmd.run(Duration.ofSeconds(20), "named-checkconf", confFile.toString());
        if (check.exit() != 0) throw new IllegalStateException("named-checkconf refused " + confFile + ":\n" + check.output() + "\n" + conf);
        Path log = dir.resolve("named.log");
        write(log, "");
        // -g: foreground, log to stderr; -4: IPv4 transport only; no -u: stays root inside the throw-away namespace
        Process p = lab.start(netns, List.of(named.toString(), "-g", "-4", "-n", "1", "-c", confFile.toString()), log,
                NetnsLab.TOOL_ENV, false);
        Bind9 bind = new Bind9(lab, netns, port, log, p);
        try {
            await("named serving " + zones.size() + " zones").atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(200)).until(() -> {
                if (!p.isAlive()) throw new AssertionError("named exited with " + p.exitValue() + "\n" + bind.logTail(40));
                for (Zone z : zones) if (bind.query(z.name(), "SOA").isEmpty()) return false;
                return true;
            });
        } catch (ConditionTimeoutException e) {
            bind.close();
            throw new AssertionError("named not serving within " + START_TIMEOUT + "\n" + bind.logTail(40), e);
        }
        return bind;
    }

    /** The standard zone set of the DDNS tests, all updatable with {@code key}. */
    public static List<Zone> standardZones(TsigKey key) {
        return List.of(new Zone(FORWARD, key), new Zone(REVERSE_192_0_2, key), new Zone(REVERSE_198_51_100, key),
                new Zone(REVERSE_203_0_113, key), new Zone(REVERSE_2001_DB8, key));
    }

    /** The address the DDNS daemons send updates to (named's listener inside the namespace). */
    public String address() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    public String netns() {
        return netns;
    }

    /** {@code dig +short NAME TYPE} against this server: the data of each answer record, empty if there is none. */
    public List<String> query(String name, String type) {
        return dig(name, type, "+short");
    }

    /** Full answer lines ({@code owner ttl class type data}, tab separated) of {@code dig +noall +answer}. */
    public List<String> answer(String name, String type) {
        return dig(name, type, "+noall", "+answer");
    }

    private List<String> dig(String name, String type, String... format) {
        List<String> argv = new ArrayList<>(List.of("dig", "@" + address(), "-p", Integer.toString(port), "+norec",
                "+time=2", "+tries=2"));
        argv.addAll(List.of(format));
        argv.add(name);
        argv.add(type);
        Cmd.Result r = lab.exec(netns, DIG_TIMEOUT, argv.toArray(String[]::new));
        if (r.exit() != 0) throw new IllegalStateException("dig failed (exit " + r.exit() + "): " + String.join(" ", argv) + "\n" + r.output());
        return r.output().lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith(";")).toList();
    }

    /** Waits (bounded) until {@code dig +short NAME TYPE} satisfies {@code condition}; returns that answer. */
    public List<String> awaitAnswer(String name, String type, Predicate<List<String>> condition, Duration timeout, String what) {
        try {
            return await(what).atMost(timeout).pollInterval(Duration.ofMillis(200))
                    .until(() -> query(name, type), condition);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(what + ": " + name + " " + type + " is " + query(name, type) + " after " + timeout
                    + "\n" + logTail(30), e);
        }
    }

    /** The reverse-lookup name of an IPv4 or IPv6 address ({@code 10.2.0.192.in-addr.arpa}, nibbles for IPv6). */
    public static String reverseName(String address) {
        byte[] b = java.net.InetAddress.ofLiteral(address).getAddress();
        StringBuilder sb = new StringBuilder();
        if (b.length == 4) {
            for (int i = 3; i >= 0; i--) sb.append(b[i] & 0xff).append('.');
            return sb.append("in-addr.arpa").toString();
        }
        for (int i = 15; i >= 0; i--) {
            sb.append(Character.forDigit(b[i] & 0xf, 16)).append('.').append(Character.forDigit((b[i] >> 4) & 0xf, 16)).append('.');
        }
        return sb.append("ip6.arpa").toString();
    }

    public Path log() {
        return log;
    }

    public String logTail(int lines) {
        return ServerProcess.tail(log, lines);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) Processes.terminate(process.toHandle(), Duration.ofSeconds(10));
    }
}
