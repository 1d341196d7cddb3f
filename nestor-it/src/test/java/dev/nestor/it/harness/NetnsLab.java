package dev.nestor.it.harness;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A throw-away network of namespaces: a server namespace with a bridge carrying the server address, and client
 * namespaces attached to that bridge by veth pairs (clients start without an address). Relay segments put a
 * router namespace between the bridge and a client on its own network.
 *
 * <p>Names: namespaces {@code nit-<suffix>-<jvm pid>-<role>}, interfaces {@code nit-<suffix>-<x><n>} (15 chars
 * at most), with a random suffix so parallel or crashed runs never collide. Everything is removed by
 * {@link #close()}, and by a shutdown hook if the JVM exits first; namespaces left by a JVM that died are swept
 * when the next lab is created. Only documentation prefixes (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24, 2001:db8::/32) are
 * used, and no route leads out of the lab.
 */
public final class NetnsLab implements AutoCloseable {
    private static final Duration CMD = Duration.ofSeconds(20);
    private static final Pattern OURS = Pattern.compile("^nit-[0-9a-f]{6}-(\\d+)-\\S+");

    private final String suffix;
    private final String serverNs;
    private final String bridge;
    private final String serverCidr;
    private final Path workDir;
    /** IPv6 lab: namespaces keep IPv6 (no DAD, no router solicitations); otherwise IPv6 is disabled. */
    private final boolean ipv6;
    private final List<String> namespaces = Collections.synchronizedList(new ArrayList<>());
    private final List<String> rootLinks = Collections.synchronizedList(new ArrayList<>());
    private final List<Process> processes = Collections.synchronizedList(new ArrayList<>());
    private final Thread shutdownHook;
    private final SecureRandom random = new SecureRandom();
    private int links;
    private boolean closed;

    private NetnsLab(String serverCidr, boolean ipv6) {
        this.ipv6 = ipv6;
        this.suffix = HexFormat.of().toHexDigits(new SecureRandom().nextInt()).substring(0, 6);
        this.serverCidr = serverCidr;
        this.serverNs = nsName("srv");
        this.bridge = "nit-" + suffix + "-br";
        try {
            this.workDir = Files.createTempDirectory("nit-" + suffix + "-" + ProcessHandle.current().pid() + "-");
            // dhcpcd's privilege-separated helpers must be able to reach scripts and files here
            Files.setPosixFilePermissions(workDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.shutdownHook = new Thread(this::close, "nit-lab-" + suffix + "-cleanup");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Creates the server namespace with a bridge holding {@code serverCidr}, e.g. {@code 192.0.2.1/24}. */
    public static NetnsLab create(String serverCidr) {
        sweepStale();
        NetnsLab lab = new NetnsLab(serverCidr, false);
        try {
            lab.addNamespace(lab.serverNs);
            lab.ns(lab.serverNs, "ip", "link", "add", lab.bridge, "type", "bridge");
            lab.ns(lab.serverNs, "ip", "addr", "add", serverCidr, "dev", lab.bridge);
            lab.ns(lab.serverNs, "ip", "link", "set", lab.bridge, "up");
            return lab;
        } catch (RuntimeException e) {
            lab.close();
            throw e;
        }
    }

    /**
     * An IPv6 lab (documentation prefix 2001:db8::/32 only): the server bridge holds {@code serverCidr6}, e.g.
     * {@code 2001:db8:1::1/64}, and the link-local fe80::1, both without duplicate address detection, and MLD
     * snooping is off so ff02::1:2 reaches the server as on a plain link.
     */
    public static NetnsLab create6(String serverCidr6) {
        sweepStale();
        NetnsLab lab = new NetnsLab(serverCidr6, true);
        try {
            lab.addNamespace(lab.serverNs);
            lab.ns(lab.serverNs, "ip", "link", "add", lab.bridge, "type", "bridge", "mcast_snooping", "0");
            lab.ns(lab.serverNs, "ip", "link", "set", lab.bridge, "up");
            lab.ns(lab.serverNs, "ip", "-6", "addr", "add", "fe80::1/64", "dev", lab.bridge, "nodad");
            lab.ns(lab.serverNs, "ip", "-6", "addr", "add", serverCidr6, "dev", lab.bridge, "nodad");
            return lab;
        } catch (RuntimeException e) {
            lab.close();
            throw e;
        }
    }

    public boolean ipv6() {
        return ipv6;
    }

    public String serverNs() {
        return serverNs;
    }

    /** The interface the server listens on (the bridge). */
    public String serverIface() {
        return bridge;
    }

    public String serverAddress() {
        return serverCidr.substring(0, serverCidr.indexOf('/'));
    }

    public Path workDir() {
        return workDir;
    }

    public String suffix() {
        return suffix;
    }

    /** A new client namespace wired to the server bridge; {@code mac} null means a random local unicast MAC. */
    public synchronized Host addClient(String role, String mac) {
        String ns = nsName(role);
        addNamespace(ns);
        int n = ++links;
        String serverEnd = ifName("s", n);
        String hostEnd = ifName("h", n);
        vethInto(serverEnd, serverNs, hostEnd, ns);
        ns(serverNs, "ip", "link", "set", serverEnd, "master", bridge, "up");
        String theMac = mac == null ? randomMac() : mac;
        ns(ns, "ip", "link", "set", hostEnd, "address", theMac);
        ns(ns, "ip", "link", "set", hostEnd, "up");
        return new Host(ns, hostEnd, theMac);
    }

    /** Gives a host a static address, e.g. for perfdhcp, which needs one to act as a relay. */
    public void addAddress(Host host, String cidr) {
        if (cidr.contains(":")) ns(host.netns(), "ip", "-6", "addr", "add", cidr, "dev", host.iface(), "nodad");
        else ns(host.netns(), "ip", "addr", "add", cidr, "dev", host.iface());
    }

    /**
     * An IPv6 relay namespace: one leg on the server bridge ({@code upCidr6}), one towards a fresh client namespace
     * ({@code downCidr6}, the relay's link-address); IPv6 forwarding on, and the server namespace routes the client
     * network via the relay.
     */
    public synchronized RelaySegment addRelay6(String role, String upCidr6, String downCidr6, String clientMac) {
        String relayNs = nsName(role);
        addNamespace(relayNs);
        ns(relayNs, "sysctl", "-qw", "net.ipv6.conf.all.forwarding=1");
        int n = ++links;
        String serverEnd = ifName("s", n);
        String up = ifName("u", n);
        vethInto(serverEnd, serverNs, up, relayNs);
        ns(serverNs, "ip", "link", "set", serverEnd, "master", bridge, "up");
        ns(relayNs, "ip", "link", "set", up, "up");
        ns(relayNs, "ip", "-6", "addr", "add", upCidr6, "dev", up, "nodad");

        String clientNs = nsName(role + "c");
        addNamespace(clientNs);
        String down = ifName("d", n);
        String hostEnd = ifName("h", n);
        vethInto(down, relayNs, hostEnd, clientNs);
        ns(relayNs, "ip", "link", "set", down, "up");
        ns(relayNs, "ip", "-6", "addr", "add", downCidr6, "dev", down, "nodad");
        String theMac = clientMac == null ? randomMac() : clientMac;
        ns(clientNs, "ip", "link", "set", hostEnd, "address", theMac);
        ns(clientNs, "ip", "link", "set", hostEnd, "up");

        String upAddress = upCidr6.substring(0, upCidr6.indexOf('/'));
        ns(serverNs, "ip", "-6", "route", "add", network6(downCidr6), "via", upAddress);
        return new RelaySegment(relayNs, up, upAddress, down, downCidr6.substring(0, downCidr6.indexOf('/')),
                new Host(clientNs, hostEnd, theMac));
    }

    /**
     * A relay namespace with one leg on the server bridge ({@code upCidr}) and one towards a fresh client
     * namespace ({@code downCidr}); the server namespace gets a route to the client network via the relay.
     */
    public synchronized RelaySegment addRelay(String role, String upCidr, String downCidr, String clientMac) {
        String relayNs = nsName(role);
        addNamespace(relayNs);
        int n = ++links;
        String serverEnd = ifName("s", n);
        String up = ifName("u", n);
        vethInto(serverEnd, serverNs, up, relayNs);
        ns(serverNs, "ip", "link", "set", serverEnd, "master", bridge, "up");
        ns(relayNs, "ip", "addr", "add", upCidr, "dev", up);
        ns(relayNs, "ip", "link", "set", up, "up");

        String clientNs = nsName(role + "c");
        addNamespace(clientNs);
        String down = ifName("d", n);
        String hostEnd = ifName("h", n);
        vethInto(down, relayNs, hostEnd, clientNs);
        ns(relayNs, "ip", "addr", "add", downCidr, "dev", down);
        ns(relayNs, "ip", "link", "set", down, "up");
        ns(relayNs, "sysctl", "-qw", "net.ipv4.ip_forward=1");
        String theMac = clientMac == null ? randomMac() : clientMac;
        ns(clientNs, "ip", "link", "set", hostEnd, "address", theMac);
        ns(clientNs, "ip", "link", "set", hostEnd, "up");

        String upAddress = upCidr.substring(0, upCidr.indexOf('/'));
        ns(serverNs, "ip", "route", "add", network(downCidr), "via", upAddress);
        return new RelaySegment(relayNs, up, upAddress, down, downCidr.substring(0, downCidr.indexOf('/')),
                new Host(clientNs, hostEnd, theMac));
    }

    /** Runs a short command inside a namespace and returns its result (not checked). */
    public Cmd.Result exec(String netns, Duration timeout, String... argv) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", netns));
        full.addAll(List.of(argv));
        return Cmd.run(timeout, full);
    }

    /** Runs a command inside a namespace and throws unless it succeeds. */
    public String ns(String netns, String... argv) {
        return exec(netns, CMD, argv).orThrow().output();
    }

    /** Environment of lab tools (clients, relay, perfdhcp): nothing inherited from the test JVM. */
    public static final Map<String, String> TOOL_ENV = Map.of("PATH", "/usr/sbin:/usr/bin:/sbin:/bin", "LANG", "C");

    /** Starts a client-side tool with only {@link #TOOL_ENV}; see {@link #start(String, List, Path, Map, boolean)}. */
    public Process startTool(String netns, List<String> argv, Path log) {
        return start(netns, argv, log, TOOL_ENV, false);
    }

    /**
     * Starts a long-running process inside a namespace ({@code ip netns exec} execs, so the pid is the program's),
     * output (stdout and stderr) to {@code log}, with {@code env} added to the inherited environment (or replacing
     * it when {@code inherit} is false). The lab stops it on close if the test did not.
     */
    public Process start(String netns, List<String> argv, Path log, Map<String, String> env, boolean inherit) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", netns));
        full.addAll(argv);
        ProcessBuilder pb = new ProcessBuilder(full).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        if (!inherit) pb.environment().clear();
        pb.environment().putAll(env);
        try {
            synchronized (this) {
                if (closed) throw new IllegalStateException("lab closed");
                Process p = pb.start();
                processes.add(p);
                return p;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + full, e);
        }
    }

    /** Stops everything started in the lab and deletes its namespaces, links and work directory. Idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) return;
            closed = true;
        }
        List<Process> started;
        synchronized (processes) {
            started = new ArrayList<>(processes);
        }
        Collections.reverse(started);
        for (Process p : started) Processes.terminate(p.toHandle(), Duration.ofSeconds(3));
        List<String> all;
        synchronized (namespaces) {
            all = new ArrayList<>(namespaces);
        }
        Collections.reverse(all);
        for (String ns : all) deleteNamespace(ns);
        synchronized (rootLinks) {
            for (String link : rootLinks) Cmd.run(CMD, "ip", "link", "del", link); // only if still in the root namespace
        }
        if (!"1".equals(System.getenv("NESTOR_IT_KEEP"))) deleteTree(workDir);
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException ignored) {
            // already shutting down: this is the hook running
        }
    }

    private void addNamespace(String ns) {
        Cmd.run(CMD, "ip", "netns", "add", ns).orThrow();
        namespaces.add(ns);
        ns(ns, "ip", "link", "set", "lo", "up");
        if (ipv6) {
            // addresses usable at once (no DAD wait), and no router solicitations cluttering client logs; set
            // before any interface moves in, since a moved interface takes this namespace's defaults
            ns(ns, "sysctl", "-qw", "net.ipv6.conf.all.accept_dad=0", "net.ipv6.conf.default.accept_dad=0",
                    "net.ipv6.conf.all.router_solicitations=0", "net.ipv6.conf.default.router_solicitations=0",
                    "net.ipv6.conf.all.accept_ra=0", "net.ipv6.conf.default.accept_ra=0");
        } else {
            // IPv4 only: keeps router solicitations and MLD out of captures and client logs
            ns(ns, "sysctl", "-qw", "net.ipv6.conf.all.disable_ipv6=1", "net.ipv6.conf.default.disable_ipv6=1");
        }
    }

    private void vethInto(String a, String nsA, String b, String nsB) {
        rootLinks.add(a);
        Cmd.run(CMD, "ip", "link", "add", a, "type", "veth", "peer", "name", b).orThrow();
        Cmd.run(CMD, "ip", "link", "set", a, "netns", nsA).orThrow();
        Cmd.run(CMD, "ip", "link", "set", b, "netns", nsB).orThrow();
        rootLinks.remove(a);
    }

    private String nsName(String role) {
        return "nit-" + suffix + "-" + ProcessHandle.current().pid() + "-" + role;
    }

    private String ifName(String kind, int n) {
        return "nit-" + suffix + "-" + kind + n;
    }

    private String randomMac() {
        byte[] b = new byte[5];
        random.nextBytes(b);
        return "02:" + HexFormat.ofDelimiter(":").formatHex(b);
    }

    static String network(String cidr) {
        String[] parts = cidr.split("/");
        int len = Integer.parseInt(parts[1]);
        int addr = dev.nestor.it.harness.Ipv4Text.parse(parts[0]);
        int mask = len == 0 ? 0 : -1 << (32 - len);
        return Ipv4Text.format(addr & mask) + "/" + len;
    }

    static String network6(String cidr) {
        String[] parts = cidr.split("/");
        int len = Integer.parseInt(parts[1]);
        byte[] a = java.net.InetAddress.ofLiteral(parts[0]).getAddress();
        for (int bit = len; bit < 128; bit++) a[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        try {
            return java.net.InetAddress.getByAddress(a).getHostAddress() + "/" + len;
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(cidr, e);
        }
    }

    /** Kills what still runs inside the namespace (only processes of this lab can be there), then deletes it. */
    private static void deleteNamespace(String ns) {
        Cmd.Result pids = Cmd.run(CMD, "ip", "netns", "pids", ns);
        if (pids.exit() == 0) {
            for (String pid : pids.output().split("\\s+")) {
                if (pid.isBlank()) continue;
                ProcessHandle.of(Long.parseLong(pid.trim())).ifPresent(h -> {
                    h.destroy();
                    if (!Processes.waitExit(h, Duration.ofSeconds(2))) h.destroyForcibly();
                });
            }
        }
        Cmd.run(CMD, "ip", "netns", "del", ns);
    }

    /** Removes namespaces and work dirs of earlier test JVMs that died before cleaning up (their pid is in the name). */
    private static void sweepStale() {
        Cmd.Result list = Cmd.run(CMD, "ip", "netns", "list");
        if (list.exit() != 0) return;
        for (String line : list.output().split("\n")) {
            Matcher m = OURS.matcher(line.trim());
            if (!m.find()) continue;
            long pid = Long.parseLong(m.group(1));
            if (ProcessHandle.of(pid).isPresent()) continue;
            deleteNamespace(line.trim().split("\\s+")[0]);
        }
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try (var dirs = Files.list(tmp)) {
            for (Path d : dirs.toList()) {
                Matcher m = OURS.matcher(d.getFileName().toString());
                if (m.find() && Files.isDirectory(d) && ProcessHandle.of(Long.parseLong(m.group(1))).isEmpty()) deleteTree(d);
            }
        } catch (IOException ignored) {
            // best effort
        }
    }

    private static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) return;
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: it is a temp directory
        }
    }
}
