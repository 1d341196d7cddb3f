package dev.nestor.dhcp4;

import dev.nestor.common.stats.StatsRegistry;
import dev.nestor.common.time.Clock;
import dev.nestor.config.ConfigException;
import dev.nestor.config.model.Dhcp4Config;
import dev.nestor.config.model.Pool4;
import dev.nestor.config.model.Subnet4;
import dev.nestor.control.CommandRegistry;
import dev.nestor.control.server.ManagedServer;
import dev.nestor.control.server.NetworkState;
import dev.nestor.ddns.client.DdnsClient;
import dev.nestor.dhcp4.ddns.DnsUpdates4;
import dev.nestor.dhcp4.pipeline.Dhcp4Pipeline;
import dev.nestor.dhcp4.respond.ReplyRouting4;
import dev.nestor.engine.alloc.PoolCursors;
import dev.nestor.engine.host.HostDatabases;
import dev.nestor.engine.work.PacketDispatch;
import dev.nestor.engine.reclaim.LeaseReclaimer4;
import dev.nestor.hooks.runtime.BuiltinLibraries;
import dev.nestor.hooks.runtime.HookCommands;
import dev.nestor.hooks.runtime.RegistryStats;
import dev.nestor.lease.LeaseStore4;
import dev.nestor.lease.LeaseStoreException;
import dev.nestor.lease.LeaseStores;
import dev.nestor.lease.StoreContext;
import dev.nestor.lease.SubnetLeaseCounts;
import dev.nestor.lease.jdbc.DatabaseException;
import dev.nestor.lease.jdbc.DatabaseSupervisors;
import dev.nestor.transport.Dhcp4Transport;
import dev.nestor.transport.Dhcp4Transports;
import dev.nestor.transport.InboundDatagram;
import dev.nestor.transport.NetInterface;
import dev.nestor.transport.OutboundDatagram;
import dev.nestor.transport.TransportOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * The DHCPv4 server: owns the transport, the worker threads, the lease store and the timers, and swaps its
 * runtime atomically on reconfiguration. The threads Kea's {@code multi-threading} settings ask for take datagrams
 * off the socket (PacketDispatch: workers that each read the socket, Kea's queue that drops its oldest datagram
 * when full, or one thread when multi-threading is off); one client's packets are serialised (ClientSerializer)
 * so its lease decisions never interleave.
 */
