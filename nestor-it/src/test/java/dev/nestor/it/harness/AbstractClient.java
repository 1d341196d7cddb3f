package dev.nestor.it.harness;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;

/** Shared plumbing: a private directory, the record file, the output log, bounded waits for script events. */
abstract class AbstractClient implements DhcpClient {
    static final Duration EVENT_TIMEOUT = Duration.ofSeconds(30);

    final NetnsLab lab;
    final Host host;
    final Path dir;
    final Path output;
    final ScriptRecord record;
    Process process;

    AbstractClient(NetnsLab lab, Host host, String kind) {
        this.lab = lab;
        this.host = host;
        try {
            // one directory per client object: a new object on the same host starts with no remembered lease
            this.dir = Files.createTempDirectory(lab.workDir(), kind + "-" + host.iface() + "-");
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.output = dir.resolve("output.log");
        this.record = new ScriptRecord(dir.resolve("events.txt"));
    }

    @Override
    public Host host() {
        return host;
    }

    Process startInNs(List<String> argv) {
        appendMarker("$ " + String.join(" ", argv));
        return lab.startTool(host.netns(), argv, output);
    }

    void appendMarker(String line) {
        try {
            Files.writeString(output, line + "\n", java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the first script event after index {@code since} whose reason is one of {@code reasons}. */
    ScriptRecord.Event awaitEvent(int since, Set<String> reasons, Process watched, String what) {
        AtomicReference<ScriptRecord.Event> found = new AtomicReference<>();
        try {
            await(name() + " " + what).atMost(EVENT_TIMEOUT).pollInterval(Duration.ofMillis(100)).until(() -> {
                List<ScriptRecord.Event> events = record.events();
                for (int i = since; i < events.size(); i++) {
                    if (reasons.contains(events.get(i).reason())) {
                        found.set(events.get(i));
                        return true;
                    }
                }
                if (watched != null && !watched.isAlive()) {
                    throw new AssertionError(name() + " exited (" + watched.exitValue() + ") before " + what
                            + "; script events " + record.reasons() + "\n" + diagnostics());
                }
                return false;
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(name() + ": no " + reasons + " event (" + what + ") within " + EVENT_TIMEOUT
                    + "; script events " + record.reasons() + "\n" + diagnostics(), e);
        }
        return found.get();
    }

    int eventCount() {
        return record.events().size();
    }

    void waitExit(Process p, Duration timeout, String what) {
        if (!Processes.waitExit(p.toHandle(), timeout)) {
            Processes.terminate(p.toHandle(), Duration.ofSeconds(2));
            throw new AssertionError(name() + " did not exit after " + what + " within " + timeout + "\n" + diagnostics());
        }
    }

    @Override
    public String diagnostics() {
        return "== " + name() + " on " + host + "\n" + ServerProcess.tail(output, 40) + "\n" + record.tail(60);
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) Processes.terminate(process.toHandle(), Duration.ofSeconds(3));
    }
}
