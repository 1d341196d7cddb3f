package dev.nestor.engine.alloc;

import dev.nestor.common.Bytes;
import dev.nestor.common.net.HwAddress;
import dev.nestor.common.net.Ipv4;
import dev.nestor.common.stats.StatsRegistry;
import dev.nestor.common.time.Clock;
import dev.nestor.config.model.Lifetime;
import dev.nestor.config.model.Pool4;
import dev.nestor.config.model.Reservation4;
import dev.nestor.config.model.Subnet4;
import dev.nestor.engine.host.HostIndex4;
import dev.nestor.lease.Lease4;
import dev.nestor.lease.LeaseState;
import dev.nestor.lease.LeaseStore4;
import dev.nestor.lease.LeaseStoreException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which address a client gets, following Kea's AllocEngine for DHCPv4: reservation first, then the
 * client's existing lease, then the address it asks for, then a free address from the pools. Never trusts a
 * check it made earlier: every write is a compare-and-set on the store, so several servers (or threads) sharing
 * one store can never hand the same address to two clients.
 */
public final class AllocationEngine4 {
    private static final Logger log = LoggerFactory.getLogger(AllocationEngine4.class);
    /** How many times a lost race for an address is retried with another candidate before giving up. */
    private static final int MAX_RACE_RETRIES = 16;

    private final LeaseStore4 store;
    private final HostIndex4 hosts;
    private final PoolCursors cursors;
    private final StatsRegistry stats;
    private final Clock clock;
    private final LeaseCallouts4 callouts;

    public AllocationEngine4(LeaseStore4 store, HostIndex4 hosts, PoolCursors cursors, StatsRegistry stats, Clock clock) {
        this(store, hosts, cursors, stats, clock, LeaseCallouts4.NONE);
    }

    /** An engine whose lease choices go through hook callouts (lease4_select, lease4_renew). */
    public AllocationEngine4(LeaseStore4 store, HostIndex4 hosts, PoolCursors cursors, StatsRegistry stats, Clock clock,
                             LeaseCallouts4 callouts) {
        this.store = store;
        this.hosts = hosts;
        this.cursors = cursors;
        this.stats = stats;
        this.clock = clock;
        this.callouts = callouts;
    }

    /** DISCOVER (ctx.fakeAllocation) or REQUEST. */
    public LeaseDecision allocate(ClientContext4 ctx) {
        try {
            return ctx.fakeAllocation() ? discover(ctx) : request(ctx);
        } catch (LeaseStoreException e) {
            return new LeaseDecision.StoreFailed(e.getMessage());
        }
    }

    // ---- DISCOVER: choose an address, write nothing ----

    private LeaseDecision discover(ClientContext4 ctx) throws LeaseStoreException {
        long now = clock.epochSeconds();
        Optional<Lease4> existing = findClientLease(ctx);
        // 1. a reservation in a subnet the client may use
        for (Subnet4 subnet : ctx.subnets()) {
            Reservation4 r = ctx.reservationIn(subnet);
            if (r != null && r.ipAddress() != null && subnet.prefix().contains(r.ipAddress())
                    && usableBy(r.ipAddress(), ctx, now)) {
                return grant(ctx, subnet, r.ipAddress(), existing.orElse(null), now);
            }
        }
        // 2. the client's current lease, if still allowed
        if (existing.isPresent()) {
            Lease4 lease = existing.get();
            Subnet4 subnet = subnetOf(ctx, lease.subnetId());
            if (subnet != null && inAllowedPool(subnet, lease.address(), ctx.classes())
                    && !reservedForOther(subnet, lease.address(), ctx)) {
                return grant(ctx, subnet, lease.address(), lease, now);
            }
        }
        // 3. the address it asks for
        if (ctx.requestedAddress() != 0) {
            for (Subnet4 subnet : ctx.subnets()) {
                int a = ctx.requestedAddress();
                if (subnet.prefix().contains(a) && inAllowedPool(subnet, a, ctx.classes())
                        && !reservedForOther(subnet, a, ctx) && usableBy(a, ctx, now)) {
                    return grant(ctx, subnet, a, existing.orElse(null), now);
                }
            }
        }
        // 4. a free address
        for (Subnet4 subnet : ctx.subnets()) {
            int a = findFree(subnet, ctx, now);
            if (a != 0) return grant(ctx, subnet, a, existing.orElse(null), now);
        }
        return new LeaseDecision.NoAddress("no address available in " + ctx.selectedSubnet().prefix());
    }