public final class Dhcp4Server implements ManagedServer, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger("dev.nestor.dhcp4");

    private final ServerOptions options;
    private final StatsRegistry stats;
    private final Clock clock;
    private final PoolCursors cursors = new PoolCursors();
    private final AtomicReference<Dhcp4Runtime> current = new AtomicReference<>();
    private final ClientSerializer serializer = new ClientSerializer();
    private final NetworkState networkState = new NetworkState();
    // the connection to the DDNS daemon (dhcp-ddns), kept across reconfigurations
    private final DdnsClient ddns = new DdnsClient();
    // hook libraries' commands, across reconfigurations
    private final HookCommands hookCommands;
    private final BuiltinLibraries builtinHooks;
    /** hosts-databases, kept open across reconfigurations that keep them. */
    private final HostDatabases hostDatabases = new HostDatabases();
    private final long startedNanos = System.nanoTime();
    private volatile long lastReloadNanos = System.nanoTime();

    private Dhcp4Transport transport;
    private TransportOptions transportOptions;
    private SystemInterfaces interfaces;
    private Dhcp4Pipeline pipeline;
    private volatile PacketDispatch<InboundDatagram> workers;
    private ScheduledExecutorService timers;
    private volatile boolean running;
    // commands-only server (no sockets, workers or timers): see detached()
    private boolean detached;
    private volatile IntConsumer fatalExit = status ->
            log.error("the lease database is gone for good but nothing can stop this process; DHCP service stays as it is");
    // on-fail handling of the SQL lease and hosts databases (none for memfile): see supervise()
    private final DatabaseSupervisors databases = new DatabaseSupervisors("dhcp4", new DatabaseSupervisors.Actions() {
        @Override
        public void disableService(int connection) {
            networkState.disableService(NetworkState.DB_CONNECTION + connection);
        }

        @Override
        public void enableService(int connection) {
            networkState.enableService(NetworkState.DB_CONNECTION + connection);
        }

        @Override
        public void exit(int status, String reason) {
            fatalExit.accept(status);
        }
    });

    /** A server whose hook libraries' commands go to a registry of their own (nobody answers them). */
    public Dhcp4Server(ServerOptions options, StatsRegistry stats, Clock clock) {
        this(options, stats, clock, new CommandRegistry());
    }

    /** A server whose hook libraries add their commands to {@code commands} (the daemon's control channels). */
    public Dhcp4Server(ServerOptions options, StatsRegistry stats, Clock clock, CommandRegistry commands) {
        this(options, stats, clock, commands, BuiltinLibraries.standard());
    }

    /** As above, with bundled hook libraries (tests add their own here). */
    public Dhcp4Server(ServerOptions options, StatsRegistry stats, Clock clock, CommandRegistry commands, BuiltinLibraries builtins) {
        this.options = options;
        this.stats = stats;
        this.clock = clock;
        this.hookCommands = new HookCommands(commands);
        this.builtinHooks = builtins;
    }

    private Dhcp4Runtime prepare(Dhcp4Config config) throws ConfigException {
        Dhcp4Runtime rt = Dhcp4Runtime.prepare(config, hookCommands, builtinHooks, new ServerLeases4(current::get, stats, clock),
                new RegistryStats(stats));
        if (config.hostsDatabases().isEmpty()) return rt;
        try {
            return rt.withHostDatabases(hostDatabases.open(config.hostsDatabases()));
        } catch (LeaseStoreException | RuntimeException e) {
            rt.hooks().close();
            throw new ConfigException("Dhcp4.hosts-databases", "cannot open the hosts database: " + e.getMessage());
        }
    }

    /**
     * After a swap: the new config's hook commands answer, then the old libraries are unloaded, and host databases
     * the new config no longer names are closed.
     */
    private void swapHooks(Dhcp4Runtime old, Dhcp4Runtime next) {
        next.hooks().activate();
        if (old != null && old.hooks() != next.hooks()) old.hooks().close();
        hostDatabases.retainOnly(next.config().hostsDatabases());
    }

    /**
     * A server that serves commands only: it opens the lease store, keeps statistics and reconfigures, but has no
     * sockets, worker threads or timers. For tests and offline tools; {@link #close} flushes and closes the store.
     */
    public static Dhcp4Server detached(ServerOptions options, StatsRegistry stats, Clock clock, Dhcp4Config config)
            throws ConfigException, LeaseStoreException {
        Dhcp4Server server = new Dhcp4Server(options, stats, clock);
        Dhcp4Runtime runtime = server.prepare(config);
        try {
            runtime = runtime.withStore(server.openStore(config));
        } catch (LeaseStoreException | RuntimeException e) {
            runtime.hooks().close();
            throw e;
        }
        server.detached = true;
        server.initStatistics(runtime);
        server.current.set(runtime);
        server.swapHooks(null, runtime);
        return server;
    }

    /** Opens the store and sockets for {@code config} and starts serving. */
    public synchronized void start(Dhcp4Config config) throws ConfigException, IOException, LeaseStoreException {
        Dhcp4Runtime runtime = prepare(config);
        try {
            LeaseStore4 store = openStore(config);
            runtime = runtime.withStore(store);
        } catch (LeaseStoreException | RuntimeException e) {
            runtime.hooks().close();
            throw e;
        }
        try {
            ddns.configure(config.dhcpDdns());
        } catch (IOException | RuntimeException e) {
            runtime.hooks().close();
            runtime.store().close();
            throw e;
        }
        initStatistics(runtime);
        current.set(runtime);
        supervise(runtime);
        swapHooks(null, runtime);
        interfaces = new SystemInterfaces();
        transportOptions = transportOptions(config);
        transport = Dhcp4Transports.open(transportOptions);
        pipeline = new Dhcp4Pipeline(current::get, cursors, stats, clock,
                new ReplyRouting4(options.serverPort(), options.clientPort()), interfaces, this::sendDeferred, ddns);
        running = true;
        workers = startWorkers(config);
        timers = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("dhcp4-timers").daemon(true).factory());
        scheduleTimers();
        log.info("nestor-dhcp4 {} started: config {}, {} subnet(s), lease-database {}, listening on {} ({} sockets, port {})",
                options.version(), options.configName(), config.subnets().size(), describeStore(config),
                transport.listening().stream().map(NetInterface::name).toList(),
                transportOptions.raw() ? "raw" : "udp", options.serverPort());
    }

    /**
     * Swaps in a new config. Everything is prepared first (expressions compiled, store opened if the database
     * changed, sockets reopened if the interfaces changed); any failure leaves the running config in place.
     */
    public synchronized void reconfigure(Dhcp4Config config) throws ConfigException, IOException, LeaseStoreException {
        Dhcp4Runtime old = current.get();
        Dhcp4Runtime next = prepare(config);
        boolean swapped = false;
        try {
            boolean sameStore = old.config().leaseDatabase().equals(config.leaseDatabase());
            LeaseStore4 store = sameStore ? old.store() : openStore(config);
            next = next.withStore(store);
            if (detached) {
                current.set(next);
                swapped = true;
                swapHooks(old, next);
                initStatistics(next);
                if (!sameStore) old.store().close();
                lastReloadNanos = System.nanoTime();
                return;
            }
            try {
                ddns.configure(config.dhcpDdns());
            } catch (IOException e) {
                if (!sameStore) store.close();
                throw new ConfigException("Dhcp4.dhcp-ddns", "cannot start the DHCP-DDNS sender: " + e.getMessage());
            }
            TransportOptions newTransport = transportOptions(config);
            Dhcp4Transport oldTransport = null;
            if (!newTransport.equals(transportOptions)) {
                oldTransport = transport;
                oldTransport.close(); // the new sockets bind the same port
                try {
                    transport = Dhcp4Transports.open(newTransport);
                } catch (IOException e) {
                    transport = Dhcp4Transports.open(transportOptions); // back to what worked
                    // the threads that read the closed socket have stopped: new ones for the reopened one
                    PacketDispatch<InboundDatagram> stopped = workers;
                    workers = startWorkers(old.config());
                    stopped.close();
                    if (!sameStore) store.close();
                    throw e;
                }
                transportOptions = newTransport;
                interfaces = interfaces.refreshed();
            }
            current.set(next);
            swapped = true;
            supervise(next); // before swapHooks closes the hosts databases the new config dropped
            swapHooks(old, next);
            initStatistics(next);
            if (!sameStore) {
                try {
                    old.store().close();
                } catch (Exception e) {
                    log.warn("closing the previous lease store: {}", e.toString());
                }
            }
            timers.shutdownNow();
            timers = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("dhcp4-timers").daemon(true).factory());
            scheduleTimers();
            if (oldTransport != null || !config.globals().multiThreading().equals(old.config().globals().multiThreading())
                || threadOverride(config, options.workerThreads()) != threadOverride(old.config(), options.workerThreads())) {
                // new sockets or new multi-threading settings: new threads take new packets, the old ones finish
                // what they hold (their socket is closed already, or they notice within a poll)
                PacketDispatch<InboundDatagram> previous = workers;
                workers = startWorkers(config);
                previous.close();
            }
            lastReloadNanos = System.nanoTime();
            log.info("nestor-dhcp4 reconfigured: {} subnet(s), lease-database {}, listening on {}", config.subnets().size(),
                    describeStore(config), transport.listening().stream().map(NetInterface::name).toList());
        } finally {
            // a config that was refused after its hook libraries loaded unloads them again
            if (!swapped) next.hooks().close();
        }
    }

    /** Checks a config the way {@link #reconfigure} would, without touching the running server. */
    public static void test(Dhcp4Config config) throws ConfigException {
        Dhcp4Runtime.check(config);
    }

    /** A response that hook libraries parked and then resumed (on the resuming library's thread). */
    private void sendDeferred(OutboundDatagram out) {
        try {
            transport.send(out);
        } catch (IOException e) {
            log.warn("send failed: {}", e.getMessage());
        }
    }

    /** Whether a received datagram is processed: not while the service is disabled (dhcp-disable, HA). */
    private boolean admit(InboundDatagram in) {
        if (networkState.isServiceEnabled()) return true;
        // Kea drops every query and counts it
        stats.add("pkt4-received", 1);
        stats.add("pkt4-service-disabled", 1);
        stats.add("pkt4-receive-drop", 1);
        return false;
    }

    /**
     * The thread count when neither the command line nor {@code thread-pool-size} sets one: with PostgreSQL a
     * worker spends most of an exchange waiting for the database, and the lease store groups the commits of
     * concurrent workers into one transaction, so four per core (measured: 1.2 - 2.2x the exchanges of one per core
     * on 2 cores, bench/README.md "SQL backends"); otherwise 0, PacketDispatch's one per core.
     */
    static int threadOverride(Dhcp4Config config, int commandLine) {
        if (commandLine > 0 || config.globals().multiThreading().threadPoolSize() > 0) return commandLine;
        return "postgresql".equals(config.leaseDatabase().get("type")) ? 4 * Runtime.getRuntime().availableProcessors() : 0;
    }

    /** Kea's multi-threading settings; -Dnestor.workers (ServerOptions.workerThreads) overrides the pool size. */
    private PacketDispatch<InboundDatagram> startWorkers(Dhcp4Config config) {
        Dhcp4Transport t = transport;
        return PacketDispatch.start("dhcp4", config.globals().multiThreading(), threadOverride(config, options.workerThreads()),
                PacketDispatch.Source.of(t::poll, t::isOpen, t::receiveBufferDrops), this::admit, this::handle, lost -> {
                    // Kea's queue dropped its oldest datagram, or the kernel the newest ones (the readers' queue)
                    stats.add("pkt4-queue-full", lost);
                    stats.add("pkt4-receive-drop", lost);
                });
    }

    private void handle(InboundDatagram in) {
        Optional<OutboundDatagram> reply = serializer.run(in, () -> pipeline.process(in));
        if (reply.isEmpty()) return;
        try {
            transport.send(reply.get());
        } catch (IOException e) {
            log.warn("send failed: {}", e.getMessage());
        }
    }

    private void scheduleTimers() {
        var p = current.get().config().expiredLeasesProcessing();
        if (p.reclaimTimerWaitTime() > 0) {
            timers.scheduleWithFixedDelay(() -> safely(() -> reclaimer().reclaim(current.get().config().expiredLeasesProcessing(), false)),
                    p.reclaimTimerWaitTime(), p.reclaimTimerWaitTime(), TimeUnit.SECONDS);
        }
        if (p.flushReclaimedTimerWaitTime() > 0) {
            timers.scheduleWithFixedDelay(() -> safely(() -> reclaimer().flushReclaimed(current.get().config().expiredLeasesProcessing())),
                    p.flushReclaimedTimerWaitTime(), p.flushReclaimedTimerWaitTime(), TimeUnit.SECONDS);
        }
    }

    private static void safely(Runnable r) {
        try {
            r.run();
        } catch (DatabaseException e) {
            // the lease database is down: DatabaseSupervisor has said so; the next run tries again
            log.debug("timer task skipped: {}", e.getMessage());
        } catch (RuntimeException e) {
            log.error("timer task failed", e);
        }
    }

    public LeaseReclaimer4 reclaimer() {
        Dhcp4Runtime rt = current.get();
        // Kea queues the DNS removal of each lease it reclaims (when the lease had names in DNS)
        return new LeaseReclaimer4(rt.store(), stats, clock,
                new ReclaimHooks4(rt.hooks().dispatcher(), lease -> DnsUpdates4.removed(ddns, rt.config(), lease)), cursors);
    }

    /**
     * What the daemon does when the lease database is gone for good ({@code on-fail} {@code stop-retry-exit} or
     * {@code serve-retry-exit} after {@code max-reconnect-tries}): typically stop and exit with the given status.
     * Called on a background thread; must not block.
     */
    public void onFatalDatabaseFailure(IntConsumer exit) {
        this.fatalExit = Objects.requireNonNull(exit, "exit");
    }

    /**
     * Applies {@code on-fail} to the SQL databases {@code rt} uses (lease database, hosts databases): the service
     * is disabled while one is lost under stop-retry-exit, and the daemon exits when one is gone for good.
     */
    private void supervise(Dhcp4Runtime rt) {
        databases.leaseStore(rt.store());
        databases.hostStores(rt.hosts().databases());
    }

    private LeaseStore4 openStore(Dhcp4Config config) throws LeaseStoreException {
        return LeaseStores.open4(config.leaseDatabase(), new StoreContext(clock, options.dataDirectory()));
    }

    private static String describeStore(Dhcp4Config config) {
        Map<String, String> db = config.leaseDatabase();
        String type = db.getOrDefault("type", "memfile");
        if (type.equals("memfile")) {
            return "memfile" + ("false".equals(db.get("persist")) ? " (not persisted)" : " " + db.getOrDefault("name", "(default file)"));
        }
        return type + " " + db.getOrDefault("name", "");
    }

    private TransportOptions transportOptions(Dhcp4Config config) {
        var ic = config.interfaces();
        return new TransportOptions(ic.interfaces(), !"udp".equals(ic.dhcpSocketType()), options.serverPort(), options.clientPort());
    }

    /** Kea's statistics: packet counters start at 0; subnet counters are recounted from the store. */
    private void initStatistics(Dhcp4Runtime rt) {
        for (String name : List.of("pkt4-received", "pkt4-discover-received", "pkt4-offer-received", "pkt4-request-received",
                "pkt4-ack-received", "pkt4-nak-received", "pkt4-release-received", "pkt4-decline-received",
                "pkt4-inform-received", "pkt4-unknown-received", "pkt4-sent", "pkt4-offer-sent", "pkt4-ack-sent",
                "pkt4-nak-sent", "pkt4-parse-failed", "pkt4-receive-drop", "pkt4-service-disabled", "v4-allocation-fail",
                "v4-allocation-fail-shared-network", "v4-allocation-fail-subnet", "v4-allocation-fail-no-pools",
                "v4-allocation-fail-classes", "v4-reservation-conflicts", "v4-lease-reuses", "reclaimed-leases",
                "reclaimed-declined-addresses", "declined-addresses", "cumulative-assigned-addresses")) {
            if (stats.observation(name).isEmpty()) stats.set(name, 0L);
        }
        Map<Long, SubnetLeaseCounts> counts;
        try {
            counts = rt.store().countBySubnet();
        } catch (RuntimeException e) {
            // an SQL store started with retry-on-startup while its database is down: count again on reconfiguration
            log.warn("lease statistics not recounted: {}", e.getMessage());
            counts = Map.of();
        }
        long declinedTotal = 0;
        for (Subnet4 s : rt.config().subnets()) {
            String p = "subnet[" + s.id() + "].";
            long total = 0;
            for (Pool4 pool : s.pools()) total += pool.size();
            SubnetLeaseCounts c = counts.getOrDefault(s.id(), new SubnetLeaseCounts(0, 0));
            stats.set(p + "total-addresses", total);
            stats.set(p + "assigned-addresses", c.assigned() + c.declined());
            stats.set(p + "declined-addresses", c.declined());
            declinedTotal += c.declined();
            for (String n : List.of("cumulative-assigned-addresses", "reclaimed-leases", "reclaimed-declined-addresses",
                    "v4-allocation-fail", "v4-lease-reuses", "v4-reservation-conflicts")) {
                if (stats.observation(p + n).isEmpty()) stats.set(p + n, 0L);
            }
        }
        stats.set("declined-addresses", declinedTotal);
    }

    public Dhcp4Runtime runtime() { return current.get(); }

    /** Whether the DHCP service is enabled (dhcp-disable / dhcp-enable). */
    @Override
    public NetworkState networkState() { return networkState; }

    public StatsRegistry stats() { return stats; }

    /** The connection to the DDNS daemon (lease commands with update-ddns queue removals through it). */
    public DdnsClient ddns() { return ddns; }

    /** The server clock (lease times, expiry). */
    public Clock clock() { return clock; }

    public ServerOptions options() { return options; }

    // ---- ManagedServer (the commands every Kea daemon answers) ----

    @Override
    public String configRoot() { return "Dhcp4"; }

    @Override
    public String configJson() { return current.get().config().json(); }

    @Override
    public String serverTag() { return current.get().config().globals().serverTag(); }

    @Override
    public int reclaimNow(boolean remove) {
        return reclaimer().reclaim(current.get().config().expiredLeasesProcessing(), remove);
    }

    @Override
    public long uptimeSeconds() { return (System.nanoTime() - startedNanos) / 1_000_000_000L; }

    @Override
    public long secondsSinceReload() { return (System.nanoTime() - lastReloadNanos) / 1_000_000_000L; }

    /** Worker threads (0 when multi-threading is disabled and the receive thread handles every packet). */
    @Override
    public int workerThreads() { return workers == null ? 0 : workers.threads(); }

    /** Kea's packet-queue-size in force (0 = unbounded). */
    @Override
    public int queueSize() { return workers == null ? 0 : workers.queueCapacity(); }

    /** Whether packets are processed by a pool of worker threads (Kea's enable-multi-threading). */
    @Override
    public boolean multiThreaded() { return workers != null && workers.multiThreaded(); }

    /** Stops receiving, finishes queued packets, then flushes and closes the lease store. */
    @Override
    public synchronized void close() {
        if (detached) {
            detached = false;
            Dhcp4Runtime rt = current.get();
            try {
                rt.store().flush();
            } catch (Exception e) {
                log.error("flushing leases on close failed: {}", e.toString());
            }
            rt.store().close();
            rt.hooks().close();
            hostDatabases.close();
            return;
        }
        if (!running) return;
        running = false;
        try {
            transport.close();
        } catch (Exception e) {
            log.warn("closing sockets: {}", e.toString());
        }
        workers.close();
        timers.shutdownNow();
        ddns.close(); // after the workers: their last requests still go out
        databases.close();
        networkState.close();
        Dhcp4Runtime rt = current.get();
        rt.hooks().close();
        hostDatabases.close();
        try {
            rt.store().flush();
            rt.store().close();
        } catch (Exception e) {
            log.error("flushing leases on shutdown failed: {}", e.toString());
        }
        log.info("nestor-dhcp4 stopped");
    }

    /** Settings that come from the command line rather than the config file. */
    public record ServerOptions(String version, String configName, int serverPort, int clientPort, Path dataDirectory,
                                int workerThreads, int queueSize) {
        public ServerOptions {
            Objects.requireNonNull(version);
            if (queueSize <= 0) throw new IllegalArgumentException("queue size must be positive");
        }
    }
}
