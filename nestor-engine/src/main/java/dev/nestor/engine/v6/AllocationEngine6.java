package dev.nestor.engine.v6;

import dev.nestor.codec.net.Ipv6Prefix;
import dev.nestor.common.Bytes;
import dev.nestor.common.stats.StatsRegistry;
import dev.nestor.common.time.Clock;
import dev.nestor.config.model.Lifetime;
import dev.nestor.config.model.PdPool6;
import dev.nestor.config.model.Reservation6;
import dev.nestor.config.model.Subnet6;
import dev.nestor.config.model.SubnetParams6;
import dev.nestor.engine.alloc.LeaseName;
import dev.nestor.engine.alloc.PoolCursors;
import dev.nestor.lease.Lease6;
import dev.nestor.lease.LeaseState;
import dev.nestor.lease.LeaseStore6;
import dev.nestor.lease.LeaseStoreException;
import dev.nestor.lease.LeaseType6;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which addresses (IA_NA) and prefixes (IA_PD) a DHCPv6 client gets, following Kea's AllocEngine: for each
 * IA on its own (RFC 7550), a reservation first, then the IA's existing leases (found by DUID and IAID), then the
 * client's hints (IAADDR / IAPREFIX), then a free candidate from the pools or pd-pools. As in the DHCPv4 engine,
 * nothing checked earlier is trusted at write time: every write is a compare-and-set on the store, so several
 * servers (or threads) sharing one store never hand out the same address or prefix twice.
 */
public final class AllocationEngine6 {
    private static final int MAX_RACE_RETRIES = 16;

    private final LeaseStore6 store;
    private final PoolScan6 scan;
    private final StatsRegistry stats;
    private final Clock clock;
    private final LeaseCallouts6 callouts;

    public AllocationEngine6(LeaseStore6 store, HostIndex6 hosts, PoolCursors cursors, StatsRegistry stats, Clock clock) {
        this(store, hosts, cursors, stats, clock, LeaseCallouts6.NONE);
    }

    /** An engine whose lease choices go through hook callouts (lease6_select, lease6_renew, lease6_rebind). */
    public AllocationEngine6(LeaseStore6 store, HostIndex6 hosts, PoolCursors cursors, StatsRegistry stats, Clock clock,
                             LeaseCallouts6 callouts) {
        this.store = store;
        this.scan = new PoolScan6(store, hosts, cursors);
        this.stats = stats;
        this.clock = clock;
        this.callouts = callouts;
    }

    /** SOLICIT (ctx.fakeAllocation: nothing written), REQUEST or rapid-commit SOLICIT: one decision per IA, in order. */
    public List<IaDecision> allocate(ClientContext6 ctx, List<IaRequest> ias) {
        long now = clock.epochSeconds();
        Set<Ipv6Prefix> taken = new HashSet<>();
        List<IaDecision> out = new ArrayList<>();
        for (IaRequest ia : ias) {
            IaDecision d;
            try {
                d = allocateIa(ctx, ia, taken, now);
            } catch (LeaseStoreException e) {
                d = new IaDecision.StoreFailed(ia, e.getMessage());
            }
            if (d instanceof IaDecision.Granted g) for (Lease6 l : g.leases()) taken.add(key(l));
            out.add(d);
        }
        return out;
    }

    /**
     * RENEW ({@code rebind} false) or REBIND, as Kea's renewLeases6: the IA's leases are extended, and leases the
     * client may no longer use are revoked. An IA with nothing left to extend (none held, say after the lease file was
     * lost, or all revoked) is allocated as in a REQUEST, the client's own address or prefix first when it is still
     * free and appropriate for the link (RFC 8415 sections 18.3.4 and 18.3.5 let the server create the binding); only
     * when that fails does the IA get NoAddrsAvail or NoPrefixAvail. Whatever the client named and does not keep goes
     * back with zero lifetimes.
     */
    public List<IaDecision> renew(ClientContext6 ctx, List<IaRequest> ias, boolean rebind) {
        long now = clock.epochSeconds();
        Set<Ipv6Prefix> taken = new HashSet<>();
        List<IaDecision> out = new ArrayList<>();
        for (IaRequest ia : ias) {
            IaDecision d;
            try {
                d = renewIa(ctx, ia, rebind, taken, now);
            } catch (LeaseStoreException e) {
                d = new IaDecision.StoreFailed(ia, e.getMessage());
            }
            if (d instanceof IaDecision.Granted g) for (Lease6 l : g.leases()) taken.add(key(l));
            out.add(d);
        }
        return out;
    }

