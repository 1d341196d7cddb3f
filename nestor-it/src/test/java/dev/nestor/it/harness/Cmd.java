package dev.nestor.it.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs short-lived commands with a time bound and captures their combined output. */
public final class Cmd {
    private Cmd() {}

    public record Result(List<String> argv, int exit, String output) {
        public Result orThrow() {
            if (exit != 0) throw new IllegalStateException("command failed (exit " + exit + "): " + String.join(" ", argv) + "\n" + output);
            return this;
        }
    }

    public static Result run(Duration timeout, String... argv) {
        return run(timeout, List.of(argv));
    }

    public static Result run(Duration timeout, List<String> argv) {
        Path out = null;
        Process p = null;
        try {
            out = Files.createTempFile("nit-cmd-", ".out");
            p = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(out.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                Processes.terminate(p.toHandle(), Duration.ofSeconds(2));
                throw new IllegalStateException("command timed out after " + timeout + ": " + String.join(" ", argv)
                        + "\n" + Files.readString(out, StandardCharsets.UTF_8));
            }
            return new Result(List.copyOf(argv), p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + argv, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (p != null) p.destroyForcibly();
            throw new IllegalStateException("interrupted running " + argv, e);
        } finally {
            if (out != null) {
                try {
                    Files.deleteIfExists(out);
                } catch (IOException ignored) {
                    // a temp file left behind is harmless
                }
            }
        }
    }

    /** Runs and throws with the output unless the exit code is 0. */
    public static String ok(String... argv) {
        return run(Duration.ofSeconds(20), argv).orThrow().output();
    }
}
