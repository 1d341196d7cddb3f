package dev.nestor.ddns;

import dev.nestor.common.stats.StatsRegistry;
import dev.nestor.common.time.Clock;
import dev.nestor.config.ConfigException;
import dev.nestor.ddns.config.D2Config;
import dev.nestor.ddns.config.TsigKeySpec;
import dev.nestor.ddns.dns.DnsClient;
import dev.nestor.ddns.dns.TsigKeys;
import dev.nestor.ddns.ncr.NameChangeRequest;
import dev.nestor.ddns.txn.TxnContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The DDNS daemon (Kea's D2 process) without its command line: NCR receiver → bounded queue → transactions.
 *
 * <p>Configuration follows the stage → prepare → swap rule: {@link #prepare} does everything that can fail (secret
 * files, keys) without touching the running state; {@link #reconfigure} then swaps the snapshot atomically and
 * rebinds the NCR socket only when its address changed (when the new address cannot be bound, the old socket is
 * reopened and the old configuration stays). Transactions already running finish under the configuration they
 * started with.
 */
public final class D2Server implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger("dev.nestor.dhcpddns");
    /** Kea's D2UpdateMgr::MAX_TRANSACTIONS_DEFAULT. */
    public static final int MAX_TRANSACTIONS = 32;

    /** A configuration made ready for use (keys loaded). */
    public record Prepared(D2Config config, TsigKeys keys) {}

    private final D2Stats stats;
    private final DnsClient client;
    private final Clock clock;
    private final AtomicReference<UpdateManager.Snapshot> current = new AtomicReference<>();
    private final long startedAt;
    private volatile long reloadedAt;
    private NcrReceiver receiver;
    private UpdateManager manager;

    public D2Server(StatsRegistry registry, DnsClient client, Clock clock) {
        this.stats = new D2Stats(Objects.requireNonNull(registry, "registry"));
        this.client = Objects.requireNonNull(client, "client");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.startedAt = clock.epochSeconds();
    }

    /** Everything a configuration needs before it can run; nothing running is touched. */
    public static Prepared prepare(D2Config config) throws ConfigException {
        return new Prepared(config, TsigKeys.load(config));
    }

    /** config-test: the same preparation, nothing applied. */
    public static void test(D2Config config) throws ConfigException {
        prepare(config);
    }

    public synchronized void start(D2Config config) throws ConfigException, IOException {
        if (manager != null) throw new IllegalStateException("already started");
        Prepared p = prepare(config);
        install(p);
        manager = new UpdateManager(stats, current::get, config.maxQueueSize(), MAX_TRANSACTIONS, _ -> {});
        try {
            receiver = NcrReceiver.open(new InetSocketAddress(config.ipAddress(), config.port()), stats, this::submit);
        } catch (IOException e) {
            manager.close();
            manager = null;
            throw e;
        }
        log.info("DHCP_DDNS_STARTED listening for NCRs on {}", receiver.address());
    }

    /** Swaps in a new configuration; on failure the running one stays. */
    public synchronized void reconfigure(D2Config config) throws ConfigException, IOException {
        if (manager == null) throw new IllegalStateException("not started");
        Prepared p = prepare(config);
        D2Config old = current.get().config();
        NcrReceiver replacement = null;
        if (!old.ipAddress().equals(config.ipAddress()) || old.port() != config.port()) {
            receiver.close(); // the new address may be the old one's port on another address; free it first
            try {
                replacement = NcrReceiver.open(new InetSocketAddress(config.ipAddress(), config.port()), stats, this::submit);
            } catch (IOException e) {
                receiver = NcrReceiver.open(new InetSocketAddress(old.ipAddress(), old.port()), stats, this::submit);
                throw e;
            }
        }
        install(p);
        manager.setMaxQueueSize(config.maxQueueSize());
        if (replacement != null) {
            receiver = replacement;
            log.info("DHCP_DDNS_LISTENER now listening for NCRs on {}", receiver.address());
        }
        log.info("DHCP_DDNS_CONFIGURED configuration applied");
    }

    private void install(Prepared p) {
        D2Config c = p.config();
        TxnContext ctx = new TxnContext(client, p.keys(), Duration.ofMillis(c.dnsServerTimeout()), stats,
                TxnContext.TRIES_PER_SERVER);
        stats.keysConfigured(c.tsigKeys().stream().map(TsigKeySpec::dnsName).toList());
        current.set(new UpdateManager.Snapshot(c, ctx));
        reloadedAt = clock.epochSeconds();
    }

    /** Hands a request to the queue, as the receiver does (also for tests). */
    public boolean submit(NameChangeRequest ncr) {
        UpdateManager m = manager;
        return m != null && m.submit(ncr);
    }

    public D2Config config() {
        UpdateManager.Snapshot s = current.get();
        return s == null ? null : s.config();
    }

    public D2Stats stats() {
        return stats;
    }

    /** Where NCRs are received (the bound address, useful when the port was 0). */
    public synchronized InetSocketAddress listenAddress() {
        return receiver == null ? null : receiver.address();
    }

    public int queueSize() {
        UpdateManager m = manager;
        return m == null ? 0 : m.queueSize();
    }

    /** Waits until no request is queued or being worked on. {@return false on timeout} */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        UpdateManager m = manager;
        return m == null || m.awaitIdle(timeout);
    }

    /** Transactions finished since start, whatever their outcome (status-get's {@code transactions-completed}). */
    public long transactionsCompleted() {
        UpdateManager m = manager;
        return m == null ? 0 : m.completed();
    }

    public long uptimeSeconds() {
        return clock.epochSeconds() - startedAt;
    }

    public long secondsSinceReload() {
        return clock.epochSeconds() - reloadedAt;
    }

    @Override
    public synchronized void close() {
        if (receiver != null) receiver.close();
        if (manager != null) manager.close();
        receiver = null;
        manager = null;
        log.info("DHCP_DDNS_SHUTDOWN stopped");
    }
}