    /** A callout may change a lease but not what it leases: the engine checked that address or prefix, not another. */
    private static Lease6 same(Lease6 chosen, Lease6 original) {
        return chosen.address().equals(original.address()) && chosen.type() == original.type()
                && chosen.prefixLength() == original.prefixLength() ? chosen : original;
    }

    private static Ipv6Prefix key(Lease6 l) {
        return new Ipv6Prefix(l.address(), l.prefixLength());
    }

    // ---- SOLICIT / REQUEST ----

    private IaDecision allocateIa(ClientContext6 ctx, IaRequest ia, Set<Ipv6Prefix> taken, long now) throws LeaseStoreException {
        List<Lease6> existing = clientLeases(ctx, ia);
        Choice c = reserved(ctx, ia, taken, now);
        if (c == null) {
            List<Lease6> kept = new ArrayList<>();
            for (Lease6 l : existing) if (allowed(ctx, ia, l) && !taken.contains(key(l))) kept.add(l);
            if (!kept.isEmpty()) return keep(ctx, ia, kept, existing, now);
            c = hinted(ctx, ia, taken, now);
        }
        if (c == null) c = free(ctx, ia, taken, now);
        if (c == null) return new IaDecision.NoneAvailable(ia, "no " + (ia.type() == LeaseType6.PD ? "prefix" : "address")
                + " available in " + ctx.selectedSubnet().prefix(), !anyPoolAdmits(ctx, ia.type()), List.of());
        return commit(ctx, ia, c, existing, taken, now);
    }

    /** A candidate and where it came from: a reserved one may not be swapped for another if the write loses a race. */
    private record Choice(Subnet6 subnet, Ipv6Prefix resource, boolean reserved) {}

    private Choice reserved(ClientContext6 ctx, IaRequest ia, Set<Ipv6Prefix> taken, long now) {
        for (Subnet6 subnet : ctx.subnets()) {
            Reservation6 r = ctx.reservationIn(subnet);
            if (r == null) continue;
            List<Ipv6Prefix> wanted = new ArrayList<>();
            if (ia.type() == LeaseType6.NA) {
                for (Bytes a : r.ipAddresses()) if (subnet.prefix().contains(a)) wanted.add(new Ipv6Prefix(a, 128));
            } else {
                for (Reservation6.PrefixReservation p : r.prefixes()) wanted.add(p.prefix());
            }
            // one reservation per IA, skipping those the client's other IAs hold (Kea's allocateReservedLeases6)
            for (Ipv6Prefix p : wanted) {
                if (taken.contains(p) || heldByOtherIa(ctx, ia, p, now)) continue;
                if (scan.usableBy(ia.type(), p.network(), ctx, ia, now)) return new Choice(subnet, p, true);
            }
        }
        return null;
    }

    private boolean heldByOtherIa(ClientContext6 ctx, IaRequest ia, Ipv6Prefix p, long now) {
        Optional<Lease6> l = store.get(ia.type(), p.network());
        return l.isPresent() && l.get().state() == LeaseState.DEFAULT && !l.get().expired(now)
                && l.get().duid().equals(ctx.duid()) && l.get().iaid() != ia.iaid();
    }

    private Choice hinted(ClientContext6 ctx, IaRequest ia, Set<Ipv6Prefix> taken, long now) {
        for (IaRequest.Hint h : ia.hints()) {
            if (h.unspecified()) continue;
            for (Subnet6 subnet : ctx.subnets()) {
                Ipv6Prefix p = hintIn(subnet, ia, h, ctx);
                if (p == null || taken.contains(p)) continue;
                if (scan.reservedForOther(subnet, ia.type(), p.network(), p.length(), ctx)) continue;
                if (scan.usableBy(ia.type(), p.network(), ctx, ia, now)) return new Choice(subnet, p, false);
            }
        }
        return null;
    }