    // ---- REQUEST: decide, then commit with compare-and-set ----

    private LeaseDecision request(ClientContext4 ctx) throws LeaseStoreException {
        long now = clock.epochSeconds();
        Optional<Lease4> existing = findClientLease(ctx);
        int requested = ctx.requestedAddress();
        if (requested != 0) {
            Subnet4 subnet = null;
            for (Subnet4 s : ctx.subnets()) if (s.prefix().contains(requested)) { subnet = s; break; }
            if (subnet == null) return new LeaseDecision.Nak(Ipv4.toString(requested) + " is not in the client's network");
            Reservation4 own = ctx.reservationIn(subnet);
            if (own != null && own.ipAddress() != null && own.ipAddress() != requested && usableBy(own.ipAddress(), ctx, now)) {
                return new LeaseDecision.Nak("client has a reservation for " + Ipv4.toString(own.ipAddress()));
            }
            boolean reservedForMe = own != null && own.ipAddress() != null && own.ipAddress() == requested;
            if (!reservedForMe && reservedForOther(subnet, requested, ctx)) {
                return new LeaseDecision.Nak(Ipv4.toString(requested) + " is reserved for another client");
            }
            if (!reservedForMe && !inAllowedPool(subnet, requested, ctx.classes())) {
                return new LeaseDecision.Nak(Ipv4.toString(requested) + " is outside the pools the client may use");
            }
            return commit(ctx, subnet, requested, existing.orElse(null), now, true);
        }
        // no address asked for (BOOTP, or a REQUEST without option 50/ciaddr): behave as DISCOVER, then commit
        LeaseDecision choice = discover(ctx);
        if (choice instanceof LeaseDecision.Granted g) {
            return commit(ctx, g.subnet(), g.lease().address(), existing.orElse(null), now, false);
        }
        return choice;
    }

    private LeaseDecision commit(ClientContext4 ctx, Subnet4 subnet, int address, Lease4 clientLease, long now,
                                 boolean nakOnConflict) throws LeaseStoreException {
        for (int attempt = 0; attempt < MAX_RACE_RETRIES; attempt++) {
            // an address this server's map believes free is inserted straight away (the insert is the
            // compare-and-set; a refused one is looked up on the next round): one database round trip fewer
            Optional<Lease4> current = attempt == 0 && believedFree(subnet, address, clientLease)
                    ? Optional.empty() : store.get(address);
            if (current.isPresent() && !current.get().expired(now) && current.get().state() == LeaseState.DEFAULT
                    && !belongsToClient(current.get(), ctx)) {
                if (nakOnConflict) return new LeaseDecision.Nak(Ipv4.toString(address) + " is leased to another client");
                address = findFree(subnet, ctx, now);
                if (address == 0) return new LeaseDecision.NoAddress("no address available in " + subnet.prefix());
                continue;
            }
            if (current.isPresent() && current.get().state() == LeaseState.DECLINED && !current.get().expired(now)) {
                if (nakOnConflict) return new LeaseDecision.Nak(Ipv4.toString(address) + " is declined");
                address = findFree(subnet, ctx, now);
                if (address == 0) return new LeaseDecision.NoAddress("no address available in " + subnet.prefix());
                continue;
            }
            Lease4 old = current.orElse(null);
            if (old != null && belongsToClient(old, ctx) && reusable(old, subnet, ctx, now)) {
                long remaining = old.expire() - now;
                return new LeaseDecision.Granted(old.withCltt(now).withValidLifetime(remaining), subnet, old, true);
            }
            Lease4 lease = newLease(ctx, subnet, address, now);
            boolean renewing = old != null && old.state() == LeaseState.DEFAULT && !old.expired(now) && belongsToClient(old, ctx);
            Optional<Lease4> chosen = renewing ? callouts.renew(ctx, subnet, lease) : callouts.select(ctx, subnet, lease);
            if (chosen.isEmpty()) {
                // lease4_renew SKIP: the stored lease stays and is what the client hears; lease4_select SKIP: no lease
                if (renewing) return new LeaseDecision.Granted(old, subnet, old, false);
                return new LeaseDecision.NoAddress("a lease4_select callout assigned no lease");
            }
            lease = sameAddress(chosen.get(), lease);
            boolean written = old == null ? store.add(lease) : store.replace(old, lease);
            if (!written) continue; // someone else changed it: look again
            cursors.leased(subnet.id(), address);
            countCommit(subnet, old, lease);
            if (clientLease != null && clientLease.address() != address) {
                // the client moved to another address: its old lease goes, as Kea does on REQUEST
                if (store.delete(clientLease)) {
                    cursors.freed(clientLease.subnetId(), clientLease.address());
                    if (clientLease.state() == LeaseState.DEFAULT)
                        stats.add("subnet[" + clientLease.subnetId() + "].assigned-addresses", -1);
                }
            }
            return new LeaseDecision.Granted(lease, subnet, old, false);
        }
        return new LeaseDecision.NoAddress("lost the race for an address " + MAX_RACE_RETRIES + " times");
    }

