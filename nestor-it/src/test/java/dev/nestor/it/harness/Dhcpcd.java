package dev.nestor.it.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * dhcpcd 9 for one interface, IPv4 only, in the foreground ({@code -4 -B}), with a private config ({@code -f}) and
 * our script ({@code -c}). dhcpcd has no options for its state directories, so it runs in its own mount namespace
 * where {@code /var/lib/dhcpcd} and {@code /run} are bind mounts of private directories: its lease, pid file and
 * control socket never touch the host's. {@link #renew()} is {@code dhcpcd -4 -N IFACE}, {@link #release()} is
 * {@code dhcpcd -4 -k IFACE}, both run in the daemon's namespaces with nsenter so they find its control socket.
 */
public final class Dhcpcd extends AbstractClient {
    private static final Set<String> BOUND = Set.of("BOUND", "REBOOT", "RENEW", "REBIND");

    private final Path conf;

    public Dhcpcd(NetnsLab lab, Host host) {
        this(lab, host, null);
    }

    public Dhcpcd(NetnsLab lab, Host host, String hostname) {
        super(lab, host, "dhcpcd");
        this.conf = dir.resolve("dhcpcd.conf");
        String text = """
                # nestor-it private dhcpcd config
                option domain_name_servers, domain_name, host_name, routers, subnet_mask
                noipv4ll
                noarp
                """ + (hostname == null ? "" : "hostname " + hostname + "\n");
        try {
            Files.writeString(conf, text);
            Files.createDirectories(dir.resolve("db"));
            Files.createDirectories(dir.resolve("run"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String name() {
        return "dhcpcd";
    }

    @Override
    public ClientLease obtain() {
        if (process != null && process.isAlive()) throw new IllegalStateException("dhcpcd already running");
        Path script = ScriptRecord.installScript("dhcpcd-script.sh", dir.resolve("dhcpcd-script"), record.file());
        String inner = "mount --bind '" + dir.resolve("db") + "' /var/lib/dhcpcd && mount --bind '" + dir.resolve("run")
                + "' /run && exec dhcpcd -4 -B -d -f '" + conf + "' -c '" + script + "' " + host.iface();
        int since = eventCount();
        process = startInNs(List.of("unshare", "--mount", "--propagation", "private", "--", "sh", "-c", inner));
        return Dhclient.toLease(awaitEvent(since, BOUND, process, "obtain a lease"));
    }

    @Override
    public ClientLease renew() {
        requireRunning();
        int since = eventCount();
        control("-N");
        return Dhclient.toLease(awaitEvent(since, Set.of("RENEW", "REBIND", "BOUND"), process, "renew (dhcpcd -N)"));
    }

    @Override
    public void release() {
        requireRunning();
        control("-k");
        waitExit(process, Duration.ofSeconds(15), "dhcpcd -k");
    }

    private void control(String flag) {
        appendMarker("$ nsenter dhcpcd -4 " + flag + " " + host.iface());
        Cmd.Result r = Cmd.run(Duration.ofSeconds(15), "nsenter", "--target", Long.toString(process.pid()), "--mount", "--net",
                "--", "dhcpcd", "-4", flag, host.iface());
        appendMarker(r.output().strip());
        if (r.exit() != 0) throw new AssertionError("dhcpcd " + flag + " failed (" + r.exit() + "): " + r.output() + "\n" + diagnostics());
    }

    private void requireRunning() {
        if (process == null || !process.isAlive()) throw new AssertionError("dhcpcd is not running\n" + diagnostics());
    }
}
