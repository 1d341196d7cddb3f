package dev.nestor.hooks.bundled.limits;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nestor.codec.v4.Dhcp4Packet;
import dev.nestor.codec.v6.Dhcp6Packet;
import dev.nestor.hooks.CalloutResult;
import dev.nestor.hooks.HookApi;
import dev.nestor.hooks.HookContext;
import dev.nestor.hooks.HookLibrary;
import dev.nestor.hooks.HookPoint;
import dev.nestor.hooks.StatsService;
import dev.nestor.hooks.bundled.QueryEnvelopes;
import dev.nestor.hooks.bundled.ServerConfigView;
import dev.nestor.hooks.v4.LeaseService4;
import dev.nestor.lease.Lease4;
import dev.nestor.lease.Lease6;
import dev.nestor.lease.LeaseState;
import dev.nestor.lease.LeaseType6;
import org.slf4j.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code libdhcp_limits.so}: Kea's rate limits and lease limits, configured in the user contexts of client classes
 * and subnets ({@link LimitsConfig}). Rate limits drop queries: classes at pkt4_receive / pkt6_receive (classes from
 * test expressions only, as in Kea), the selected subnet at subnet4_select / subnet6_select. Lease limits skip a new
 * lease at lease4_select / lease6_select once the class or subnet holds its limit of active leases (no offer, a NAK
 * or NoAddrsAvail); leases record their classes in their user context ({@code "ISC": {"client-classes": [...]}})
 * as Kea's do, and the counts follow the lease events (seeded from the lease store for DHCPv4). A query dropped by a
 * rate limit counts in {@code pkt4-limit-exceeded} and {@code pkt4-receive-drop} ({@code pkt6-*}), as in Kea; a lease
 * limit only refuses the lease.
 */
public final class LimitsLibrary implements HookLibrary {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LimitsConfig limits;
    private Logger log;
    private final LeaseCounts counts = new LeaseCounts();
    private final QueryEnvelopes<Dhcp4Packet, Set<String>> classes4 = new QueryEnvelopes<>();
    private final QueryEnvelopes<Dhcp6Packet, Set<String>> classes6 = new QueryEnvelopes<>();
    private LeaseService4 leases4;
    private StatsService stats;
    private String pkt = "pkt4";
    private volatile boolean seeded;

    @Override public int apiVersion() { return HookApi.VERSION; }

    @Override public boolean multiThreadingCompatible() { return true; }

    @Override
    public void load(HookContext ctx) {
        log = ctx.logger();
        boolean v6 = ctx.family() == HookPoint.Family.DHCP6;
        limits = LimitsConfig.of(new ServerConfigView(ctx.serverConfig(), v6));
        leases4 = ctx.service(LeaseService4.class).orElse(null);
        pkt = v6 ? "pkt6" : "pkt4";
        stats = ctx.service(StatsService.class).orElse(null);
        // the server's startup statistics include it at 0 in Kea; adding 0 keeps the count across reconfigurations
        if (stats != null) stats.add(pkt + "-limit-exceeded", 0);
        if (v6) registerV6(ctx);
        else registerV4(ctx);
        limits.classRates().forEach((c, r) -> log.info("LIMITS_CONFIGURED_CLIENT_CLASS_RATE_LIMIT rate limit {} for client class {}", r, c));
        limits.subnetRates().forEach((s, r) -> log.info("LIMITS_CONFIGURED_SUBNET_RATE_LIMIT rate limit {} for subnet {}", r, s));
        limits.classAddresses().forEach((c, n) -> log.info("LIMITS_CONFIGURED_ADDRESS_LIMIT_BY_CLIENT_CLASS address limit {} for client class {}", n, c));
        limits.subnetAddresses().forEach((s, n) -> log.info("LIMITS_CONFIGURED_ADDRESS_LIMIT_BY_SUBNET address limit {} for subnet {}", n, s));
    }

