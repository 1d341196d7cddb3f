package dev.nestor.it.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ISC dhclient in DHCPv6 mode: {@code -6 -N} (an address, IA_NA) and with {@code prefix} also {@code -P} (a
 * delegated prefix, IA_PD), a DUID-LL ({@code -D LL}, so the DUID is {@code 00:03:00:01:<mac>}), one try in the
 * foreground ({@code -1 -d}), private config, lease, pid and script files. The client keeps running after it is
 * bound and renews on its own at T1; {@link #release()} stops it and runs {@code dhclient -6 -r}.
 */
public final class Dhclient6 extends AbstractClient {
    private final boolean prefix;
    private final Path script;
    private final Path leases;
    private final Path pid;
    private final Path conf;

    /** What dhclient's script was told for the IA_NA address and the IA_PD prefix of one exchange. */
    public record Bound(String reason, String address, String prefix, List<String> dnsServers, String serverId, String iaid,
                        long preferredLifetime, long validLifetime, long renew, Map<String, String> env) {
        public Bound {
            dnsServers = List.copyOf(dnsServers);
            env = Map.copyOf(env);
        }
    }

    public Dhclient6(NetnsLab lab, Host host, boolean prefix) {
        super(lab, host, "dhclient6");
        this.prefix = prefix;
        this.script = ScriptRecord.installScript("dhclient6-script.sh", dir.resolve("dhclient6-script"), record.file());
        this.leases = dir.resolve("dhclient6.leases");
        this.pid = dir.resolve("dhclient6.pid");
        this.conf = dir.resolve("dhclient6.conf");
        try {
            Files.writeString(conf, "# nestor-it private dhclient -6 config\ntimeout 30;\n"
                    + "request dhcp6.name-servers, dhcp6.domain-search;\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The client's DUID as Kea writes it: DUID-LL of its MAC. */
    public String duid() {
        return "00:03:00:01:" + host.mac().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String name() {
        return "dhclient -6";
    }

    private List<String> argv(String... mode) {
        List<String> a = new ArrayList<>(List.of("dhclient", "-6", "-N"));
        if (prefix) a.add("-P");
        a.addAll(List.of("-D", "LL", "-v"));
        a.addAll(List.of(mode));
        a.addAll(List.of("-sf", script.toString(), "-lf", leases.toString(), "-pf", pid.toString(), "-cf", conf.toString(), host.iface()));
        return a;
    }

    /** SOLICIT … REPLY: waits for the BOUND6 event of the address (and of the prefix); the client keeps running. */
    public Bound obtain6() {
        int since = eventCount();
        process = startInNs(argv("-1", "-d"));
        return await(since, "BOUND6", "obtain an address" + (prefix ? " and a prefix" : ""));
    }

    /** Waits for the client's own RENEW at T1 (RENEW6 events for the address and the prefix). */
    public Bound awaitRenew6() {
        if (process == null || !process.isAlive()) throw new IllegalStateException("renew before obtain: dhclient is not running");
        return await(eventCount(), "RENEW6", "renew at T1");
    }

    private Bound await(int since, String reason, String what) {
        ScriptRecord.Event first = awaitEvent(since, Set.of(reason), process, what);
        Map<String, String> env = new HashMap<>(first.env());
        if (prefix) {
            // one event per address and per prefix: wait for the second one too
            int at = record.events().indexOf(first);
            ScriptRecord.Event second = awaitEvent(at + 1, Set.of(reason), process, what + " (second IA)");
            for (var e : second.env().entrySet()) env.putIfAbsent(e.getKey(), e.getValue());
            if (second.env().containsKey("new_ip6_prefix")) env.put("new_ip6_prefix", second.env().get("new_ip6_prefix"));
            if (second.env().containsKey("new_ip6_address")) env.put("new_ip6_address", second.env().get("new_ip6_address"));
        }
        return new Bound(reason, env.get("new_ip6_address"), env.get("new_ip6_prefix"),
                ClientLease.words(env.get("new_dhcp6_name_servers")), env.get("new_dhcp6_server_id"), env.get("new_iaid"),
                ClientLease.number(env.get("new_preferred_life")), ClientLease.number(env.get("new_max_life")),
                ClientLease.number(env.get("new_renew")), env);
    }

    @Override
    public ClientLease obtain() {
        return toLease(obtain6());
    }

    @Override
    public ClientLease renew() {
        return toLease(awaitRenew6());
    }

    private static ClientLease toLease(Bound b) {
        return new ClientLease(b.reason(), b.address(), List.of(), b.dnsServers(), null, null, b.validLifetime(), b.env());
    }

    /** Stops the running client (SIGTERM: no RELEASE), then {@code dhclient -6 -r} releases what the lease file holds. */
    @Override
    public void release() {
        if (process != null && process.isAlive()) Processes.terminate(process.toHandle(), Duration.ofSeconds(5));
        int since = eventCount();
        Process p = startInNs(argv("-r", "-d"));
        waitExit(p, Duration.ofSeconds(30), "dhclient -6 -r");
        if (p.exitValue() != 0) throw new AssertionError("dhclient -6 -r exited " + p.exitValue() + "\n" + diagnostics());
        awaitEvent(since, Set.of("RELEASE6"), null, "release");
    }
}
