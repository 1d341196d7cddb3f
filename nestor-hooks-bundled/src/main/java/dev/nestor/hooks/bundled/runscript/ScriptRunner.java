package dev.nestor.hooks.bundled.runscript;

import org.slf4j.Logger;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Runs the script off the packet path: callouts only enqueue (a bounded queue; when it is full the run is dropped
 * and logged, never waited for). One thread starts the runs in order and waits for each, so a script sees events in
 * the order the server produced them and at most one instance runs at a time. The script gets the hook point's name
 * as its only argument and, as with Kea's ProcessSpawn, exactly the exported variables as its environment.
 */
final class ScriptRunner implements AutoCloseable {
    static final int QUEUE = 1024;
    /** A script that runs longer than this no longer holds up the next ones. */
    private static final long MAX_WAIT_SECONDS = 30;

    private final Path script;
    private final Logger log;
    private final ThreadPoolExecutor worker;

    ScriptRunner(Path script, Logger log) {
        this.script = script;
        this.log = log;
        this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE),
                Thread.ofPlatform().name("run-script").daemon(true).factory());
    }

    void submit(String hookPoint, Map<String, String> env) {
        try {
            worker.execute(() -> run(hookPoint, env));
        } catch (RejectedExecutionException e) {
            log.warn("run_script: queue full ({} pending), {} not run", QUEUE, hookPoint);
        }
    }

    private void run(String hookPoint, Map<String, String> env) {
        ProcessBuilder pb = new ProcessBuilder(script.toString(), hookPoint)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(env);
        try {
            Process p = pb.start();
            if (!p.waitFor(MAX_WAIT_SECONDS, TimeUnit.SECONDS)) {
                log.warn("run_script: {} {} still running after {} s, not waiting any more", script, hookPoint, MAX_WAIT_SECONDS);
            } else if (p.exitValue() != 0) {
                log.debug("run_script: {} {} exited with {}", script, hookPoint, p.exitValue());
            }
        } catch (IOException e) {
            log.error("run_script: cannot run {}: {}", script, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops taking runs; those queued still run (bounded wait), a running script is left to finish on its own. */
    @Override
    public void close() {
        worker.shutdown();
        try {
            if (!worker.awaitTermination(5, TimeUnit.SECONDS)) worker.shutdownNow();
        } catch (InterruptedException e) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
