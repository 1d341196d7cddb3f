package dev.nestor.it.harness;

import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.awaitility.core.ConditionTimeoutException;

/**
 * ISC dhcrelay in a relay namespace, in the foreground ({@code -d}), upstream interface {@code -iu} on the server
 * network and downstream {@code -id} towards the clients, so client broadcasts on the server bridge are not relayed.
 */
public final class DhcpRelay implements AutoCloseable {
    private final Process process;
    private final Path log;

    private DhcpRelay(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    public static DhcpRelay start(NetnsLab lab, RelaySegment seg, String serverAddress) {
        Path log = lab.workDir().resolve("dhcrelay-" + seg.downIface() + ".log");
        Path pid = lab.workDir().resolve("dhcrelay-" + seg.downIface() + ".pid");
        Process p = lab.startTool(seg.netns(), List.of("dhcrelay", "-d", "-4", "-pf", pid.toString(),
                "-id", seg.downIface(), "-iu", seg.upIface(), serverAddress), log);
        DhcpRelay relay = new DhcpRelay(p, log);
        try {
            // dhcrelay prints its "Listening on" lines once its sockets are open
            await("dhcrelay ready").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(() -> {
                if (!p.isAlive()) throw new AssertionError("dhcrelay exited " + p.exitValue() + "\n" + relay.diagnostics());
                String out = Files.readString(log);
                return out.contains("Listening on LPF/" + seg.downIface()) && out.contains("Sending on   Socket/fallback");
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("dhcrelay not ready\n" + relay.diagnostics(), e);
        }
        return relay;
    }

    public String diagnostics() {
        return ServerProcess.tail(log, 40);
    }

    @Override
    public void close() {
        Processes.terminate(process.toHandle(), Duration.ofSeconds(3));
    }
}
