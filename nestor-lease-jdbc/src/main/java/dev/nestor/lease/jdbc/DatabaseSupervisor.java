package dev.nestor.lease.jdbc;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Kea's database reconnect control ({@code ReconnectCtl} with the server's db-lost / db-recovered / db-failed
 * callbacks) for one SQL database of a DHCP server (its lease database or one of its hosts databases), driven by
 * the store's {@link DatabaseStatus}:
 * <ul>
 *   <li>lost: with {@code stop-retry-exit} the DHCP service is disabled (queries dropped, as Kea's
 *       {@code DB_CONNECTION} origin), with {@code serve-*} it keeps serving (a lease that cannot be written is
 *       never acknowledged); then the database is probed every {@code reconnect-wait-time};</li>
 *   <li>recovered: the service is enabled again;</li>
 *   <li>{@code max-reconnect-tries} probes failed: {@code *-retry-exit} asks the daemon to exit with status 1;
 *       {@code serve-retry-continue} keeps probing forever. With no retries configured, the {@code *-exit} modes
 *       exit at once (Kea's "reconnect disabled").</li>
 * </ul>
 * Each change of state is logged once. Also used at start-up with {@code retry-on-startup}: a store that opened
 * without reaching its database starts in the lost state.
 *
 * <p>It lives beside {@link DatabaseStatus}, {@link DatabaseConfig} and {@link OnFail} (as Kea's ReconnectCtl
 * lives in its database library) so that both DHCP servers use this one piece of code; what "disable the
 * service" and "exit" mean is the server's, passed in as {@link Actions}. Most servers use it through
 * {@link DatabaseSupervisors}.
 */
public final class DatabaseSupervisor implements AutoCloseable {
    /** Probe interval when {@code reconnect-wait-time} is 0 but probing must go on (serve-retry-continue). */
    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(1);

    /** What the supervisor does to the server. */
    public interface Actions {
        /** Stop answering queries (Kea's disableService(DB_CONNECTION)). */
        void disableService();

        /** Answer queries again. */
        void enableService();

        /** The database is gone for good: the daemon should exit with {@code status}. Must not block. */
        void exit(int status, String reason);
    }

    private final Logger log;
    /** Kea's message prefix, e.g. {@code DHCP4}. */
    private final String prefix;
    /** "lease database" or "hosts database", for the log. */
    private final String role;
    private final DatabaseStatus status;
    private final DatabaseConfig config;
    private final Actions actions;
    private final ScheduledExecutorService timer;
    private boolean lost;
    private boolean serviceDisabled;
    private int failedProbes;
    private boolean exhausted;
    private boolean closed;
    private ScheduledFuture<?> retry;

    private DatabaseSupervisor(String server, String role, DatabaseStatus status, Actions actions) {
        this.log = LoggerFactory.getLogger("dev.nestor." + server + ".database");
        this.prefix = server.toUpperCase(Locale.ROOT);
        this.role = role;
        this.status = status;
        this.config = status.databaseConfig();
        this.actions = actions;
        this.timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name(server + "-db-reconnect").daemon(true).factory());
    }

    /**
     * Starts watching {@code status} for {@code server} ({@code "dhcp4"}, {@code "dhcp6"}: names the logger
     * {@code dev.nestor.<server>.database} and Kea's message prefix). {@code role} says which database it is in
     * the log ("lease database", "hosts database"). A store that is already unavailable (opened with
     * {@code retry-on-startup} while the database was down) is handled as lost at once.
     */
    public static DatabaseSupervisor watch(String server, String role, DatabaseStatus status, Actions actions) {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(actions, "actions");
        DatabaseSupervisor s = new DatabaseSupervisor(server, role, status, actions);
        status.addListener(s::availabilityChanged);
        if (!status.available()) s.availabilityChanged(false, "unreachable at start-up (retry-on-startup)");
        return s;
    }

    /** Whether the supervisor currently considers the database lost. */
    public synchronized boolean lost() {
        return lost;
    }

    private synchronized void availabilityChanged(boolean available, String reason) {
        if (closed) return;
        if (available) recovered();
        else lost(reason);
    }

    private void lost(String reason) {
        if (lost) return;
        lost = true;
        failedProbes = 0;
        exhausted = false;
        OnFail onFail = config.onFail();
        if (onFail == OnFail.STOP_RETRY_EXIT) {
            serviceDisabled = true;
            actions.disableService();
        }
        boolean reconnectDisabled = config.maxReconnectTries() == 0 || config.reconnectWait().isZero();
        if (reconnectDisabled && onFail != OnFail.SERVE_RETRY_CONTINUE) {
            log.error("{}_DB_RECONNECT_DISABLED {} {} lost ({}); reconnect is disabled"
                    + " (max-reconnect-tries {}, reconnect-wait-time {} ms), on-fail {}: shutting down", prefix, role,
                    config, reason, config.maxReconnectTries(), config.reconnectWait().toMillis(), onFail.keyword());
            actions.exit(1, role + " lost and reconnect disabled");
            return;
        }
        Duration wait = config.reconnectWait().isZero() ? DEFAULT_WAIT : config.reconnectWait();
        log.error("{}_DB_CONNECTION_LOST {} {} lost ({}): {}; reconnecting every {} ms{}", prefix, role, config, reason,
                onFail == OnFail.STOP_RETRY_EXIT ? "DHCP service disabled" : "still serving, no lease is acknowledged",
                wait.toMillis(), onFail == OnFail.SERVE_RETRY_CONTINUE ? " until it is back"
                        : ", at most " + config.maxReconnectTries() + " times");
        retry = timer.scheduleWithFixedDelay(this::probe, wait.toMillis(), wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void recovered() {
        if (!lost) return;
        lost = false;
        if (retry != null) retry.cancel(false);
        retry = null;
        enableIfDisabled();
        log.info("{}_DB_RECONNECT_SUCCEEDED {} {} is back after {} failed reconnect attempt(s); DHCP service enabled",
                prefix, role, config, failedProbes);
    }

    private void enableIfDisabled() {
        if (!serviceDisabled) return;
        serviceDisabled = false;
        actions.enableService();
    }

    /** One reconnect attempt, on the timer thread. */
    private void probe() {
        // outside the lock: the probe may take up to connect-timeout, and reports back through the listener
        boolean ok;
        try {
            ok = status.probe();
        } catch (RuntimeException e) {
            ok = false;
        }
        synchronized (this) {
            if (closed || !lost) return;
            if (ok) {
                recovered(); // the store's listener normally got here first
                return;
            }
            failedProbes++;
            if (exhausted || failedProbes < config.maxReconnectTries()) return;
            exhausted = true;
            if (config.onFail() == OnFail.SERVE_RETRY_CONTINUE) {
                log.warn("{}_DB_RECONNECT_FAILED {} {} still unreachable after {} reconnect attempts;"
                        + " on-fail serve-retry-continue: serving and reconnecting until it is back", prefix, role,
                        config, failedProbes);
                return;
            }
            retry.cancel(false);
            log.error("{}_DB_RECONNECT_FAILED maximum number of {} reconnect attempts ({}) exhausted for {};"
                    + " on-fail {}: shutting down", prefix, role, config.maxReconnectTries(), config,
                    config.onFail().keyword());
            actions.exit(1, role + " unreachable after " + failedProbes + " reconnect attempts");
        }
    }

    /**
     * Stops watching (the server closed the store or is stopping). A service this supervisor disabled is enabled
     * again: the server no longer depends on this database.
     */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        if (retry != null) retry.cancel(false);
        timer.shutdownNow();
        enableIfDisabled();
    }
}