    /** The hint as a candidate of this subnet: an address in an admitted pool, or a prefix of an admitted pd-pool. */
    private static Ipv6Prefix hintIn(Subnet6 subnet, IaRequest ia, IaRequest.Hint h, ClientContext6 ctx) {
        if (ia.type() == LeaseType6.NA) {
            return PoolScan6.inAllowedPool(subnet, LeaseType6.NA, h.address(), 128, ctx.classes()) ? new Ipv6Prefix(h.address(), 128) : null;
        }
        for (PdPool6 pool : subnet.pdPools()) {
            if (!PoolScan6.admits(pool.clientClasses(), ctx.classes()) || !pool.prefix().contains(h.address())) continue;
            if (h.prefixLength() != 0 && h.prefixLength() != pool.delegatedLength()) continue;
            return new Ipv6Prefix(h.address(), pool.delegatedLength());
        }
        return null;
    }

    private Choice free(ClientContext6 ctx, IaRequest ia, Set<Ipv6Prefix> taken, long now) {
        int lengthHint = 0;
        for (IaRequest.Hint h : ia.hints()) if (h.prefixLength() != 0 && h.prefixLength() != 128) lengthHint = h.prefixLength();
        for (Subnet6 subnet : ctx.subnets()) {
            Optional<Ipv6Prefix> p = scan.findFree(subnet, ctx, ia, lengthHint, taken, now);
            if (p.isPresent()) return new Choice(subnet, p.get(), false);
        }
        return null;
    }

    /** The IA keeps its leases (REQUEST for what it holds): extended, or handed back unchanged when reusable. */
    private IaDecision keep(ClientContext6 ctx, IaRequest ia, List<Lease6> kept, List<Lease6> existing, long now)
            throws LeaseStoreException {
        List<Lease6> revoked = new ArrayList<>(existing);
        revoked.removeAll(kept);
        if (!ctx.fakeAllocation()) revoke(ctx, revoked);
        List<Lease6> out = new ArrayList<>();
        boolean allReused = true;
        for (Lease6 l : kept) {
            Subnet6 subnet = ctx.subnet(l.subnetId());
            if (ctx.fakeAllocation()) {
                callouts.select(ctx, subnet, extended(ctx, ia, subnet, l, now, out.size())).ifPresent(x -> out.add(same(x, l)));
                allReused = false;
                continue;
            }
            Optional<Lease6> reused = reuse(ctx, ia, subnet, l, now, out.size());
            if (reused.isPresent()) {
                out.add(reused.get());
                continue;
            }
            allReused = false;
            Optional<Lease6> chosen = callouts.select(ctx, subnet, extended(ctx, ia, subnet, l, now, out.size()));
            if (chosen.isEmpty()) continue; // lease6_select SKIP: not assigned
            Lease6 next = same(chosen.get(), l);
            if (store.replace(l, next)) out.add(next);
        }
        if (out.isEmpty()) return new IaDecision.NoneAvailable(ia, "the IA's leases changed meanwhile");
        return new IaDecision.Granted(ia, out, ctx.subnet(out.getFirst().subnetId()), revoked, allReused);
    }

    private IaDecision commit(ClientContext6 ctx, IaRequest ia, Choice c, List<Lease6> existing, Set<Ipv6Prefix> taken,
                              long now) throws LeaseStoreException {
        List<Lease6> revoked = new ArrayList<>(existing);
        if (ctx.fakeAllocation()) {
            Lease6 offered = newLease(ctx, ia, c.subnet(), c.resource(), now);
            Optional<Lease6> chosen = callouts.select(ctx, c.subnet(), offered);
            if (chosen.isEmpty()) return new IaDecision.NoneAvailable(ia, "a lease6_select callout assigned no lease");
            return new IaDecision.Granted(ia, List.of(same(chosen.get(), offered)), c.subnet(), List.of(), false);
        }
        for (int attempt = 0; attempt < MAX_RACE_RETRIES; attempt++) {
            Ipv6Prefix p = c.resource();
            Optional<Lease6> current = store.get(ia.type(), p.network());
            if (!scan.usableBy(ia.type(), p.network(), ctx, ia, now)) {
                if (c.reserved()) return new IaDecision.NoneAvailable(ia, "reserved " + p + " is in use by another client");
                c = free(ctx, ia, taken, now);
                if (c == null) return new IaDecision.NoneAvailable(ia, "no free candidate after a lost race");
                continue;
            }
            Lease6 old = current.orElse(null);
            Lease6 fresh = newLease(ctx, ia, c.subnet(), p, now);
            Optional<Lease6> chosen = callouts.select(ctx, c.subnet(), fresh);
            if (chosen.isEmpty()) return new IaDecision.NoneAvailable(ia, "a lease6_select callout assigned no lease");
            Lease6 lease = same(chosen.get(), fresh);
            boolean written = old == null ? store.add(lease) : store.replace(old, lease);
            if (!written) {
                // someone else changed it: look again; but a lease of the other type at this address (pools that
                // overlap pd-pools) never goes away, so that candidate is skipped for the rest of the exchange
                if (old == null && store.get(ia.type(), p.network()).isEmpty()) {
                    if (c.reserved()) return new IaDecision.NoneAvailable(ia, "reserved " + p + " is held as another lease type");
                    taken.add(p);
                    c = free(ctx, ia, taken, now);
                    if (c == null) return new IaDecision.NoneAvailable(ia, "no free candidate");
                }
                continue;
            }
            countCommit(old, lease, ctx, ia);
            revoked.removeIf(l -> key(l).equals(key(lease)));
            revoke(ctx, revoked);
            // another client's lease that had expired but was not reclaimed yet: the caller removes its DNS records
            List<Lease6> replaced = old != null && old.state() == LeaseState.DEFAULT
                    && !PoolScan6.belongsTo(old, ctx.duid(), ia.iaid()) ? List.of(old) : List.of();
            return new IaDecision.Granted(ia, List.of(lease), c.subnet(), revoked, false, replaced);
        }
        return new IaDecision.NoneAvailable(ia, "lost the race for a lease " + MAX_RACE_RETRIES + " times");
    }

