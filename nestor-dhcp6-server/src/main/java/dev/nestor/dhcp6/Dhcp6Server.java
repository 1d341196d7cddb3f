package dev.nestor.dhcp6;

import dev.nestor.common.Bytes;
import dev.nestor.common.stats.StatsRegistry;
import dev.nestor.common.time.Clock;
import dev.nestor.config.ConfigException;
import dev.nestor.config.model.Dhcp6Config;
import dev.nestor.ddns.client.DdnsClient;
import dev.nestor.dhcp6.ddns.DnsUpdates6;
import dev.nestor.dhcp6.pipeline.ClientLocks;
import dev.nestor.dhcp6.pipeline.Dhcp6Pipeline;
import dev.nestor.dhcp6.respond.ReplyRouting6;
import dev.nestor.control.CommandRegistry;
import dev.nestor.control.server.ManagedServer;
import dev.nestor.control.server.NetworkState;
import dev.nestor.hooks.runtime.BuiltinLibraries;
import dev.nestor.hooks.runtime.HookCommands;
import dev.nestor.hooks.runtime.RegistryStats;
import dev.nestor.engine.alloc.PoolCursors;
import dev.nestor.engine.host.HostDatabases;
import dev.nestor.engine.work.PacketDispatch;
import dev.nestor.engine.v6.LeaseCounters6;
import dev.nestor.engine.v6.LeaseReclaimer6;
import dev.nestor.lease.LeaseStore6;
import dev.nestor.lease.LeaseStoreException;
import dev.nestor.lease.LeaseStores;
import dev.nestor.lease.StoreContext;
import dev.nestor.lease.jdbc.DatabaseException;
import dev.nestor.lease.jdbc.DatabaseSupervisors;
import dev.nestor.transport.Dhcp6Transport;
import dev.nestor.transport.Dhcp6Transports;
import dev.nestor.transport.InboundDatagram6;
import dev.nestor.transport.Interfaces;
import dev.nestor.transport.NetInterface;
import dev.nestor.transport.Transport6Options;
import dev.nestor.transport.UdpDatagram6;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * The DHCPv6 server, with the lifecycle of the DHCPv4 one: it owns the transport, the worker threads, the lease
 * store and the timers, and swaps its runtime atomically on reconfiguration. Datagrams reach the threads the
 * {@code multi-threading} settings ask for through a PacketDispatch (as in v4); one client's queries are serialised
 * by DUID ({@link ClientLocks}).
 */
