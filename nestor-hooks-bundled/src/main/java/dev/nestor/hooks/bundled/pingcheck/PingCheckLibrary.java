package dev.nestor.hooks.bundled.pingcheck;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nestor.common.net.Ipv4;
import dev.nestor.hooks.CalloutResult;
import dev.nestor.hooks.HookApi;
import dev.nestor.hooks.HookContext;
import dev.nestor.hooks.HookLibrary;
import dev.nestor.hooks.HookPoint;
import dev.nestor.hooks.ParkingLot;
import dev.nestor.hooks.bundled.ServerConfigView;
import dev.nestor.hooks.v4.Lease4Offer;
import dev.nestor.hooks.v4.LeaseService4;
import dev.nestor.lease.Lease4;
import dev.nestor.lease.LeaseState;
import org.slf4j.Logger;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code libdhcp_ping_check.so}: before an address is offered, ICMP echo requests go to it (the OFFER is parked at
 * lease4_offer meanwhile). A reply means something on the link uses the address: the server declines it
 * ({@link LeaseService4#declineByServer}, which fires lease4_server_decline) and the OFFER is discarded, so the
 * client's next DISCOVER gets another address. No reply: the OFFER goes out. Kea's parameters, global and per subnet
 * ({@code "user-context": {"ping-check": {...}}}): {@code enable-ping-check}, {@code min-ping-requests},
 * {@code reply-timeout} (ms), {@code ping-cltt-secs}; global only: {@code ping-channel-threads}. Addresses that are
 * reserved, or still leased to the same client within {@code ping-cltt-secs} of its last transaction, are not probed.
 */
public final class PingCheckLibrary implements HookLibrary {
    /** The effective settings of one scope. */
    record Settings(boolean enabled, int minPingRequests, long replyTimeout, long pingClttSecs) {
        static Settings parse(JsonNode p, Settings base, String where) {
            boolean enabled = p.has("enable-ping-check") ? bool(p, "enable-ping-check", where) : base.enabled;
            int min = p.has("min-ping-requests") ? (int) positive(p, "min-ping-requests", where) : base.minPingRequests;
            long timeout = p.has("reply-timeout") ? positive(p, "reply-timeout", where) : base.replyTimeout;
            long cltt = p.has("ping-cltt-secs") ? nonNegative(p, "ping-cltt-secs", where) : base.pingClttSecs;
            return new Settings(enabled, min, timeout, cltt);
        }
    }

    static final Settings DEFAULTS = new Settings(true, 1, 100, 60);

    private Settings global = DEFAULTS;
    private Map<Long, Settings> bySubnet = Map.of();
    private Set<Integer> reserved = Set.of();
    private PingChannel channel;
    private LeaseService4 leases;
    private Logger log;

    @Override public int apiVersion() { return HookApi.VERSION; }

    @Override public boolean multiThreadingCompatible() { return true; }

    @Override
    public void load(HookContext ctx) throws Exception {
        log = ctx.logger();
        if (ctx.family() == HookPoint.Family.DHCP6) throw new IllegalArgumentException("ping_check is a DHCPv4 library");
        JsonNode p = ctx.parameters();
        global = Settings.parse(p, DEFAULTS, "parameters");
        int threads = p.has("ping-channel-threads") ? (int) nonNegative(p, "ping-channel-threads", "parameters") : 0;
        ServerConfigView cfg = new ServerConfigView(ctx.serverConfig(), false);
        Map<Long, Settings> subnets = new HashMap<>();
        Set<Integer> res = new HashSet<>();
        for (var s : cfg.subnets().entrySet()) {
            JsonNode pc = s.getValue().path("user-context").path("ping-check");
            if (pc.isObject()) subnets.put(s.getKey(), Settings.parse(pc, global, "subnet " + s.getKey() + " ping-check"));
            for (JsonNode r : s.getValue().path("reservations")) {
                if (r.path("ip-address").isTextual()) res.add(Ipv4.parse(r.get("ip-address").asText()));
            }
        }
        for (JsonNode r : ctx.serverConfig().path("reservations")) {
            if (r.path("ip-address").isTextual()) res.add(Ipv4.parse(r.get("ip-address").asText()));
        }
        bySubnet = Map.copyOf(subnets);
        reserved = Set.copyOf(res);
        leases = ctx.service(LeaseService4.class).orElse(null);
        channel = new PingChannel(threads == 0 ? 2 : threads, log);
        ctx.registerCallout(HookPoint.LEASE4_OFFER, this::offer);
    }

    private CalloutResult<Lease4Offer> offer(Lease4Offer e) {
        if (e.leases().isEmpty()) return CalloutResult.proceed();
        Lease4 lease = e.leases().getFirst();
        Settings s = bySubnet.getOrDefault(lease.subnetId(), global);
        if (!s.enabled() || reserved.contains(lease.address()) || !worthChecking(lease, s)) return CalloutResult.proceed();
        ParkingLot lot = e.parkingLot();
        channel.check(lease.address(), s.minPingRequests(), s.replyTimeout()).whenComplete((inUse, failure) -> {
            if (failure == null && inUse) {
                log.info("PING_CHECK_DHCP4_SERVER_DECLINED {} answered a ping: declined, offer to {} discarded",
                        Ipv4.toString(lease.address()), e.query().hwAddress());
                if (leases != null) leases.declineByServer(e.query(), lease);
                lot.unpark(true);
            } else {
                lot.unpark(false);
            }
        });
        return CalloutResult.park();
    }

    /** Kea's conditions: not while the client still holds it, nor when it held it within ping-cltt-secs. */
    private boolean worthChecking(Lease4 candidate, Settings s) {
        if (leases == null) return true;
        Optional<Lease4> stored = leases.get(candidate.address());
        if (stored.isEmpty()) return true;
        Lease4 old = stored.get();
        long now = System.currentTimeMillis() / 1000;
        if (old.state() == LeaseState.DEFAULT && !old.expired(now)) return false; // active: the client renews its own
        boolean sameClient = old.clientId() != null && old.clientId().equals(candidate.clientId())
                || old.hwAddress() != null && old.hwAddress().equals(candidate.hwAddress());
        return !sameClient || now - old.cltt() > s.pingClttSecs();
    }

    @Override
    public void unload() {
        if (channel != null) channel.close();
    }

    private static boolean bool(JsonNode p, String key, String where) {
        if (!p.get(key).isBoolean()) throw new IllegalArgumentException(where + ": '" + key + "' must be a boolean");
        return p.get(key).asBoolean();
    }

    private static long positive(JsonNode p, String key, String where) {
        long v = nonNegative(p, key, where);
        if (v == 0) throw new IllegalArgumentException(where + ": '" + key + "' must be greater than zero");
        return v;
    }

    private static long nonNegative(JsonNode p, String key, String where) {
        JsonNode n = p.get(key);
        if (!n.isIntegralNumber() || n.asLong() < 0 || n.asLong() > 0xFFFFFFFFL) {
            throw new IllegalArgumentException(where + ": '" + key + "' must be an unsigned integer, not " + n);
        }
        return n.asLong();
    }
}
