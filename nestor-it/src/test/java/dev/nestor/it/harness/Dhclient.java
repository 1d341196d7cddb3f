package dev.nestor.it.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ISC dhclient: {@code -4 -1 -d} (one try, foreground) with a private config ({@code -cf}), lease file
 * ({@code -lf}), pid file ({@code -pf}) and our script ({@code -sf}); nothing under /etc or /var/lib/dhcp.
 * Renewal = running it again with the same lease file: it sends an INIT-REBOOT REQUEST for the remembered address.
 */
public final class Dhclient extends AbstractClient {
    private static final Set<String> BOUND = Set.of("BOUND", "REBOOT", "RENEW", "REBIND");

    private final Path script;
    private final Path leases;
    private final Path pid;
    private final Path conf;

    public Dhclient(NetnsLab lab, Host host) {
        this(lab, host, null);
    }

    /** {@code sendHostname} non-null: the client sends it in option 12. */
    public Dhclient(NetnsLab lab, Host host, String sendHostname) {
        super(lab, host, "dhclient");
        this.script = ScriptRecord.installScript("dhclient-script.sh", dir.resolve("dhclient-script"), record.file());
        this.leases = dir.resolve("dhclient.leases");
        this.pid = dir.resolve("dhclient.pid");
        this.conf = dir.resolve("dhclient.conf");
        String text = """
                # nestor-it private dhclient config
                timeout 30;
                request subnet-mask, broadcast-address, time-offset, routers, domain-name, domain-name-servers, host-name, dhcp-lease-time;
                """ + (sendHostname == null ? "" : "send host-name \"" + sendHostname + "\";\n");
        try {
            Files.writeString(conf, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String name() {
        return "dhclient";
    }

    private List<String> argv(String... mode) {
        List<String> a = new ArrayList<>(List.of("dhclient", "-4", "-v"));
        a.addAll(List.of(mode));
        a.addAll(List.of("-sf", script.toString(), "-lf", leases.toString(), "-pf", pid.toString(), "-cf", conf.toString(), host.iface()));
        return a;
    }

    /** One exchange: start, wait for the bound event, stop with SIGTERM (dhclient then exits without releasing). */
    private ClientLease exchange(String what) {
        int since = eventCount();
        process = startInNs(argv("-1", "-d"));
        ScriptRecord.Event e = awaitEvent(since, BOUND, process, what);
        awaitLeaseWritten(e.env().get("new_ip_address"), Duration.ofSeconds(5));
        Processes.terminate(process.toHandle(), Duration.ofSeconds(5));
        return toLease(e);
    }

    /**
     * dhclient runs the BOUND script before it writes the lease file; a SIGTERM in between leaves no lease for a
     * later {@code -r} or INIT-REBOOT. Wait (bounded) until the file names the address.
     */
    private void awaitLeaseWritten(String address, Duration timeout) {
        if (address == null) return;
        String line = "fixed-address " + address + ";";
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (Files.exists(leases) && Files.readString(leases).contains(line)) return;
                Thread.sleep(20);
            } catch (IOException e) {
                // being rewritten: read again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public ClientLease obtain() {
        return exchange("obtain a lease");
    }

    @Override
    public ClientLease renew() {
        if (!Files.exists(leases)) throw new IllegalStateException("renew before obtain: no lease file " + leases);
        return exchange("renew (INIT-REBOOT) the lease");
    }

    /** {@code dhclient -r}: sends DHCPRELEASE for the lease in the lease file and exits. */
    @Override
    public void release() {
        int since = eventCount();
        Process p = startInNs(argv("-r", "-d"));
        waitExit(p, Duration.ofSeconds(30), "dhclient -r");
        if (p.exitValue() != 0) throw new AssertionError("dhclient -r exited " + p.exitValue() + "\n" + diagnostics());
        awaitEvent(since, Set.of("RELEASE"), null, "release");
    }

    static ClientLease toLease(ScriptRecord.Event e) {
        Map<String, String> env = e.env();
        return new ClientLease(e.reason(), env.get("new_ip_address"), ClientLease.words(env.get("new_routers")),
                ClientLease.words(env.get("new_domain_name_servers")), env.get("new_domain_name"), env.get("new_host_name"),
                ClientLease.number(env.get("new_dhcp_lease_time")), env);
    }

    public Path leaseFile() {
        return leases;
    }
}