public final class Dhcp6Server implements ManagedServer, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger("dev.nestor.dhcp6");

    private final ServerOptions options;
    private final StatsRegistry stats;
    private final Clock clock;
    private final PoolCursors cursors = new PoolCursors();
    private final AtomicReference<Dhcp6Runtime> current = new AtomicReference<>();
    private final long startedNanos = System.nanoTime();
    private volatile long lastReloadNanos = System.nanoTime();

    private Dhcp6Transport transport;
    private Transport6Options transportOptions;
    private Dhcp6Pipeline pipeline;
    private volatile PacketDispatch<InboundDatagram6> workers;
    private ScheduledExecutorService timers;
    private volatile boolean running;
    // commands-only server (no sockets, workers or timers): see detached()
    private boolean detached;
    private final NetworkState networkState = new NetworkState();

    // hook libraries' commands, across reconfigurations
    private final HookCommands hookCommands;
    private final BuiltinLibraries builtinHooks;
    /** hosts-databases, kept open across reconfigurations that keep them. */
    private final HostDatabases hostDatabases = new HostDatabases();
    // the connection to the DDNS daemon (dhcp-ddns), kept across reconfigurations
    private final DdnsClient ddns = new DdnsClient();
    private volatile IntConsumer fatalExit = status ->
            log.error("a database is gone for good but nothing can stop this process; DHCP service stays as it is");
    // on-fail handling of the SQL lease and hosts databases (none for memfile): see supervise()
    private final DatabaseSupervisors databases = new DatabaseSupervisors("dhcp6", new DatabaseSupervisors.Actions() {
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
    public Dhcp6Server(ServerOptions options, StatsRegistry stats, Clock clock) {
        this(options, stats, clock, new CommandRegistry());
    }

    /** A server whose hook libraries add their commands to {@code commands} (the daemon's control channels). */
    public Dhcp6Server(ServerOptions options, StatsRegistry stats, Clock clock, CommandRegistry commands) {
        this(options, stats, clock, commands, BuiltinLibraries.standard());
    }

    /** As above, with bundled hook libraries (tests add their own here). */
    public Dhcp6Server(ServerOptions options, StatsRegistry stats, Clock clock, CommandRegistry commands, BuiltinLibraries builtins) {
        this.options = options;
        this.stats = stats;
        this.clock = clock;
        this.hookCommands = new HookCommands(commands);
        this.builtinHooks = builtins;
    }

    private Dhcp6Runtime prepare(Dhcp6Config config) throws ConfigException {
        Dhcp6Runtime rt = Dhcp6Runtime.prepare(config, hookCommands, builtinHooks, new RegistryStats(stats));
        if (config.hostsDatabases().isEmpty()) return rt;
        try {
            return rt.withHostDatabases(hostDatabases.open(config.hostsDatabases()));
        } catch (LeaseStoreException | RuntimeException e) {
            rt.hooks().close();
            throw new ConfigException("Dhcp6.hosts-databases", "cannot open the hosts database: " + e.getMessage());
        }
    }

    /**
     * After a swap: the new config's hook commands answer, then the old libraries are unloaded, and host databases
     * the new config no longer names are closed.
     */
    private void swapHooks(Dhcp6Runtime old, Dhcp6Runtime next) {
        next.hooks().activate();
        if (old != null && old.hooks() != next.hooks()) old.hooks().close();
        hostDatabases.retainOnly(next.config().hostsDatabases());
    }

    /**
     * A server that serves commands only: it opens the lease store, sets up the server DUID, keeps statistics and
     * reconfigures, but has no sockets, worker threads or timers. For tests and offline tools; {@link #close}
     * flushes and closes the store.
     */
    public static Dhcp6Server detached(ServerOptions options, StatsRegistry stats, Clock clock, Dhcp6Config config)
            throws ConfigException, IOException, LeaseStoreException {
        Dhcp6Server server = new Dhcp6Server(options, stats, clock);
        Dhcp6Runtime prepared = server.prepare(config);
        Dhcp6Runtime runtime;
        try {
            Bytes duid = ServerIdentity.loadOrCreate(config.globals().serverId(), options.dataDirectory(), clock, Interfaces::list);
            runtime = prepared.bind(server.openStore(config), duid);
        } catch (IOException | LeaseStoreException | RuntimeException e) {
            prepared.hooks().close();
            throw e;
        }
        server.detached = true;
        Statistics6.init(stats, runtime);
        server.current.set(runtime);
        server.swapHooks(null, runtime);
        return server;
    }

    /** Opens the store, sets up the server DUID, opens the sockets for {@code config} and starts serving. */
    public synchronized void start(Dhcp6Config config) throws ConfigException, IOException, LeaseStoreException {
        Dhcp6Runtime prepared = prepare(config);
        Dhcp6Runtime runtime;
        try {
            Bytes duid = ServerIdentity.loadOrCreate(config.globals().serverId(), options.dataDirectory(), clock, Interfaces::list);
            LeaseStore6 store = openStore(config);
            runtime = prepared.bind(store, duid);
            try {
                ddns.configure(config.dhcpDdns());
                transportOptions = transportOptions(config);
                transport = Dhcp6Transports.open(transportOptions);
            } catch (IOException | RuntimeException e) {
                ddns.close();
                store.close();
                throw e;
            }
        } catch (IOException | LeaseStoreException | RuntimeException e) {
            prepared.hooks().close();
            throw e;
        }
        Statistics6.init(stats, runtime);
        current.set(runtime);
        supervise(runtime);
        swapHooks(null, runtime);
        pipeline = new Dhcp6Pipeline(current::get, cursors, stats, clock,
                new ReplyRouting6(options.serverPort(), options.clientPort()), new ClientLocks(), this::sendDeferred, ddns);
        running = true;
        workers = startWorkers(config);
        timers = newTimers();
        scheduleTimers();
        log.info("nestor-dhcp6 {} started: config {}, {} subnet(s), server-id {}, lease-database {}, listening on {} (port {})",
                options.version(), options.configName(), config.subnets().size(), runtime.serverId().toHexColon(), describeStore(config),
                transport.listening().stream().map(NetInterface::name).toList(), options.serverPort());
    }

    /**
     * Swaps in a new config. Everything is prepared first (expressions compiled, server DUID, store opened if the
     * database changed, sockets reopened if the interfaces changed); any failure leaves the running config in place.
     */
    public synchronized void reconfigure(Dhcp6Config config) throws ConfigException, IOException, LeaseStoreException {
        Dhcp6Runtime old = current.get();
        Dhcp6Runtime prepared = prepare(config);
        boolean swapped = false;
        try {
            reconfigure(old, prepared, config);
            swapped = true;
        } finally {
            // a config that was refused after its hook libraries loaded unloads them again
            if (!swapped) prepared.hooks().close();
        }
    }

    private void reconfigure(Dhcp6Runtime old, Dhcp6Runtime prepared, Dhcp6Config config)
            throws IOException, LeaseStoreException, ConfigException {
        Bytes duid = config.globals().serverId().equals(old.config().globals().serverId()) ? old.serverId()
                : ServerIdentity.loadOrCreate(config.globals().serverId(), options.dataDirectory(), clock, Interfaces::list);
        boolean sameStore = old.config().leaseDatabase().equals(config.leaseDatabase());
        LeaseStore6 store = sameStore ? old.store() : openStore(config);
        Dhcp6Runtime next = prepared.bind(store, duid);
        if (detached) {
            current.set(next);
            swapHooks(old, next);
            Statistics6.init(stats, next);
            if (!sameStore) old.store().close();
            lastReloadNanos = System.nanoTime();
            return;
        }
        try {
            ddns.configure(config.dhcpDdns());
        } catch (IOException e) {
            if (!sameStore) store.close();
            throw new ConfigException("Dhcp6.dhcp-ddns", "cannot start the DHCP-DDNS sender: " + e.getMessage());
        }
        Transport6Options newTransport = transportOptions(config);
        boolean reopen = !newTransport.equals(transportOptions);
        if (reopen) {
            transport.close(); // the new socket binds the same port
            try {
                transport = Dhcp6Transports.open(newTransport);
            } catch (IOException e) {
                transport = Dhcp6Transports.open(transportOptions); // back to what worked
                // the threads that read the closed socket have stopped: new ones for the reopened one
                PacketDispatch<InboundDatagram6> stopped = workers;
                workers = startWorkers(old.config());
                stopped.close();
                if (!sameStore) store.close();
                throw e;
            }
            transportOptions = newTransport;
        }
        current.set(next);
        supervise(next); // before swapHooks closes the hosts databases the new config dropped
        swapHooks(old, next);
        Statistics6.init(stats, next);
        if (!sameStore) {
            try {
                old.store().close();
            } catch (Exception e) {
                log.warn("closing the previous lease store: {}", e.toString());
            }
        }
        timers.shutdownNow();
        timers = newTimers();
        scheduleTimers();
        if (reopen || !config.globals().multiThreading().equals(old.config().globals().multiThreading())
                || threadOverride(config, options.workerThreads()) != threadOverride(old.config(), options.workerThreads())) {
            // a new socket or new multi-threading settings: new threads take new packets, the old ones finish what
            // they hold (their socket is closed already, or they notice within a poll)
            PacketDispatch<InboundDatagram6> previous = workers;
            workers = startWorkers(config);
            previous.close();
        }
        lastReloadNanos = System.nanoTime();
        log.info("nestor-dhcp6 reconfigured: {} subnet(s), lease-database {}, listening on {}", config.subnets().size(),
                describeStore(config), transport.listening().stream().map(NetInterface::name).toList());
    }

    /** Checks a config the way {@link #reconfigure} would, without touching a running server. */
    public static void test(Dhcp6Config config) throws ConfigException {
        Dhcp6Runtime.check(config);
    }

    /** A reply that hook libraries parked and then resumed (on the resuming library's thread). */
    private void sendDeferred(UdpDatagram6 out) {
        try {
            transport.send(out);
        } catch (IOException e) {
            log.warn("send failed: {}", e.getMessage());
        }
    }

    /** Whether a received datagram is processed: not while the service is disabled (dhcp-disable, HA). */
    private boolean admit(InboundDatagram6 in) {
        if (networkState.isServiceEnabled()) return true;
        // Kea drops every query and counts it
        stats.add("pkt6-received", 1);
        stats.add("pkt6-service-disabled", 1);
        stats.add("pkt6-receive-drop", 1);
        return false;
    }

    /**
     * The thread count when neither the command line nor {@code thread-pool-size} sets one: with PostgreSQL a
     * worker spends most of an exchange waiting for the database, and the lease store groups the commits of
     * concurrent workers into one transaction, so four per core (measured: 1.2 - 2.2x the exchanges of one per core
     * on 2 cores, bench/README.md "SQL backends"); otherwise 0, PacketDispatch's one per core.
     */
    static int threadOverride(Dhcp6Config config, int commandLine) {
        if (commandLine > 0 || config.globals().multiThreading().threadPoolSize() > 0) return commandLine;
        return "postgresql".equals(config.leaseDatabase().get("type")) ? 4 * Runtime.getRuntime().availableProcessors() : 0;
    }

    /** Kea's multi-threading settings, shared with the v4 server; -Dnestor.workers overrides the pool size. */
    private PacketDispatch<InboundDatagram6> startWorkers(Dhcp6Config config) {
        Dhcp6Transport t = transport;
        return PacketDispatch.start("dhcp6", config.globals().multiThreading(), threadOverride(config, options.workerThreads()),
                PacketDispatch.Source.of(t::poll, t::isOpen, t::receiveBufferDrops), this::admit, this::handle, lost -> {
                    // Kea's queue dropped its oldest datagram, or the kernel the newest ones (the readers' queue)
                    stats.add("pkt6-queue-full", lost);
                    stats.add("pkt6-receive-drop", lost);
                });
    }

    private void handle(InboundDatagram6 in) {
        Optional<UdpDatagram6> reply = pipeline.process(in);
        if (reply.isEmpty()) return;
        try {
            transport.send(reply.get());
        } catch (IOException e) {
            log.warn("send failed: {}", e.getMessage());
        }
    }

    private static ScheduledExecutorService newTimers() {
        return Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("dhcp6-timers").daemon(true).factory());
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
            // the lease database is down: DatabaseSupervisors has said so; the next run tries again
            log.debug("timer task skipped: {}", e.getMessage());
        } catch (RuntimeException e) {
            log.error("timer task failed", e);
        }
    }

    public LeaseReclaimer6 reclaimer() {
        Dhcp6Runtime rt = current.get();
        // Kea queues the DNS removal of each lease it reclaims (when the lease had names in DNS)
        return new LeaseReclaimer6(rt.store(), LeaseCounters6.of(stats, rt.config()), clock,
                new ReclaimHooks6(rt.hooks().dispatcher(), lease -> DnsUpdates6.removed(ddns, rt.config(), lease)));
    }

    /**
     * What the daemon does when a database is gone for good ({@code on-fail} {@code stop-retry-exit} or
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
    private void supervise(Dhcp6Runtime rt) {
        databases.leaseStore(rt.store());
        databases.hostStores(rt.hosts().databases());
    }

    private LeaseStore6 openStore(Dhcp6Config config) throws LeaseStoreException {
        return LeaseStores.open6(config.leaseDatabase(), new StoreContext(clock, options.dataDirectory()));
    }

    private static String describeStore(Dhcp6Config config) {
        Map<String, String> db = config.leaseDatabase();
        String type = db.getOrDefault("type", "memfile");
        if (type.equals("memfile")) {
            return "memfile" + ("false".equals(db.get("persist")) ? " (not persisted)" : " " + config.leaseFileName());
        }
        return type + " " + db.getOrDefault("name", "");
    }

    private Transport6Options transportOptions(Dhcp6Config config) {
        return new Transport6Options(config.interfaces().interfaces(), options.serverPort(), options.clientPort());
    }

    public Dhcp6Runtime runtime() { return current.get(); }

    public StatsRegistry stats() { return stats; }

    public Clock clock() { return clock; }

    /** The connection to the DDNS daemon (lease commands with update-ddns queue removals through it). */
    public DdnsClient ddns() { return ddns; }

    public ServerOptions options() { return options; }

    // ---- ManagedServer (the commands every Kea daemon answers) ----

    @Override
    public String configRoot() { return "Dhcp6"; }

    @Override
    public String configJson() { return current.get().config().json(); }

    @Override
    public String serverTag() { return current.get().config().globals().serverTag(); }

    /** Whether the DHCP service is enabled (dhcp-disable / dhcp-enable). */
    @Override
    public NetworkState networkState() { return networkState; }

    @Override
    public int reclaimNow(boolean remove) {
        return reclaimer().reclaim(current.get().config().expiredLeasesProcessing(), remove);
    }

    @Override
    public long uptimeSeconds() { return (System.nanoTime() - startedNanos) / 1_000_000_000L; }

    @Override
    public long secondsSinceReload() { return (System.nanoTime() - lastReloadNanos) / 1_000_000_000L; }

    @Override
    public int workerThreads() { return workers == null ? 0 : workers.threads(); }

    @Override
    public int queueSize() { return workers == null ? 0 : workers.queueCapacity(); }

    @Override
    public boolean multiThreaded() { return workers != null && workers.multiThreaded(); }

    /** Stops receiving, finishes queued packets, then flushes and closes the lease store. */
    @Override
    public synchronized void close() {
        if (detached) {
            detached = false;
            ddns.close();
            Dhcp6Runtime rt = current.get();
            rt.hooks().close();
            hostDatabases.close();
            try {
                rt.store().flush();
            } catch (Exception e) {
                log.error("flushing leases on close failed: {}", e.toString());
            }
            rt.store().close();
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
        Dhcp6Runtime rt = current.get();
        rt.hooks().close();
        hostDatabases.close();
        try {
            rt.store().flush();
            rt.store().close();
        } catch (Exception e) {
            log.error("flushing leases on shutdown failed: {}", e.toString());
        }
        log.info("nestor-dhcp6 stopped");
    }

    /** Settings that come from the command line rather than the config file. */
    public record ServerOptions(String version, String configName, int serverPort, int clientPort, Path dataDirectory,
                                int workerThreads, int queueSize) {
        public ServerOptions {
            Objects.requireNonNull(version);
            Objects.requireNonNull(dataDirectory);
            if (queueSize <= 0) throw new IllegalArgumentException("queue size must be positive");
        }
    }
}
