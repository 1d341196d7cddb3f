package dev.nestor.it.harness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BusyBox udhcpc in the foreground ({@code -f}) with our script ({@code -s}) and release-on-exit ({@code -R}).
 * It keeps running after {@link #obtain()}; {@link #renew()} sends SIGUSR1 (a unicast REQUEST to the server);
 * {@link #release()} sends SIGTERM, on which {@code -R} makes it send DHCPRELEASE before exiting.
 */
public final class Udhcpc extends AbstractClient {
    private final String hostname;

    public Udhcpc(NetnsLab lab, Host host) {
        this(lab, host, null);
    }

    public Udhcpc(NetnsLab lab, Host host, String hostname) {
        super(lab, host, "udhcpc");
        this.hostname = hostname;
    }

    @Override
    public String name() {
        return "udhcpc";
    }

    @Override
    public ClientLease obtain() {
        if (process != null && process.isAlive()) throw new IllegalStateException("udhcpc already running");
        var script = ScriptRecord.installScript("udhcpc-script.sh", dir.resolve("udhcpc-script"), record.file());
        List<String> argv = new ArrayList<>(List.of("udhcpc", "-f", "-R", "-n", "-i", host.iface(), "-s", script.toString(),
                "-p", dir.resolve("udhcpc.pid").toString(), "-t", "5", "-T", "2", "-A", "2"));
        if (hostname != null) argv.addAll(List.of("-x", "hostname:" + hostname));
        int since = eventCount();
        process = startInNs(argv);
        return toLease(awaitEvent(since, Set.of("bound"), process, "obtain a lease"));
    }

    @Override
    public ClientLease renew() {
        requireRunning();
        int since = eventCount();
        Processes.signal(process.pid(), "USR1");
        return toLease(awaitEvent(since, Set.of("renew", "bound"), process, "renew after SIGUSR1"));
    }

    @Override
    public void release() {
        requireRunning();
        process.destroy(); // SIGTERM; -R: release, then exit
        waitExit(process, Duration.ofSeconds(10), "SIGTERM");
    }

    private void requireRunning() {
        if (process == null || !process.isAlive()) throw new AssertionError("udhcpc is not running\n" + diagnostics());
    }

    static ClientLease toLease(ScriptRecord.Event e) {
        Map<String, String> env = e.env();
        return new ClientLease(e.reason(), env.get("ip"), ClientLease.words(env.get("router")), ClientLease.words(env.get("dns")),
                env.get("domain"), env.get("hostname"), ClientLease.number(env.get("lease")), env);
    }
}
