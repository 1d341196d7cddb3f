package dev.nestor.ddns;

import dev.nestor.ddns.config.D2Config;
import dev.nestor.ddns.config.DdnsDomain;
import dev.nestor.ddns.ncr.Dhcid;
import dev.nestor.ddns.ncr.NameChangeRequest;
import dev.nestor.ddns.txn.NameChangeTransaction;
import dev.nestor.ddns.txn.TxnContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Kea's {@code D2QueueMgr} and {@code D2UpdateMgr} in one: a bounded queue of received NCRs and a dispatcher that
 * runs up to {@code maxTransactions} transactions at once, each on its own virtual thread, never two for the same
 * DHCID (a later request for a client waits for the earlier one, as in Kea's {@code pickNextJob}).
 *
 * <p>A full queue drops the new request and counts {@code queue-mgr-queue-full} (Kea stops listening until the
 * queue drains; dropping keeps the socket from backing up with stale requests instead).
 */
final class UpdateManager implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger("dev.nestor.dhcp-to-d2");

    /** The configuration and keys transactions start under; read once per transaction. */
    record Snapshot(D2Config config, TxnContext context) {}

    private final D2Stats stats;
    private final Supplier<Snapshot> snapshot;
    private final int maxTransactions;
    private final Consumer<NameChangeTransaction.Outcome> onDone;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<NameChangeRequest> queue = new ArrayDeque<>();
    private final Set<Dhcid> busy = new HashSet<>();
    private final AtomicLong completed = new AtomicLong();
    private final Thread dispatcher;
    private int running;
    private int maxQueueSize;
    private boolean closed;

    UpdateManager(D2Stats stats, Supplier<Snapshot> snapshot, int maxQueueSize, int maxTransactions,
                  Consumer<NameChangeTransaction.Outcome> onDone) {
        this.stats = stats;
        this.snapshot = snapshot;
        this.maxQueueSize = maxQueueSize;
        this.maxTransactions = maxTransactions;
        this.onDone = onDone;
        this.dispatcher = Thread.ofPlatform().name("d2-update-mgr").daemon(true).start(this::dispatch);
    }

    void setMaxQueueSize(int max) {
        lock.lock();
        try {
            maxQueueSize = max;
        } finally {
            lock.unlock();
        }
    }

    /** Queues a request. {@return false when the queue is full (the request is dropped and counted)} */
    boolean submit(NameChangeRequest ncr) {
        lock.lock();
        try {
            if (closed) return false;
            if (queue.size() >= maxQueueSize) {
                stats.count(D2Stats.QUEUE_FULL);
                log.error("DHCP_DDNS_QUEUE_MGR_QUEUE_FULL NCR queue is full ({}), dropping: {}", maxQueueSize, ncr.describe());
                return false;
            }
            queue.addLast(ncr);
            changed.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    int queueSize() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /** Transactions finished so far (whatever their outcome). */
    long completed() {
        return completed.get();
    }

    /** Waits until nothing is queued or running. {@return false on timeout} */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        long left = timeout.toNanos();
        lock.lock();
        try {
            while (!queue.isEmpty() || running > 0) {
                if (left <= 0) return false;
                left = changed.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    private void dispatch() {
        while (true) {
            NameChangeRequest next;
            lock.lock();
            try {
                while (true) {
                    if (closed) return;
                    if (running < maxTransactions && (next = pick()) != null) break;
                    changed.await();
                }
                busy.add(next.dhcid());
                running++;
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
            NameChangeRequest ncr = next;
            Thread.ofVirtual().name("d2-txn").start(() -> runTransaction(ncr));
        }
    }

    /** The first queued request whose client has no transaction running, removed from the queue. */
    private NameChangeRequest pick() {
        for (Iterator<NameChangeRequest> it = queue.iterator(); it.hasNext(); ) {
            NameChangeRequest n = it.next();
            if (!busy.contains(n.dhcid())) {
                it.remove();
                return n;
            }
        }
        return null;
    }

    private void runTransaction(NameChangeRequest ncr) {
        NameChangeTransaction.Outcome outcome = null;
        try {
            Snapshot s = snapshot.get();
            NameChangeTransaction t = makeTransaction(ncr, s);
            if (t != null) outcome = t.run();
        } catch (RuntimeException e) {
            log.error("DHCP_DDNS_TRANS_PROCESS_EXCEPTION transaction for {} failed: {}", ncr.describe(), e.toString(), e);
            outcome = new NameChangeTransaction.Outcome(false, false, false, e.toString());
        } finally {
            completed.incrementAndGet();
            lock.lock();
            try {
                busy.remove(ncr.dhcid());
                running--;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }
        if (outcome != null) onDone.accept(outcome);
    }

    /** Kea's {@code makeTransaction}: match domains; a direction without configured domains is skipped. */
    private static NameChangeTransaction makeTransaction(NameChangeRequest ncr, Snapshot s) {
        D2Config cfg = s.config();
        DdnsDomain fwd = null;
        DdnsDomain rev = null;
        if (ncr.forwardChange() && !cfg.forwardDomains().isEmpty()) {
            Optional<DdnsDomain> d = cfg.matchForward(ncr.fqdn());
            if (d.isEmpty()) {
                log.error("DHCP_DDNS_NO_FWD_MATCH_ERROR no forward domain matches {}, request dropped", ncr.fqdn());
                return null;
            }
            fwd = d.get();
        }
        if (ncr.reverseChange() && !cfg.reverseDomains().isEmpty()) {
            Optional<DdnsDomain> d = cfg.matchReverse(ncr.ipAddress());
            if (d.isEmpty()) {
                log.error("DHCP_DDNS_NO_REV_MATCH_ERROR no reverse domain matches {}, request dropped", ncr.ipAddressText());
                return null;
            }
            rev = d.get();
        }
        if (fwd == null && rev == null) {
            log.debug("DHCP_DDNS_REQUEST_DROPPED nothing to do for {}", ncr.describe());
            return null;
        }
        return new NameChangeTransaction(ncr, fwd, rev, s.context());
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            queue.clear();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            dispatcher.join(2000);
            // let running transactions finish their current exchange (bounded by dns-server-timeout and tries)
            awaitIdle(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
