package dev.nestor.it.harness;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The DHCPv4 server under test: {@code bin/nestor-dhcp4} (default) or ISC {@code kea-dhcp4}, chosen by the system
 * property {@code nestor.it.server} or the environment variable {@code NESTOR_IT_SERVER} ({@code nestor|kea}).
 * Both get the same Kea-format configuration and the same command line.
 */
public enum ServerKind {
    NESTOR,
    KEA;

    private static final Path KEA_LEASE_CMDS = Path.of("/usr/lib/x86_64-linux-gnu/kea/hooks/libdhcp_lease_cmds.so");

    public static ServerKind selected() {
        String v = System.getProperty("nestor.it.server");
        if (v == null || v.isBlank()) v = System.getenv("NESTOR_IT_SERVER");
        if (v == null || v.isBlank()) return NESTOR;
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "nestor" -> NESTOR;
            case "kea" -> KEA;
            default -> throw new IllegalArgumentException("NESTOR_IT_SERVER must be nestor or kea, not " + v);
        };
    }

    /** The launcher: {@code <repo>/bin/nestor-dhcp4} or {@code kea-dhcp4} from the PATH. */
    public Path executable() {
        return executable(4);
    }

    /** The DHCPv4 ({@code family} 4) or DHCPv6 (6) launcher: {@code bin/nestor-dhcp<family>} or {@code kea-dhcp<family>}. */
    public Path executable(int family) {
        return switch (this) {
            case NESTOR -> repoRoot().resolve("bin/nestor-dhcp" + family);
            case KEA -> {
                Path p = Require.which("kea-dhcp" + family);
                yield p == null ? Path.of("kea-dhcp" + family) : p;
            }
        };
    }

    public List<String> command(String... args) {
        return command(4, args);
    }

    public List<String> command(int family, String... args) {
        List<String> argv = new java.util.ArrayList<>();
        argv.add(executable(family).toString());
        argv.addAll(List.of(args));
        return argv;
    }

    /** Why this server cannot run here, or null if it can. */
    public String unavailableReason() {
        return unavailableReason(4);
    }

    /** Why this server's DHCPv4 (4) or DHCPv6 (6) daemon cannot run here, or null if it can. */
    public String unavailableReason(int family) {
        String daemon = (this == NESTOR ? "nestor-dhcp" : "kea-dhcp") + family;
        return switch (this) {
            case NESTOR -> {
                Path launcher = executable(family);
                if (!Files.isExecutable(launcher)) yield "server launcher missing: " + launcher;
                Path lib = repoRoot().resolve("nestor-daemon-dhcp" + family + "/target/lib");
                yield Files.isDirectory(lib) ? null
                        : daemon + " is not built (" + lib + " missing); run ./mvnw -q -DskipTests install first";
            }
            case KEA -> Require.which(daemon) == null ? daemon + " not installed; run scripts/install-test-deps.sh" : null;
        };
    }

    /**
     * Server-specific additions to an otherwise identical config, for Kea only: it answers lease4-get-all and
     * friends only with its lease_cmds hook library loaded (Nestor has those commands built in), and Debian's
     * Kea 2.2 knows loggers' output options only as {@code output_options}.
     */
    public void adapt(ObjectNode dhcp4) {
        // dhcp4 is the Dhcp4 or Dhcp6 object: the same adaptations apply to both daemons
        if (this != KEA) return;
        // Debian's Kea 2.2 predates the "output-options" spelling used by current Kea examples
        for (var logger : dhcp4.path("loggers")) {
            if (logger instanceof ObjectNode l && l.has("output-options") && !l.has("output_options")) {
                l.set("output_options", l.remove("output-options"));
            }
        }
        if (!dhcp4.has("control-socket") || !Files.exists(KEA_LEASE_CMDS)) return;
        ArrayNode hooks = dhcp4.withArray("hooks-libraries");
        for (var h : hooks) if (h.path("library").asText().contains("lease_cmds")) return;
        hooks.addObject().put("library", KEA_LEASE_CMDS.toString());
    }

    /** The repository root: {@code NESTOR_ROOT} (set by the parent pom's Surefire config) or found upwards. */
    public static Path repoRoot() {
        String env = System.getenv("NESTOR_ROOT");
        if (env != null && !env.isBlank() && Files.exists(Path.of(env, "mvnw"))) return Path.of(env).toAbsolutePath();
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.exists(d.resolve("mvnw")) && Files.exists(d.resolve("nestor-it"))) return d;
        }
        return dir;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