    /** Some pool (or pd-pool) of the candidate subnets admits the client: else Kea's "no pools" failure. */
    private static boolean anyPoolAdmits(ClientContext6 ctx, LeaseType6 type) {
        for (Subnet6 s : ctx.subnets()) {
            if (type == LeaseType6.PD) {
                for (PdPool6 p : s.pdPools()) if (PoolScan6.admits(p.clientClasses(), ctx.classes())) return true;
            } else {
                for (var p : s.pools()) if (PoolScan6.admits(p.clientClasses(), ctx.classes())) return true;
            }
        }
        return false;
    }

    /** Deletes leases the IA no longer keeps (the client moved to another address or prefix). */
    private void revoke(ClientContext6 ctx, List<Lease6> leases) throws LeaseStoreException {
        for (Lease6 l : leases) {
            if (store.delete(l) && l.state() == LeaseState.DEFAULT) counters(ctx).assigned(l, -1);
        }
    }

    /** Counters that find a lease's pool among the client's candidate subnets (where its leases live). */
    private LeaseCounters6 counters(ClientContext6 ctx) {
        return new LeaseCounters6(stats, ctx::subnet);
    }

    // ---- RENEW / REBIND ----

    private IaDecision renewIa(ClientContext6 ctx, IaRequest ia, boolean rebind, Set<Ipv6Prefix> taken, long now)
            throws LeaseStoreException {
        List<Lease6> leases = new ArrayList<>();
        for (Subnet6 s : ctx.subnets()) {
            for (Lease6 l : store.getByDuidIaid(ctx.duid(), ia.iaid(), ia.type(), s.id())) {
                if (l.state() == LeaseState.DEFAULT || l.state() == LeaseState.EXPIRED_RECLAIMED) leases.add(l);
            }
        }
        List<Lease6> kept = new ArrayList<>();
        for (Lease6 l : leases) if (allowed(ctx, ia, l) && !taken.contains(key(l))) kept.add(l);
        IaDecision d = kept.isEmpty() ? allocateIa(ctx, ia, taken, now) : extendKept(ctx, ia, rebind, leases, kept, now);
        return withUnclaimedHints(ctx, ia, d);
    }

