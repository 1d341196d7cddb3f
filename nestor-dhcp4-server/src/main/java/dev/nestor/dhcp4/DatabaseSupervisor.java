package dev.nestor.dhcp4;

import dev.nestor.lease.jdbc.DatabaseConfig;
import dev.nestor.lease.jdbc.DatabaseStatus;
import dev.nestor.lease.jdbc.OnFail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Kea's database reconnect control ({@code ReconnectCtl} with the server's db-lost / db-recovered / db-failed
 * callbacks) for an SQL lease store, driven by the store's {@link DatabaseStatus}:
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
 */
final class DatabaseSupervisor implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger("dev.nestor.dhcp4.database");
    /** Probe interval when {@code reconnect-wait-time} is 0 but probing must go on (serve-retry-continue). */
    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(1);

    /** What the supervisor does to the server. */
    interface Actions {
        /** Stop answering queries (Kea's disableService(DB_CONNECTION)). */
        void disableService();

        /** Answer queries again. */
        void enableService();

        /** The database is gone for good: the daemon should exit with {@code status}. */
        void exit(int status, String reason);
    }

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

    private DatabaseSupervisor(DatabaseStatus status, Actions actions) {
        this.status = status;
        this.config = status.databaseConfig();
        this.actions = actions;
        this.timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("dhcp4-db-reconnect").daemon(true).factory());
    }

    /**
     * Starts watching {@code status}. A store that is already unavailable (opened with {@code retry-on-startup}
     * while the database was down) is handled as lost at once.
     */
    static DatabaseSupervisor watch(DatabaseStatus status, Actions actions) {
        Objects.requireNonNull(actions, "actions");
        DatabaseSupervisor s = new DatabaseSupervisor(status, actions);
        status.addListener(s::availabilityChanged);
        if (!status.available()) s.availabilityChanged(false, "unreachable at start-up (retry-on-startup)");
        return s;
    }

    /** Whether the supervisor currently considers the database lost. */
    synchronized boolean lost() {
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
            log.error("DHCP4_DB_RECONNECT_DISABLED lease database {} lost ({}); reconnect is disabled"
                    + " (max-reconnect-tries {}, reconnect-wait-time {} ms), on-fail {}: shutting down",
                    config, reason, config.maxReconnectTries(), config.reconnectWait().toMillis(), onFail.keyword());
            actions.exit(1, "lease database lost and reconnect disabled");
            return;
        }
        Duration wait = config.reconnectWait().isZero() ? DEFAULT_WAIT : config.reconnectWait();
        log.error("DHCP4_DB_CONNECTION_LOST lease database {} lost ({}): {}; reconnecting every {} ms{}", config, reason,
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
        if (serviceDisabled) {
            serviceDisabled = false;
            actions.enableService();
        }
        log.info("DHCP4_DB_RECONNECT_SUCCEEDED lease database {} is back after {} failed reconnect attempt(s);"
                + " DHCP service enabled", config, failedProbes);
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
                log.warn("DHCP4_DB_RECONNECT_FAILED lease database {} still unreachable after {} reconnect attempts;"
                        + " on-fail serve-retry-continue: serving and reconnecting until it is back", config, failedProbes);
                return;
            }
            retry.cancel(false);
            log.error("DHCP4_DB_RECONNECT_FAILED maximum number of lease database reconnect attempts ({}) exhausted"
                    + " for {}; on-fail {}: shutting down", config.maxReconnectTries(), config, config.onFail().keyword());
            actions.exit(1, "lease database unreachable after " + failedProbes + " reconnect attempts");
        }
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        if (retry != null) retry.cancel(false);
        timer.shutdownNow();
    }
}