    private void countCommit(Subnet4 subnet, Lease4 old, Lease4 lease) {
        // assigned-addresses includes declined addresses, as in Kea
        boolean wasCounted = old != null && (old.state() == LeaseState.DEFAULT || old.state() == LeaseState.DECLINED);
        if (wasCounted && old.subnetId() != lease.subnetId()) {
            stats.add("subnet[" + old.subnetId() + "].assigned-addresses", -1);
            wasCounted = false;
        }
        if (old != null && old.state() == LeaseState.DECLINED) {
            stats.add("subnet[" + old.subnetId() + "].declined-addresses", -1);
            stats.add("declined-addresses", -1);
        }
        if (!wasCounted) {
            stats.add("subnet[" + subnet.id() + "].assigned-addresses", 1);
        }
        if (old == null || !belongsToClient(old, lease.hwAddress(), lease.clientId())) {
            stats.add("subnet[" + subnet.id() + "].cumulative-assigned-addresses", 1);
            stats.add("cumulative-assigned-addresses", 1);
        }
    }

    /** Kea's lease reuse: a fresh enough lease is handed back unchanged, saving a write. */
    private boolean reusable(Lease4 old, Subnet4 subnet, ClientContext4 ctx, long now) {
        double threshold = subnet.params().cacheThreshold();
        if (threshold <= 0 || threshold >= 1 || old.state() != LeaseState.DEFAULT || old.expired(now)) return false;
        // Kea's setLeaseReusable: a lease whose name or DNS directions would change is written again
        if (old.subnetId() != subnet.id()) return false;
        LeaseName name = ctx.nameAt(subnet, old.address());
        if (!old.hostname().equals(name.hostname()) || old.fqdnFwd() != name.forward() || old.fqdnRev() != name.reverse()) return false;
        if (old.validLifetime() != lifetime(ctx, subnet)) return false;
        long age = now - old.cltt();
        Long maxAge = subnet.params().cacheMaxAge();
        if (maxAge != null && maxAge > 0 && age >= maxAge) return false;
        return age < threshold * old.validLifetime();
    }

    private Lease4 grantLease(ClientContext4 ctx, Subnet4 subnet, int address, long now) {
        return newLease(ctx, subnet, address, now);
    }

    private LeaseDecision grant(ClientContext4 ctx, Subnet4 subnet, int address, Lease4 previous, long now) {
        Lease4 lease = grantLease(ctx, subnet, address, now);
        if (ctx.fakeAllocation()) {
            Optional<Lease4> chosen = callouts.select(ctx, subnet, lease);
            if (chosen.isEmpty()) return new LeaseDecision.NoAddress("a lease4_select callout assigned no lease");
            lease = sameAddress(chosen.get(), lease);
        }
        return new LeaseDecision.Granted(lease, subnet, previous, false);
    }

    /** A callout may change a lease but not its address: the engine checked that address, not another one. */
    private static Lease4 sameAddress(Lease4 chosen, Lease4 original) {
        return chosen.address() == original.address() ? chosen : original;
    }

    private Lease4 newLease(ClientContext4 ctx, Subnet4 subnet, int address, long now) {
        long poolId = 0;
        for (Pool4 p : subnet.pools()) if (p.contains(address)) { poolId = p.poolId(); break; }
        // the client's name goes in with the lease: one write, nothing to rename afterwards
        LeaseName name = ctx.nameAt(subnet, address);
        return new Lease4(address, ctx.hwAddress(), ctx.clientId(), lifetime(ctx, subnet), now, subnet.id(),
                name.forward(), name.reverse(), name.hostname(), LeaseState.DEFAULT, null, poolId);
    }