    private IaDecision extendKept(ClientContext6 ctx, IaRequest ia, boolean rebind, List<Lease6> leases, List<Lease6> kept,
                                  long now) throws LeaseStoreException {
        List<Lease6> revoked = new ArrayList<>(leases);
        revoked.removeAll(kept);
        revoke(ctx, revoked);
        List<Lease6> out = new ArrayList<>();
        boolean allReused = true;
        for (Lease6 l : kept) {
            Subnet6 subnet = ctx.subnet(l.subnetId());
            Optional<Lease6> reused = reuse(ctx, ia, subnet, l, now, out.size());
            if (reused.isPresent()) {
                out.add(reused.get());
                continue;
            }
            allReused = false;
            Optional<Lease6> chosen = callouts.extend(ctx, subnet, extended(ctx, ia, subnet, l, now, out.size()), rebind);
            if (chosen.isEmpty()) {
                out.add(l); // lease6_renew/rebind SKIP: the stored lease stays and is what the client hears
                continue;
            }
            Lease6 next = same(chosen.get(), l);
            if (!scan.usableBy(ia.type(), l.address(), ctx, ia, now) || !store.replace(l, next)) {
                revoked.add(l); // taken over or changed meanwhile: the client must stop using it
                continue;
            }
            if (l.state() != LeaseState.DEFAULT) counters(ctx).assigned(next, 1);
            out.add(next);
        }
        if (out.isEmpty()) return new IaDecision.NoneAvailable(ia, "the IA's leases changed meanwhile", false, revoked);
        return new IaDecision.Granted(ia, out, ctx.subnet(out.getFirst().subnetId()), revoked, allReused);
    }

    /**
     * Kea's extendIA_NA/extendIA_PD: each address or prefix the client put in the IA that it neither keeps nor was
     * already told to drop goes back with zero lifetimes, so the client stops using it (RFC 8415 sections 18.3.4
     * and 18.3.5; a REBIND's addresses that are not appropriate for the link end here). A PD hint that only names a
     * length is not an address and is not returned.
     */
    private IaDecision withUnclaimedHints(ClientContext6 ctx, IaRequest ia, IaDecision d) {
        Set<Ipv6Prefix> answered = new HashSet<>();
        List<Lease6> revoked = new ArrayList<>();
        switch (d) {
            case IaDecision.Granted g -> {
                for (Lease6 l : g.leases()) answered.add(key(l));
                revoked.addAll(g.revoked());
            }
            case IaDecision.NoneAvailable n -> revoked.addAll(n.revoked());
            default -> {
                return d;
            }
        }
        for (Lease6 l : revoked) answered.add(key(l));
        int before = revoked.size();
        for (IaRequest.Hint h : ia.hints()) {
            if (h.unspecified()) continue;
            int len = ia.type() == LeaseType6.PD ? Math.max(1, h.prefixLength()) : 128;
            Ipv6Prefix p = new Ipv6Prefix(h.address(), len);
            if (!answered.add(p)) continue;
            revoked.add(new Lease6(p.network(), ia.type(), len, ctx.duid(), ia.iaid(), 0, 0, clock.epochSeconds(),
                    ctx.selectedSubnet().id(), false, false, "", null, LeaseState.DEFAULT, null, 0));
        }
        if (revoked.size() == before) return d;
        return switch (d) {
            case IaDecision.Granted g -> new IaDecision.Granted(ia, g.leases(), g.subnet(), revoked, g.reused(), g.replaced());
            case IaDecision.NoneAvailable n -> new IaDecision.NoneAvailable(ia, n.reason(), n.noPools(), revoked);
            default -> d;
        };
    }

    // ---- leases ----

    /** The IA's current leases (state DEFAULT, any expiry) in the client's candidate subnets. */
    private List<Lease6> clientLeases(ClientContext6 ctx, IaRequest ia) {
        List<Lease6> out = new ArrayList<>();
        for (Subnet6 s : ctx.subnets()) {
            for (Lease6 l : store.getByDuidIaid(ctx.duid(), ia.iaid(), ia.type(), s.id())) {
                if (l.state() == LeaseState.DEFAULT) out.add(l);
            }
        }
        return out;
    }

    /** The lease may stay with the client: its subnet is a candidate, it is in an admitted pool or reserved for it. */
    private boolean allowed(ClientContext6 ctx, IaRequest ia, Lease6 l) {
        Subnet6 subnet = ctx.subnet(l.subnetId());
        if (subnet == null) return false;
        if (scan.reservedForOther(subnet, ia.type(), l.address(), l.prefixLength(), ctx)) return false;
        return PoolScan6.reservedFor(subnet, ia.type(), l.address(), l.prefixLength(), ctx)
                || PoolScan6.inAllowedPool(subnet, ia.type(), l.address(), l.prefixLength(), ctx.classes());
    }

