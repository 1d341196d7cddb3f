package dev.nestor.it.harness;

import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.awaitility.core.ConditionTimeoutException;

/**
 * ISC dhcrelay in DHCPv6 mode in a relay namespace, in the foreground: lower interface {@code -l} towards the
 * clients (its global address is the link-address), upper {@code -u server%iface} to the server's unicast address,
 * and {@code -I}, so every RELAY-FORW carries an interface-id the server must echo for the reply to find its way down.
 */
public final class DhcpRelay6 implements AutoCloseable {
    private final Process process;
    private final Path log;

    private DhcpRelay6(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    public static DhcpRelay6 start(NetnsLab lab, RelaySegment seg, String serverAddress) {
        Path log = lab.workDir().resolve("dhcrelay6-" + seg.downIface() + ".log");
        Path pid = lab.workDir().resolve("dhcrelay6-" + seg.downIface() + ".pid");
        Process p = lab.startTool(seg.netns(), List.of("dhcrelay", "-6", "-d", "-I", "-pf", pid.toString(),
                "-l", seg.downIface(), "-u", serverAddress + "%" + seg.upIface()), log);
        DhcpRelay6 relay = new DhcpRelay6(p, log);
        try {
            await("dhcrelay -6 ready").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(() -> {
                if (!p.isAlive()) throw new AssertionError("dhcrelay -6 exited " + p.exitValue() + "\n" + relay.diagnostics());
                String out = Files.readString(log);
                return out.contains("Listening on Socket/" + seg.downIface()) && out.contains("Sending on   Socket/" + seg.upIface());
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("dhcrelay -6 not ready\n" + relay.diagnostics(), e);
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