    /** Valid lifetime: infinite for BOOTP, else the class's or the subnet's, clamped client hint (option 51) within [min, max]. */
    public long lifetime(ClientContext4 ctx, Subnet4 subnet) {
        // Kea: BOOTP clients (class BOOTP, set by the bootp library) never renew, so their leases never expire
        if (ctx.classes().contains("BOOTP")) return Lease4.INFINITE_LIFETIME;
        Lifetime lt = ctx.classLifetime() != null ? ctx.classLifetime() : subnet.params().validLifetime();
        long hint = ctx.requestedLifetime();
        if (hint <= 0) return lt.defaultValue();
        return Math.max(lt.min(), Math.min(lt.max(), hint));
    }

    // ---- lookups ----

    /** The client's lease in any of its candidate subnets: by client-id first, then by hardware address. */
    public Optional<Lease4> findClientLease(ClientContext4 ctx) throws LeaseStoreException {
        HwAddress hw = ctx.hwAddress() != null && ctx.hwAddress().length() > 0 ? ctx.hwAddress() : null;
        if (ctx.clientId() == null && hw == null) return Optional.empty();
        for (Subnet4 subnet : ctx.subnets()) {
            // one lookup for both keys (one round trip to an SQL store); Kea's precedence: client id, then hw address
            List<Lease4> leases = store.getByClient(ctx.clientId(), hw, subnet.id());
            if (ctx.clientId() != null) {
                for (Lease4 l : leases) {
                    if (ctx.clientId().equals(l.clientId()) && l.state() == LeaseState.DEFAULT) return Optional.of(l);
                }
            }
            if (hw != null) {
                for (Lease4 l : leases) {
                    if (hw.equals(l.hwAddress()) && l.state() == LeaseState.DEFAULT && belongsToClient(l, ctx))
                        return Optional.of(l);
                }
            }
        }
        return Optional.empty();
    }

    private Subnet4 subnetOf(ClientContext4 ctx, long subnetId) {
        for (Subnet4 s : ctx.subnets()) if (s.id() == subnetId) return s;
        return null;
    }

    /** Kea's Lease4::belongsToClient: client ids decide when both sides have one, else hardware addresses. */
    public static boolean belongsToClient(Lease4 lease, HwAddress hw, Bytes clientId) {
        if (clientId != null && lease.clientId() != null) return clientId.equals(lease.clientId());
        return hw != null && lease.hwAddress() != null && hw.equals(lease.hwAddress());
    }

    private static boolean belongsToClient(Lease4 lease, ClientContext4 ctx) {
        return belongsToClient(lease, ctx.hwAddress(), ctx.clientId());
    }

    /** Free for this client: no lease, its own lease, or an expired / reclaimed / released one. */
    private boolean usableBy(int address, ClientContext4 ctx, long now) throws LeaseStoreException {
        Optional<Lease4> l = store.get(address);
        if (l.isEmpty()) return true;
        Lease4 lease = l.get();
        if (lease.state() == LeaseState.DECLINED) return lease.expired(now);
        if (lease.state() != LeaseState.DEFAULT) return true;
        return belongsToClient(lease, ctx) || lease.expired(now);
    }

    private boolean reservedForOther(Subnet4 subnet, int address, ClientContext4 ctx) {
        Optional<Reservation4> r = subnet.params().reservationsInSubnet() ? hosts.byAddress(subnet.id(), address) : Optional.empty();
        if (r.isEmpty() && subnet.params().reservationsGlobal()) r = hosts.byAddress(0, address);
        if (r.isEmpty()) return false;
        Reservation4 mine = ctx.reservationIn(subnet);
        return mine == null || !mine.equals(r.get());
    }

    private static boolean inAllowedPool(Subnet4 subnet, int address, Set<String> classes) {
        for (Pool4 p : subnet.pools()) {
            if (p.contains(address) && poolAdmits(p, classes)) return true;
        }
        return false;
    }

    static boolean poolAdmits(Pool4 pool, Set<String> classes) {
        if (pool.clientClasses().isEmpty()) return true;
        for (String c : pool.clientClasses()) if (classes.contains(c)) return true;
        return false;
    }