    private Lease6 newLease(ClientContext6 ctx, IaRequest ia, Subnet6 subnet, Ipv6Prefix p, long now) {
        long valid = validLifetime(ctx, ia, subnet);
        long poolId = PoolScan6.poolId(subnet, ia.type(), p.network(), p.length());
        // the client's name goes in with the lease (a new lease is always its IA's first in a query): one write
        LeaseName name = ctx.nameAt(subnet, ia, p.network(), 0);
        return new Lease6(p.network(), ia.type(), ia.type() == LeaseType6.PD ? p.length() : 128, ctx.duid(), ia.iaid(),
                preferredLifetime(ia, subnet, valid), valid, now, subnet.id(), name.forward(), name.reverse(),
                name.hostname(), ctx.hwAddress(), LeaseState.DEFAULT, null, poolId);
    }

    private Lease6 extended(ClientContext6 ctx, IaRequest ia, Subnet6 subnet, Lease6 l, long now, int position) {
        long valid = validLifetime(ctx, ia, subnet);
        LeaseName name = ctx.nameAt(subnet, ia, l.address(), position);
        Lease6 out = l.withCltt(now).withLifetimes(preferredLifetime(ia, subnet, valid), valid).withState(LeaseState.DEFAULT)
                .withHostname(name.hostname()).withFqdn(name.forward(), name.reverse());
        return ctx.hwAddress() != null ? out.withHwAddress(ctx.hwAddress()) : out;
    }

    /** Kea's lease reuse (cache-threshold, off by default): a fresh enough lease is handed back unchanged. */
    private Optional<Lease6> reuse(ClientContext6 ctx, IaRequest ia, Subnet6 subnet, Lease6 old, long now, int position) {
        SubnetParams6 p = subnet.params();
        double threshold = p.cacheThreshold();
        if (threshold <= 0 || threshold >= 1 || old.state() != LeaseState.DEFAULT || old.expired(now)) return Optional.empty();
        if (old.validLifetime() != validLifetime(ctx, ia, subnet)) return Optional.empty();
        // Kea's setLeaseReusable: a lease whose name or DNS directions would change is written again
        LeaseName name = ctx.nameAt(subnet, ia, old.address(), position);
        if (!old.hostname().equals(name.hostname()) || old.fqdnFwd() != name.forward() || old.fqdnRev() != name.reverse()) {
            return Optional.empty();
        }
        long age = now - old.cltt();
        if (p.cacheMaxAge() != null && p.cacheMaxAge() > 0 && age >= p.cacheMaxAge()) return Optional.empty();
        if (age >= threshold * old.validLifetime()) return Optional.empty();
        long remaining = old.expire() - now;
        return Optional.of(old.withCltt(now).withLifetimes(Math.min(old.preferredLifetime(), remaining), remaining));
    }

    /** Valid lifetime: the class's or the subnet's default, or the client's hint clamped to [min, max]. */
    public static long validLifetime(ClientContext6 ctx, IaRequest ia, Subnet6 subnet) {
        Lifetime lt = ctx.classValid() != null ? ctx.classValid() : subnet.params().validLifetime();
        long hint = 0;
        for (IaRequest.Hint h : ia.hints()) if (h.valid() > 0) { hint = h.valid(); break; }
        return hint > 0 ? lt.clamp(hint) : lt.defaultValue();
    }

    /** Preferred lifetime: the client's hint clamped to the configured bounds, else the default; never above valid. */
    public static long preferredLifetime(IaRequest ia, Subnet6 subnet, long valid) {
        Lifetime lt = subnet.params().preferredLifetime();
        long hint = 0;
        for (IaRequest.Hint h : ia.hints()) if (h.preferred() > 0) { hint = h.preferred(); break; }
        long p = hint > 0 && lt != null ? lt.clamp(hint) : subnet.params().preferredFor(valid);
        return Math.min(p, valid);
    }

    private void countCommit(Lease6 old, Lease6 lease, ClientContext6 ctx, IaRequest ia) {
        LeaseCounters6 counters = counters(ctx);
        // assigned-nas counts declined addresses too, as in Kea
        boolean wasCounted = old != null && (old.state() == LeaseState.DEFAULT || old.state() == LeaseState.DECLINED);
        if (wasCounted && old.subnetId() != lease.subnetId()) {
            counters.assigned(old, -1);
            wasCounted = false;
        }
        if (old != null && old.state() == LeaseState.DECLINED) counters.declined(old, -1);
        if (!wasCounted) counters.assigned(lease, 1);
        if (old == null || !PoolScan6.belongsTo(old, ctx.duid(), ia.iaid())) counters.cumulative(lease);
    }
}