    private void registerV4(HookContext ctx) {
        ctx.registerCallout(HookPoint.PKT4_RECEIVE, e -> {
            classes4.remember(e.query(), e.classes());
            return rateByClass(e.classes()) ? CalloutResult.proceed() : CalloutResult.drop();
        });
        ctx.registerCallout(HookPoint.SUBNET4_SELECT, e ->
                e.subnet() == null || rateBySubnet(e.subnet().id()) ? CalloutResult.proceed() : CalloutResult.drop());
        if (!limits.leaseLimited()) return;
        ctx.registerCallout(HookPoint.LEASE4_SELECT, e -> {
            seed();
            List<String> cls = List.copyOf(Optional.ofNullable(classes4.of(e.query())).orElse(Set.of()));
            String exceeded = exceeded(cls, e.lease().subnetId(), limits.classAddresses(), limits.subnetAddresses(), "address", false);
            if (exceeded != null) {
                log.debug("LIMITS_LEASE_LIMIT_EXCEEDED {}: no lease for {}", exceeded, e.query().hwAddress());
                return CalloutResult.skip();
            }
            Lease4 tagged = e.lease().withUserContext(withClasses(e.lease().userContext(), cls));
            if (!e.fakeAllocation()) counts.add(cls, tagged.subnetId(), 1);
            return CalloutResult.proceed(e.withLease(tagged));
        });
        ctx.registerCallout(HookPoint.LEASE4_RENEW, e -> {
            List<String> cls = List.copyOf(Optional.ofNullable(classes4.of(e.query())).orElse(Set.of()));
            return CalloutResult.proceed(e.withLease(e.lease().withUserContext(withClasses(e.lease().userContext(), cls))));
        });
        ctx.registerCallout(HookPoint.LEASES4_COMMITTED, e -> {
            for (Lease4 l : e.deletedLeases()) if (l.state() == LeaseState.DEFAULT) release(l.userContext(), l.subnetId());
            for (Lease4 l : e.leases()) if (l.state() == LeaseState.DECLINED) release(l.userContext(), l.subnetId());
            return CalloutResult.proceed();
        });
        ctx.registerCallout(HookPoint.LEASE4_EXPIRE, e -> {
            if (e.lease().state() == LeaseState.DEFAULT) release(e.lease().userContext(), e.lease().subnetId());
            return CalloutResult.proceed();
        });
    }

    private void registerV6(HookContext ctx) {
        ctx.registerCallout(HookPoint.PKT6_RECEIVE, e -> {
            classes6.remember(e.query(), e.classes());
            return rateByClass(e.classes()) ? CalloutResult.proceed() : CalloutResult.drop();
        });
        ctx.registerCallout(HookPoint.SUBNET6_SELECT, e ->
                e.subnet() == null || rateBySubnet(e.subnet().id()) ? CalloutResult.proceed() : CalloutResult.drop());
        if (!limits.leaseLimited()) return;
        ctx.registerCallout(HookPoint.LEASE6_SELECT, e -> {
            List<String> cls = List.copyOf(Optional.ofNullable(classes6.of(e.query())).orElse(Set.of()));
            boolean pd = e.lease().type() == LeaseType6.PD;
            String exceeded = pd ? exceeded(cls, e.lease().subnetId(), limits.classPrefixes(), limits.subnetPrefixes(), "prefix", true)
                    : exceeded(cls, e.lease().subnetId(), limits.classAddresses(), limits.subnetAddresses(), "address", true);
            if (exceeded != null) {
                log.debug("LIMITS_LEASE_LIMIT_EXCEEDED {}", exceeded);
                return CalloutResult.skip();
            }
            Lease6 tagged = e.lease().withUserContext(withClasses(e.lease().userContext(), cls));
            if (!e.fakeAllocation()) counts.add(typed(cls, pd), tagged.subnetId() * 2 + (pd ? 1 : 0), 1);
            return CalloutResult.proceed(e.withLease(tagged));
        });
        ctx.registerCallout(HookPoint.LEASES6_COMMITTED, e -> {
            for (Lease6 l : e.deletedLeases()) if (l.state() == LeaseState.DEFAULT) release6(l);
            for (Lease6 l : e.leases()) if (l.state() == LeaseState.DECLINED) release6(l);
            return CalloutResult.proceed();
        });
        ctx.registerCallout(HookPoint.LEASE6_EXPIRE, e -> {
            if (e.lease().state() == LeaseState.DEFAULT) release6(e.lease());
            return CalloutResult.proceed();
        });
    }

