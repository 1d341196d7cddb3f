package dev.nestor.it.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * dhcpcd 9 for one interface, one family only, in the foreground ({@code -4 -B}, or {@code -6 -B}), with a private
 * config ({@code -f}) and our script ({@code -c}). dhcpcd has no options for its state directories, so it runs in
 * its own mount namespace where {@code /var/lib/dhcpcd} and {@code /run} are bind mounts of private directories:
 * its lease, DUID, pid file and control socket never touch the host's. {@link #renew()} is {@code dhcpcd -4 -N IFACE},
 * {@link #release()} is {@code dhcpcd -4 -k IFACE}, both run in the daemon's namespaces with nsenter so they find
 * its control socket. In DHCPv6 mode ({@link #v6}) it asks for one address (IA_NA, IAID 1) at once, without waiting
 * for a router advertisement, with a DUID-LL ({@code 00:03:00:01:<mac>}, so a new client object on the same host
 * is the same client to the server).
 */
public final class Dhcpcd extends AbstractClient {
    private static final Set<String> BOUND = Set.of("BOUND", "REBOOT", "RENEW", "REBIND");
    private static final Set<String> BOUND6 = Set.of("BOUND6", "REBOOT6", "RENEW6", "REBIND6");

    private final Path conf;
    private final int family;

    public Dhcpcd(NetnsLab lab, Host host) {
        this(lab, host, null);
    }

    public Dhcpcd(NetnsLab lab, Host host, String hostname) {
        this(lab, host, 4, """
                # nestor-it private dhcpcd config
                option domain_name_servers, domain_name, host_name, routers, subnet_mask
                noipv4ll
                noarp
                """ + (hostname == null ? "" : "hostname " + hostname + "\n"));
    }

    /** dhcpcd -6 asking for an address (IA_NA) and the DNS servers. */
    public static Dhcpcd v6(NetnsLab lab, Host host) {
        return new Dhcpcd(lab, host, 6, """
                # nestor-it private dhcpcd config (DHCPv6)
                duid ll
                noipv6rs
                ia_na 1
                option dhcp6_name_servers, dhcp6_domain_search
                """);
    }

    private Dhcpcd(NetnsLab lab, Host host, int family, String text) {
        super(lab, host, "dhcpcd" + (family == 6 ? "6" : ""));
        this.family = family;
        this.conf = dir.resolve("dhcpcd.conf");
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
        return family == 6 ? "dhcpcd -6" : "dhcpcd";
    }

    /** The DUID the server sees in DHCPv6 mode, as Kea writes it. */
    public String duid() {
        return "00:03:00:01:" + host.mac().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public ClientLease obtain() {
        if (process != null && process.isAlive()) throw new IllegalStateException("dhcpcd already running");
        Path script = ScriptRecord.installScript("dhcpcd-script.sh", dir.resolve("dhcpcd-script"), record.file());
        String inner = "mount --bind '" + dir.resolve("db") + "' /var/lib/dhcpcd && mount --bind '" + dir.resolve("run")
                + "' /run && exec dhcpcd -" + family + " -B -d -f '" + conf + "' -c '" + script + "' " + host.iface();
        int since = eventCount();
        process = startInNs(List.of("unshare", "--mount", "--propagation", "private", "--", "sh", "-c", inner));
        return toLease(awaitEvent(since, family == 6 ? BOUND6 : BOUND, process, "obtain a lease"));
    }

    @Override
    public ClientLease renew() {
        requireRunning();
        int since = eventCount();
        control("-N");
        Set<String> reasons = family == 6 ? Set.of("RENEW6", "REBIND6", "BOUND6") : Set.of("RENEW", "REBIND", "BOUND");
        return toLease(awaitEvent(since, reasons, process, "renew (dhcpcd -N)"));
    }

    @Override
    public void release() {
        requireRunning();
        control("-k");
        waitExit(process, Duration.ofSeconds(15), "dhcpcd -k");
    }

    private ClientLease toLease(ScriptRecord.Event e) {
        if (family != 6) return Dhclient.toLease(e);
        // dhcpcd's names for the first IA_NA's first address (dhcpcd-definitions.conf: ia_na, ia_addr)
        Map<String, String> env = e.env();
        return new ClientLease(e.reason(), env.get("new_dhcp6_ia_na1_ia_addr1"), List.of(),
                ClientLease.words(env.get("new_dhcp6_name_servers")), null, null,
                ClientLease.number(env.get("new_dhcp6_ia_na1_ia_addr1_vltime")), env);
    }

    private void control(String flag) {
        appendMarker("$ nsenter dhcpcd -" + family + " " + flag + " " + host.iface());
        Cmd.Result r = Cmd.run(Duration.ofSeconds(15), "nsenter", "--target", Long.toString(process.pid()), "--mount", "--net",
                "--", "dhcpcd", "-" + family, flag, host.iface());
        appendMarker(r.output().strip());
        if (r.exit() != 0) throw new AssertionError("dhcpcd " + flag + " failed (" + r.exit() + "): " + r.output() + "\n" + diagnostics());
    }

    private void requireRunning() {
        if (process == null || !process.isAlive()) throw new AssertionError("dhcpcd is not running\n" + diagnostics());
    }
}
