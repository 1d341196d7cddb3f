package dev.nestor.it.harness;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Stopping processes we started: SIGTERM, a bounded wait, then SIGKILL (descendants included). */
public final class Processes {
    private Processes() {}

    /** Ends {@code process} and every descendant; returns true if it ended within {@code grace} after SIGTERM. */
    public static boolean terminate(ProcessHandle process, Duration grace) {
        List<ProcessHandle> descendants = process.descendants().toList();
        boolean clean = true;
        if (process.isAlive()) {
            process.destroy();
            clean = waitExit(process, grace);
            if (!clean) process.destroyForcibly();
        }
        for (ProcessHandle d : descendants) {
            if (d.isAlive()) {
                d.destroy();
                if (!waitExit(d, Duration.ofSeconds(1))) d.destroyForcibly();
            }
        }
        waitExit(process, Duration.ofSeconds(2));
        return clean;
    }

    public static boolean waitExit(ProcessHandle p, Duration timeout) {
        CompletableFuture<ProcessHandle> exit = p.onExit();
        try {
            exit.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !p.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !p.isAlive();
        }
    }

    /** Sends a signal by number/name to one pid (kill -SIG pid). */
    public static void signal(long pid, String signal) {
        Cmd.run(Duration.ofSeconds(5), "kill", "-" + signal, Long.toString(pid)).orThrow();
    }
}
