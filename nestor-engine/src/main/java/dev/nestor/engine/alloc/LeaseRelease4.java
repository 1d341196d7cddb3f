package dev.nestor.engine.alloc;

import dev.nestor.common.Bytes;
import dev.nestor.common.net.HwAddress;
import dev.nestor.common.stats.StatsRegistry;
import dev.nestor.common.time.Clock;
import dev.nestor.lease.Lease4;
import dev.nestor.lease.LeaseState;
import dev.nestor.lease.LeaseStore4;
import dev.nestor.lease.LeaseStoreException;

import java.util.Optional;
import java.util.function.Predicate;

/** RELEASE and DECLINE: the client gives an address back, or reports it in use by someone else. */
public final class LeaseRelease4 {
    /** Outcome of a RELEASE or DECLINE, so the caller can count it and log it. */
    public enum Outcome { DONE, NO_LEASE, NOT_OWNER, STORE_FAILED, SKIPPED }

    private final LeaseStore4 store;
    private final StatsRegistry stats;
    private final Clock clock;
    private final PoolCursors cursors;

    public LeaseRelease4(LeaseStore4 store, StatsRegistry stats, Clock clock) {
        this(store, stats, clock, null);
    }

    /** With the allocator's pool maps, which learn at once that a released address is free again. */
    public LeaseRelease4(LeaseStore4 store, StatsRegistry stats, Clock clock, PoolCursors cursors) {
        this.store = store;
        this.stats = stats;
        this.clock = clock;
        this.cursors = cursors;
    }

    /** RELEASE: the lease is deleted (Kea's default behaviour), if the client owns it. */
    public Outcome release(int address, HwAddress hw, Bytes clientId) {
        return release(address, hw, clientId, _ -> true);
    }

    /**
     * RELEASE through hook callouts (lease4_release): {@code proceed} sees the client's lease and answers false to
     * keep it (SKIPPED).
     */
    public Outcome release(int address, HwAddress hw, Bytes clientId, Predicate<Lease4> proceed) {
        try {
            Optional<Lease4> l = store.get(address);
            if (l.isEmpty() || l.get().state() != LeaseState.DEFAULT) return Outcome.NO_LEASE;
            Lease4 lease = l.get();
            if (!AllocationEngine4.belongsToClient(lease, hw, clientId)) return Outcome.NOT_OWNER;
            if (!proceed.test(lease)) return Outcome.SKIPPED;
            if (!store.delete(lease)) return Outcome.NO_LEASE;
            if (cursors != null) cursors.freed(lease.subnetId(), address);
            stats.add("subnet[" + lease.subnetId() + "].assigned-addresses", -1);
            return Outcome.DONE;
        } catch (LeaseStoreException e) {
            return Outcome.STORE_FAILED;
        }
    }

    /**
     * DECLINE: the address is in use on the link; it is quarantined for the probation period with no owner, as
     * Kea's Lease4::decline does.
     */
    public Outcome decline(int address, HwAddress hw, Bytes clientId, long probationSeconds) {
        return decline(address, hw, clientId, probationSeconds, _ -> true);
    }

    /** DECLINE through hook callouts (lease4_decline): {@code proceed} answers false to leave the lease (SKIPPED). */
    public Outcome decline(int address, HwAddress hw, Bytes clientId, long probationSeconds, Predicate<Lease4> proceed) {
        try {
            Optional<Lease4> l = store.get(address);
            if (l.isEmpty() || l.get().state() != LeaseState.DEFAULT) return Outcome.NO_LEASE;
            Lease4 lease = l.get();
            if (!AllocationEngine4.belongsToClient(lease, hw, clientId)) return Outcome.NOT_OWNER;
            if (!proceed.test(lease)) return Outcome.SKIPPED;
            Lease4 declined = new Lease4(address, null, null, probationSeconds, clock.epochSeconds(), lease.subnetId(),
                    false, false, "", LeaseState.DECLINED, lease.userContext(), lease.poolId());
            if (!store.replace(lease, declined)) return Outcome.NO_LEASE;
            stats.add("subnet[" + lease.subnetId() + "].declined-addresses", 1);
            stats.add("declined-addresses", 1);
            return Outcome.DONE;
        } catch (LeaseStoreException e) {
            return Outcome.STORE_FAILED;
        }
    }
}
