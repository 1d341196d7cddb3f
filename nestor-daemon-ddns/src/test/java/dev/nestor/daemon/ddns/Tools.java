package dev.nestor.daemon.ddns;

import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * OS tools the DNS tests drive (BIND's named and dig, Kea's kea-dhcp-ddns; scripts/install-test-deps.sh installs
 * them). Without them a test is skipped on a developer's machine, but with {@code CI=true} it fails: CI must never
 * go green by skipping.
 */
final class Tools {
    private Tools() {}

    static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** The tool's path; skips (or fails in CI) when it is not installed. */
    static Path require(String tool) {
        Path p = find(tool);
        if (p == null) {
            String why = tool + " is not installed (run scripts/install-test-deps.sh)";
            if (inCi()) fail("CI=true, so this precondition must hold instead of skipping: " + why);
            Assumptions.abort(why);
        }
        return p;
    }

    static Path find(String tool) {
        String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/sbin:/sbin:/usr/bin";
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path p = Path.of(dir, tool);
            if (Files.isExecutable(p)) return p;
        }
        return null;
    }

    /** A port that was free a moment ago on 127.0.0.1 for both UDP and TCP (DNS needs both). */
    static int freePort() throws java.io.IOException {
        for (int i = 0; i < 50; i++) {
            try (java.net.ServerSocket tcp = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                int port = tcp.getLocalPort();
                try (java.net.DatagramSocket udp = new java.net.DatagramSocket(port, java.net.InetAddress.getLoopbackAddress())) {
                    if (udp.getLocalPort() == port) return port;
                } catch (java.net.SocketException taken) {
                    // UDP side busy: try another
                }
            }
        }
        throw new java.io.IOException("no free port on 127.0.0.1");
    }
}
