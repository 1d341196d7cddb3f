package dev.nestor.daemon.ddns;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A BIND 9 {@code named} of our own on 127.0.0.1 (a free port, IPv4 only, no rndc, no recursion), serving empty
 * zones that accept updates signed with the given TSIG keys. Queried with {@code dig}.
 */
final class NamedServer implements AutoCloseable {
    private final Path dir;
    private final int port;
    private final ChildProcess process;
    private final Path dig;

    private NamedServer(Path dir, int port, ChildProcess process, Path dig) {
        this.dir = dir;
        this.port = port;
        this.process = process;
        this.dig = dig;
    }

    /**
     * @param keys  key name → "algorithm secret" (e.g. {@code hmac-sha256 LSWX...==}) BIND knows
     * @param zones zone name → key allowed to update it
     */
    static NamedServer start(Path dir, Map<String, String> keys, Map<String, String> zones) throws Exception {
        Path named = Tools.require("named");
        Path dig = Tools.require("dig");
        int port = Tools.freePort();
        StringBuilder conf = new StringBuilder();
        conf.append("options {\n  directory \"").append(dir).append("\";\n  listen-on port ").append(port)
                .append(" { 127.0.0.1; };\n  listen-on-v6 { none; };\n  pid-file \"").append(dir.resolve("named.pid"))
                .append("\";\n  recursion no;\n  dnssec-validation no;\n  notify no;\n  allow-query { any; };\n};\n")
                .append("controls { };\n");
        keys.forEach((name, spec) -> {
            String[] a = spec.split(" ");
            conf.append("key \"").append(name).append("\" { algorithm ").append(a[0]).append("; secret \"").append(a[1]).append("\"; };\n");
        });
        for (var z : zones.entrySet()) {
            Path file = dir.resolve(z.getKey() + ".db");
            // each zone is its own name server (in-zone NS with an address), so none depends on another's loading
            Files.writeString(file, "$TTL 300\n@ IN SOA ns admin 1 3600 600 86400 300\n  IN NS ns\nns IN A 127.0.0.1\n",
                    StandardCharsets.US_ASCII);
            conf.append("zone \"").append(z.getKey()).append("\" { type primary; file \"").append(file)
                    .append("\"; allow-update { key \"").append(z.getValue()).append("\"; }; };\n");
        }
        Path confFile = dir.resolve("named.conf");
        Files.writeString(confFile, conf.toString(), StandardCharsets.US_ASCII);
        ChildProcess p = ChildProcess.start("named", List.of(named.toString(), "-g", "-n", "1", "-4", "-c", confFile.toString()),
                dir, Map.of());
        NamedServer s = new NamedServer(dir, port, p, dig);
        String firstZone = zones.keySet().iterator().next();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (s.query(firstZone, "SOA").isEmpty()) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                String why = p.describe();
                s.close();
                throw new IllegalStateException("named did not come up:\n" + why);
            }
            Thread.sleep(100);
        }
        return s;
    }

    int port() {
        return port;
    }

    /** {@code dig +short} answer lines (data only), empty when there is no such record. */
    List<String> query(String name, String type) throws IOException, InterruptedException {
        return dig(name, type, "+short");
    }

    /** Full answer-section lines ({@code name ttl class type data}), for comparing record sets. */
    List<String> answer(String name, String type) throws IOException, InterruptedException {
        return dig(name, type, "+noall", "+answer");
    }

    private List<String> dig(String name, String type, String... format) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(dig.toString(), "@127.0.0.1", "-p", String.valueOf(port), "+norec",
                "+time=2", "+tries=2"));
        cmd.addAll(Arrays.asList(format));
        cmd.add(name);
        cmd.add(type);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(20, TimeUnit.SECONDS)) p.destroyForcibly();
        if (out.contains("connection timed out") || out.contains("communications error")) return List.of();
        return out.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith(";")).toList();
    }

    String describe() {
        return process.describe();
    }

    @Override
    public void close() {
        process.close();
    }
}
