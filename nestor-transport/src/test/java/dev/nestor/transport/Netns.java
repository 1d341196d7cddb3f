package dev.nestor.transport;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * A throw-away test network: namespace {@code ntt-<rand>} holding the peer ends of veth pairs whose other ends stay in
 * the test JVM's namespace. Addresses are random /30s inside 192.0.2.0/24 and 198.51.100.0/24 so concurrent test
 * networks on this host are unlikely to overlap. Peers are driven with {@code ip netns exec <ns> python3 -c ...}.
 */
final class Netns implements AutoCloseable {
    final String suffix = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(2);
    final String namespace = "ntt-" + suffix;
    private final List<String> hostLinks = new ArrayList<>();

    /** Skips the test when not root (or tools are missing), but fails instead on CI, where a skip would hide breakage. */
    static void requirePrivileges() {
        String why = null;
        if (!isRoot()) why = "needs root (network namespaces, AF_PACKET)";
        else if (!Files.isExecutable(Path.of("/usr/sbin/ip")) && !Files.isExecutable(Path.of("/sbin/ip")) && !Files.isExecutable(Path.of("/usr/bin/ip")))
            why = "needs iproute2 (ip)";
        if (why == null) return;
        if ("true".equalsIgnoreCase(System.getenv("CI"))) fail("CI=true but the namespace test cannot run: " + why);
        Assumptions.abort(why);
    }

    private static boolean isRoot() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("Uid:")).anyMatch(l -> l.split("\\s+")[1].equals("0"));
        } catch (IOException e) {
            return false;
        }
    }

    static String python() {
        return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    }

    Netns() {
        run("ip", "netns", "add", namespace);
        try {
            inNs("ip", "link", "set", "lo", "up");
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** A veth pair: {@code host} stays here with {@code hostAddress/30}, {@code peer} goes into the namespace. */
    void link(String host, String hostCidr, String peer, String peerCidr) {
        hostLinks.add(host); // before creation, so a half-made pair is still cleaned up
        run("ip", "link", "add", host, "type", "veth", "peer", "name", peer);
        run("ip", "link", "set", peer, "netns", namespace);
        run("ip", "addr", "add", hostCidr, "dev", host);
        run("ip", "link", "set", host, "up");
        inNs("ip", "addr", "add", peerCidr, "dev", peer);
        inNs("ip", "link", "set", peer, "up");
    }

    String inNs(String... cmd) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        full.addAll(List.of(cmd));
        return run(full.toArray(String[]::new));
    }

    /** Starts a python script in the namespace; stdout and stderr are merged so tracebacks show up in failures. */
    Peer python(String script, String... args) {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", namespace, python(), "-c", script));
        cmd.addAll(List.of(args));
        try {
            return new Peer(new ProcessBuilder(cmd).redirectErrorStream(true).start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String run(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int rc = p.waitFor();
            if (rc != 0) throw new IllegalStateException(String.join(" ", cmd) + " exited " + rc + ": " + out);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Deleting the namespace destroys the peer ends and with them their host ends; the link deletes are a backstop. */
    @Override
    public void close() {
        try {
            run("ip", "netns", "del", namespace);
        } catch (RuntimeException e) {
            // not created, or already gone
        }
        for (String l : hostLinks) {
            try {
                run("ip", "link", "del", l);
            } catch (RuntimeException e) {
                // normally gone with the namespace
            }
        }
    }

    /** A running peer script. */
    static final class Peer implements AutoCloseable {
        private final Process process;
        private final BufferedReader out;
        private final StringBuilder transcript = new StringBuilder();

        Peer(Process process) {
            this.process = process;
            this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }

        /** The next line starting with {@code prefix}; other lines (warnings) are kept for the failure message. */
        String lineStartingWith(String prefix) {
            try {
                for (String l; (l = out.readLine()) != null; ) {
                    transcript.append(l).append('\n');
                    if (l.startsWith(prefix)) return l;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            throw new IllegalStateException("peer ended without a '" + prefix + "' line; output:\n" + transcript);
        }

        /** The peer's JSON result line as a flat map. */
        Map<String, String> result() { return parseFlatJson(lineStartingWith("{")); }

        void awaitExit() throws InterruptedException {
            int rc = process.waitFor();
            if (rc != 0) {
                lineStartingWith("\u0000never"); // drains the output into the exception
                throw new IllegalStateException("peer exited " + rc);
            }
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }

    private static final Pattern FIELD = Pattern.compile("\"(\\w+)\": (?:\"([^\"]*)\"|(-?\\d+|null|true|false))");

    static Map<String, String> parseFlatJson(String json) {
        Map<String, String> m = new HashMap<>();
        Matcher matcher = FIELD.matcher(json);
        while (matcher.find()) m.put(matcher.group(1), matcher.group(2) != null ? matcher.group(2) : matcher.group(3));
        return m;
    }
}
