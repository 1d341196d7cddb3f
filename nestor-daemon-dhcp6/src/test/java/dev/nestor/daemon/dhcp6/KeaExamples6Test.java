package dev.nestor.daemon.dhcp6;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every Kea example under {@code ../shared/kea-examples/kea6} either passes {@code nestor-dhcp6 -t} or is refused
 * with exit code 1 and a message naming what is not supported (with its JSON path). The command line runs
 * in-process, exactly as {@code bin/nestor-dhcp6 -t FILE} would, minus the JVM start per file.
 */
class KeaExamples6Test {
    static Path folder() {
        String root = System.getenv("NESTOR_ROOT");
        Path base = root != null ? Path.of(root) : Path.of("").toAbsolutePath().getParent();
        Path dir = base.resolveSibling("shared").resolve("kea-examples/kea6");
        return Files.isDirectory(dir) ? dir : Path.of("/work/shared/kea-examples/kea6");
    }

    record Outcome(int exit, String text) {}

    static Outcome check(Path file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream saveOut = System.out, saveErr = System.err;
        try (PrintStream p = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            System.setOut(p);
            System.setErr(p);
            int exit = new CommandLine(new NestorDhcp6Main()).execute("-t", file.toString());
            return new Outcome(exit, out.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(saveOut);
            System.setErr(saveErr);
        }
    }

    @Test
    void everyExampleLoadsOrIsRefusedNamingTheUnsupportedFeature() throws Exception {
        Path dir = folder();
        Assumptions.assumeTrue(Files.isDirectory(dir) || "true".equalsIgnoreCase(System.getenv("CI")), "no kea6 examples at " + dir);
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).as("kea6 examples").isNotEmpty();
        List<String> accepted = new ArrayList<>(), refused = new ArrayList<>();
        for (Path f : files) {
            Outcome o = check(f);
            if (o.exit() == 0) {
                assertThat(o.text()).as(f.toString()).contains("is valid");
                accepted.add(f.getFileName().toString());
            } else {
                assertThat(o.exit()).as("%s: %s", f, o.text()).isEqualTo(1);
                assertThat(o.text()).as("%s names what is not supported: %s", f, o.text())
                        .contains("Dhcp6.").contains("not supported yet");
                refused.add(f.getFileName().toString());
            }
        }
        // the plain ones must load
        assertThat(accepted).contains("simple.json", "several-subnets.json", "shared-network.json", "reservations.json",
                "stateless.json", "tee-times.json");
        assertThat(refused).contains("hooks.json");
    }
}