    /**
     * Iterative allocator: walks each admitted pool from its cursor; 0 when every address is taken. The pool's
     * occupancy map skips addresses known to be leased, so a nearly full pool costs a few word scans, not a
     * store lookup per address; every candidate is still checked against the store.
     */
    private int findFree(Subnet4 subnet, ClientContext4 ctx, long now) throws LeaseStoreException {
        for (Pool4 pool : subnet.pools()) {
            if (!poolAdmits(pool, ctx.classes())) continue;
            PoolOccupancy map = cursors.occupancy(subnet.id(), pool);
            int a = map == null ? walk(subnet, pool, ctx, now) : search(subnet, pool, map, ctx, now);
            if (a != 0) return a;
        }
        return 0;
    }

    /**
     * Whether the pool map (seeded from the store, updated by this server's commits) says nobody holds
     * {@code address}. Only a hint: another server may have leased it, which the insert then refuses.
     */
    private boolean believedFree(Subnet4 subnet, int address, Lease4 clientLease) {
        if (clientLease != null && clientLease.address() == address) return false;
        for (Pool4 pool : subnet.pools()) {
            if (!pool.contains(address)) continue;
            PoolOccupancy map = cursors.occupancy(subnet.id(), pool);
            if (map == null || !map.seeded()) return false;
            int off = map.offsetOf(address);
            return off >= 0 && !map.isMarked(off);
        }
        return false;
    }

    /** Address by address from the cursor (pools too large for a map). */
    private int walk(Subnet4 subnet, Pool4 pool, ClientContext4 ctx, long now) throws LeaseStoreException {
        long size = pool.size();
        for (long i = 0; i < size; i++) {
            int candidate = cursors.next(subnet.id(), pool);
            if (reservedForOther(subnet, candidate, ctx)) continue;
            if (usableBy(candidate, ctx, now)) return candidate;
        }
        return 0;
    }

    /** The next address the map believes free and the store confirms; rebuilds the map once when it looks full. */
    private int search(Subnet4 subnet, Pool4 pool, PoolOccupancy map, ClientContext4 ctx, long now) throws LeaseStoreException {
        if (!map.seeded()) seed(map, pool, now, map.generation());
        boolean reseeded = false;
        // every round marks an address, so a pool's size bounds the rounds (releases racing in could extend it)
        for (long round = 0; round <= 2L * map.size(); round++) {
            long generation = map.generation();
            int offset = map.nextFree();
            if (offset < 0) {
                if (reseeded || !map.reseedDue(now)) return 0;
                seed(map, pool, now, generation);
                reseeded = true;
                continue;
            }
            int candidate = map.address(offset);
            if (!reservedForOther(subnet, candidate, ctx) && usableBy(candidate, ctx, now)) return candidate;
            // leased (or reserved for someone else): remember it, so nobody checks it again until a rebuild
            map.markLeased(offset);
        }
        return 0;
    }

    private static final int SEED_PAGE = 4096;

    /** Rebuilds a pool's map from the store's leases in the pool's range, in pages; one thread at a time. */
    private void seed(PoolOccupancy map, Pool4 pool, long now, long generationSeen) throws LeaseStoreException {
        synchronized (map.seedLock) {
            if (map.generation() != generationSeen) return; // another thread rebuilt it meanwhile
            long started = System.nanoTime();
            long first = Ipv4.toUnsigned(pool.first());
            long last = Ipv4.toUnsigned(pool.last());
            long[] bits = map.newBits();
            // getPage is exclusive of its start, except that 0 starts at the very beginning
            int from = first == 0 ? 0 : pool.first() - 1;
            while (true) {
                List<Lease4> page = store.getPage(from, SEED_PAGE);
                boolean past = false;
                for (Lease4 l : page) {
                    long a = Ipv4.toUnsigned(l.address());
                    if (a > last) {
                        past = true;
                        break;
                    }
                    if (a >= first && occupies(l, now)) {
                        int off = (int) (a - first);
                        bits[off >>> 6] |= 1L << off;
                    }
                }
                if (past || page.size() < SEED_PAGE) break;
                from = page.getLast().address();
            }
            map.install(bits, now);
            log.debug("pool {} map rebuilt from the lease store in {} ms: {} of {} addresses leased", pool,
                    (System.nanoTime() - started) / 1_000_000, map.markedCount(), map.size());
        }
    }

    /** Whether a stored lease keeps its address from every other client now (as {@link #usableBy} sees it). */
    private static boolean occupies(Lease4 l, long now) {
        return (l.state() == LeaseState.DEFAULT || l.state() == LeaseState.DECLINED) && !l.expired(now);
    }
}
