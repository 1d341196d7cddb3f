package dev.nestor.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nestor.it.harness.Cmd;
import dev.nestor.it.harness.Require;
import dev.nestor.it.harness.ServerKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code bin/nestor-dhcp6 -t} as a user runs it: the bundled example and Kea's {@code kea6/simple.json} pass, and
 * Kea's {@code kea6/hooks.json} is refused naming what is not supported. (Every file of the kea6 folder is checked
 * in-process by nestor-daemon-dhcp6's KeaExamples6Test; one JVM per file here would take a minute.) Needs no root.
 */
class KeaExample6ConfigTest {
    final ServerKind kind = ServerKind.selected();

    static Path examples() {
        String env = System.getenv("NESTOR_IT_KEA_EXAMPLES");
        Path dir = env != null && !env.isBlank() ? Path.of(env).resolveSibling("kea6")
                : ServerKind.repoRoot().resolveSibling("shared").resolve("kea-examples/kea6");
        return Files.isDirectory(dir) ? dir : Path.of("/work/shared/kea-examples/kea6");
    }

    private Cmd.Result check(Path file) {
        return Cmd.run(Duration.ofSeconds(60), kind.command(6, "-t", file.toString()));
    }

    @Test
    void checkAcceptsTheExamplesAndNamesWhatIsNotSupported() {
        Require.that(kind == ServerKind.NESTOR, "the refusal texts are Nestor's");
        Require.that(kind.unavailableReason(6) == null, String.valueOf(kind.unavailableReason(6)));
        Require.that(Files.isDirectory(examples()), "Kea kea6 examples not found at " + examples());

        for (Path ok : List.of(ServerKind.repoRoot().resolve("etc/nestor-dhcp6.json"), examples().resolve("simple.json"))) {
            Cmd.Result r = check(ok);
            assertThat(r.exit()).as("-t %s: %s", ok, r.output()).isZero();
        }
        Cmd.Result hooks = check(examples().resolve("hooks.json"));
        assertThat(hooks.exit()).as("-t hooks.json: %s", hooks.output()).isEqualTo(1);
        assertThat(hooks.output()).contains("Dhcp6.hooks-libraries[0].library").contains("is not supported yet");
    }
}