    private boolean rateByClass(Set<String> classes) {
        long now = System.nanoTime();
        for (String c : classes) {
            RateLimit r = limits.classRates().get(c);
            if (r != null && !r.tryAcquire(now)) {
                log.debug("LIMITS_PACKET_WITH_CLIENT_CLASSES_RATE_LIMIT_DROPPED client class {} over {}", c, r);
                countDrop();
                return false;
            }
        }
        return true;
    }

    private boolean rateBySubnet(long subnetId) {
        RateLimit r = limits.subnetRates().get(subnetId);
        if (r == null || r.tryAcquire(System.nanoTime())) return true;
        log.debug("LIMITS_PACKET_WITH_SUBNET_ID_RATE_LIMIT_DROPPED subnet {} over {}", subnetId, r);
        countDrop();
        return false;
    }

    /** Kea's limits library counts a rate-limited query itself: the server does not count a callout's DROP. */
    private void countDrop() {
        if (stats == null) return;
        stats.add(pkt + "-limit-exceeded", 1);
        stats.add(pkt + "-receive-drop", 1);
    }

    /**
     * {@return a description of the first limit already reached, or null} DHCPv6 counts addresses and prefixes apart:
     * classes as "address:name" / "prefix:name", subnets as id * 2 (+1 for prefixes).
     */
    private String exceeded(List<String> classes, long subnetId, Map<String, Long> byClass, Map<Long, Long> bySubnet,
                            String kind, boolean v6) {
        for (String c : classes) {
            Long max = byClass.get(c);
            long have = counts.ofClass(v6 ? kind + ":" + c : c);
            if (max != null && have >= max) return kind + " limit " + max + " for client class " + c + ", current lease count " + have;
        }
        Long max = bySubnet.get(subnetId);
        long key = v6 ? subnetId * 2 + (kind.equals("prefix") ? 1 : 0) : subnetId;
        if (max != null && counts.ofSubnet(key) >= max) {
            return kind + " limit " + max + " for subnet ID " + subnetId + ", current lease count " + counts.ofSubnet(key);
        }
        return null;
    }

    private static List<String> typed(List<String> classes, boolean pd) {
        String kind = pd ? "prefix:" : "address:";
        return classes.stream().map(c -> kind + c).toList();
    }

    private void release(String userContext, long subnetId) {
        counts.add(classesOf(userContext), subnetId, -1);
    }

    private void release6(Lease6 l) {
        boolean pd = l.type() == LeaseType6.PD;
        counts.add(typed(classesOf(l.userContext()), pd), l.subnetId() * 2 + (pd ? 1 : 0), -1);
    }

    /** The DHCPv4 counts start from the store's active leases, once the server has one. */
    private void seed() {
        if (seeded || leases4 == null) return;
        synchronized (this) {
            if (seeded) return;
            long now = System.currentTimeMillis() / 1000;
            try {
                for (Lease4 l : leases4.all()) {
                    if (l.state() == LeaseState.DEFAULT && !l.expired(now)) counts.add(classesOf(l.userContext()), l.subnetId(), 1);
                }
            } catch (RuntimeException e) {
                log.warn("limits: cannot count the stored leases: {}", e.toString());
            }
            seeded = true;
        }
    }

    static List<String> classesOf(String userContext) {
        if (userContext == null) return List.of();
        try {
            List<String> out = new ArrayList<>();
            JsonNode cls = JSON.readTree(userContext).path("ISC").path("client-classes");
            for (JsonNode c : cls) out.add(c.asText());
            return out;
        } catch (Exception e) {
            return List.of();
        }
    }

    /** Kea's addClientClassesToLeaseContext: {@code "ISC": {"client-classes": [...]}} in the lease's user context. */
    static String withClasses(String userContext, List<String> classes) {
        try {
            ObjectNode ctx = userContext == null ? JSON.createObjectNode() : (ObjectNode) JSON.readTree(userContext);
            ObjectNode isc = ctx.path("ISC") instanceof ObjectNode o ? o : ctx.putObject("ISC");
            ArrayNode arr = isc.putArray("client-classes");
            classes.forEach(arr::add);
            return JSON.writeValueAsString(ctx);
        } catch (Exception e) {
            return userContext;
        }
    }
}
