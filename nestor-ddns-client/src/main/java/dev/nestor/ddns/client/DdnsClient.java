package dev.nestor.ddns.client;

import dev.nestor.config.model.DdnsConnectivity;
import dev.nestor.config.model.DdnsParams;
import dev.nestor.ddns.ncr.AddressText;
import dev.nestor.ddns.ncr.ChangeType;
import dev.nestor.ddns.ncr.NameChangeRequest;
import dev.nestor.ddns.ncr.NcrSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;

/**
 * A DHCP server's connection to the DDNS daemon (Kea's {@code D2ClientMgr} with {@code queueNCR}): owns the
 * {@link NcrSender} for the current {@code dhcp-ddns} map, replaces it when a reconfiguration changes that map, and
 * turns lease events into NameChangeRequests. One per server, living across reconfigurations; thread-safe.
 *
 * <p>When {@code enable-updates} is off (the default) nothing is sent and {@link #enabled()} is false; name
 * processing still happens (Kea answers FQDN options with N=1 then).
 */
public final class DdnsClient implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger("dev.nestor.ddns.client");
    /** How long a replaced sender may take to hand its queue to the socket. */
    private static final Duration DRAIN = Duration.ofMillis(500);

    private final ClientNamePolicy names = new ClientNamePolicy();
    private volatile DdnsConnectivity connectivity = DdnsConnectivity.defaults();
    private volatile NcrSender sender;

    /** A client with updates disabled; {@link #configure} enables it. */
    public DdnsClient() {}

    /**
     * Applies a {@code dhcp-ddns} map: nothing happens when it is unchanged; otherwise a new sender is bound and
     * started first (so a bad {@code sender-ip}/{@code sender-port} leaves the old one running), then the old one
     * is drained briefly and closed.
     *
     * @throws IOException when the new sender cannot bind; the previous state stays
     */
    public synchronized void configure(DdnsConnectivity c) throws IOException {
        if (c.equals(connectivity) && (sender != null) == c.enableUpdates()) return;
        NcrSender next = null;
        if (c.enableUpdates()) {
            next = new NcrSender(new InetSocketAddress(AddressText.parse(c.serverIp()), c.serverPort()),
                    new InetSocketAddress(AddressText.parse(c.senderIp()), c.senderPort()), Math.max(1, c.maxQueueSize()));
            next.start();
        }
        NcrSender old = sender;
        sender = next;
        connectivity = c;
        if (old != null) {
            try {
                old.awaitIdle(DRAIN);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            old.close();
        }
        log.info("DHCPSRV_CFGMGR_CFG_DHCP_DDNS {}", next == null ? "DHCP-DDNS updates disabled"
                : "DHCP_DDNS updates enabled, sending to " + c.serverIp() + " port " + c.serverPort());
    }

    /** Kea's {@code ddnsEnabled()}: {@code dhcp-ddns} has {@code enable-updates}. */
    public boolean enabled() {
        return sender != null;
    }

    /** The connection settings in force. */
    public DdnsConnectivity connectivity() {
        return connectivity;
    }

    /** The name policy (its regular expression cache is shared by all packets). */
    public ClientNamePolicy names() {
        return names;
    }

    /**
     * A lease was granted or renewed for real (REQUEST, not DISCOVER; not a reused lease), Kea's
     * {@code createNameChangeRequests}: when updates are enabled for the scope and this is a new lease,
     * {@code ddns-update-on-renew} is set, or the name or directions changed, the old lease's records are removed
     * (if it had any) and the new one's added.
     *
     * @param previous the client's lease before this one (same or other address), or null
     * @param params   the new lease's scope
     * @return the number of requests queued
     */
    public int leaseGranted(DnsLease lease, DnsLease previous, DdnsParams params) {
        if (!enabled() || params == null || !params.sendUpdates()) return 0;
        if (previous != null && !params.updateOnRenew() && lease.hasIdenticalFqdn(previous)
                && previous.address().equals(lease.address())) {
            return 0;
        }
        int n = 0;
        if (previous != null && queue(ChangeType.REMOVE, previous, params)) n++;
        if (queue(ChangeType.ADD, lease, params)) n++;
        return n;
    }

    /**
     * A lease went away (release, decline, expiry, lease4-del with {@code update-ddns}): its records are removed
     * when it had a name and a direction set. {@code ddns-send-updates} does not matter here, as in Kea.
     *
     * @param params the lease's scope, null when its subnet is gone
     */
    public boolean leaseRemoved(DnsLease lease, DdnsParams params) {
        return queue(ChangeType.REMOVE, lease, params);
    }

    /** Builds and queues one request; false when there was nothing to send or it was dropped. */
    public boolean queue(ChangeType type, DnsLease lease, DdnsParams params) {
        NcrSender s = sender;
        if (s == null) return false;
        Optional<NameChangeRequest> ncr = NameChanges.request(type, lease, params);
        if (ncr.isEmpty()) return false;
        log.debug("DHCPSRV_QUEUE_NCR {}: {}", type == ChangeType.ADD ? "add" : "remove", ncr.get().describe());
        return s.send(ncr.get());
    }

    /** Queues a request built elsewhere (false when updates are disabled or the queue is full). */
    public boolean queue(NameChangeRequest ncr) {
        NcrSender s = sender;
        return s != null && s.send(ncr);
    }

    // ---- counters (Kea's DHCP servers have no statistics for these; the daemon counts what it receives) ----

    public long sentCount() {
        NcrSender s = sender;
        return s == null ? 0 : s.sentCount();
    }

    public long droppedCount() {
        NcrSender s = sender;
        return s == null ? 0 : s.droppedCount();
    }

    public long errorCount() {
        NcrSender s = sender;
        return s == null ? 0 : s.errorCount();
    }

    public int queueSize() {
        NcrSender s = sender;
        return s == null ? 0 : s.queueSize();
    }

    /** The sender's bound address, or null when disabled. */
    public InetSocketAddress senderAddress() {
        NcrSender s = sender;
        return s == null ? null : s.localAddress();
    }

    /** Waits until every queued request went to the socket (tests, orderly shutdown). */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        NcrSender s = sender;
        return s == null || s.awaitIdle(timeout);
    }

    /** Hands what is queued to the socket (briefly), then stops sending. */
    @Override
    public synchronized void close() {
        NcrSender s = sender;
        sender = null;
        connectivity = DdnsConnectivity.defaults();
        if (s == null) return;
        try {
            s.awaitIdle(DRAIN);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        s.close();
    }
}
