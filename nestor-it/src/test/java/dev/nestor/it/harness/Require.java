package dev.nestor.it.harness;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Preconditions of the integration tests. Locally a missing precondition skips the test (a developer without root
 * can still run {@code mvn verify}); with {@code CI=true} it fails, so CI can never go green by skipping everything.
 */
public final class Require {
    private Require() {}

    public static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Skips (or, in CI, fails) with {@code reason} unless {@code condition} holds. */
    public static void that(boolean condition, String reason) {
        if (condition) return;
        if (inCi()) fail("CI=true, so this precondition must hold instead of skipping: " + reason);
        Assumptions.abort(reason);
    }

    public static void root() {
        that(isRoot(), "integration tests need root (network namespaces, raw sockets); run as root");
    }

    /** Every named tool must be on the PATH; scripts/install-test-deps.sh installs them. */
    public static void tools(String... names) {
        List<String> missing = new ArrayList<>();
        for (String n : names) if (which(n) == null) missing.add(n);
        that(missing.isEmpty(), "missing tools " + missing + "; run scripts/install-test-deps.sh");
    }

    /** Root, the tools, and the server under test. */
    public static void lab(ServerKind server, String... tools) {
        root();
        tools("ip", "ss", "unshare", "nsenter");
        tools(tools);
        String problem = server.unavailableReason();
        that(problem == null, problem);
    }

    /** As {@link #lab}, for the DHCPv6 daemon. */
    public static void lab6(ServerKind server, String... tools) {
        root();
        tools("ip", "ss", "unshare", "nsenter");
        tools(tools);
        String problem = server.unavailableReason(6);
        that(problem == null, problem);
    }

    static boolean isRoot() {
        try {
            return Cmd.run(java.time.Duration.ofSeconds(5), "id", "-u").output().trim().equals("0");
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Full path of an executable on PATH (plus the sbin directories, which a non-login PATH may lack), or null. */
    public static Path which(String name) {
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin:/usr/bin:/bin";
        for (String dir : path.split(":")) {
            if (dir.isEmpty()) continue;
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p) && !Files.isDirectory(p)) return p;
        }
        return null;
    }
}
