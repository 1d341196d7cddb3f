package dev.nestor.dhcp4;

import dev.nestor.codec.v4.Dhcp4Packet;
import dev.nestor.common.stats.StatsRegistry;
import dev.nestor.common.time.Clock;
import dev.nestor.hooks.HookPoint;
import dev.nestor.hooks.runtime.HookDispatcher;
import dev.nestor.hooks.v4.Lease4ServerDecline;
import dev.nestor.hooks.v4.LeaseService4;
import dev.nestor.lease.Lease4;
import dev.nestor.lease.LeaseState;
import dev.nestor.lease.LeaseStore4;
import dev.nestor.lease.LeaseStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** The server's leases as hook libraries see them ({@link LeaseService4}), always those of the runtime in force. */
final class ServerLeases4 implements LeaseService4 {
    private static final Logger log = LoggerFactory.getLogger("dev.nestor.dhcp4.hooks");

    private final Supplier<Dhcp4Runtime> runtime;
    private final StatsRegistry stats;
    private final Clock clock;

    ServerLeases4(Supplier<Dhcp4Runtime> runtime, StatsRegistry stats, Clock clock) {
        this.runtime = runtime;
        this.stats = stats;
        this.clock = clock;
    }

    private LeaseStore4 store() {
        Dhcp4Runtime rt = runtime.get();
        if (rt == null || rt.store() == null) throw new IllegalStateException("the server has no lease store yet");
        return rt.store();
    }

    @Override
    public Optional<Lease4> get(int address) { return store().get(address); }

    @Override
    public List<Lease4> all() { return store().getAll(); }

    @Override
    public boolean declineByServer(Dhcp4Packet query, Lease4 lease) {
        Dhcp4Runtime rt = runtime.get();
        LeaseStore4 store = store();
        long probation = rt.config().globals().declineProbationPeriod();
        Lease4 declined = new Lease4(lease.address(), null, null, probation, clock.epochSeconds(), lease.subnetId(),
                false, false, "", LeaseState.DECLINED, null, lease.poolId());
        try {
            Optional<Lease4> current = store.get(lease.address());
            boolean ok = current.isEmpty() ? store.add(declined) : store.replace(current.get(), declined);
            if (!ok) return false;
            // assigned-addresses counts declined addresses too, as in Kea
            boolean counted = current.isPresent() && (current.get().state() == LeaseState.DEFAULT || current.get().state() == LeaseState.DECLINED);
            if (!counted) stats.add("subnet[" + lease.subnetId() + "].assigned-addresses", 1);
            if (current.isEmpty() || current.get().state() != LeaseState.DECLINED) {
                stats.add("subnet[" + lease.subnetId() + "].declined-addresses", 1);
                stats.add("declined-addresses", 1);
            }
        } catch (LeaseStoreException e) {
            log.warn("declining {} failed: {}", lease.address(), e.getMessage());
            return false;
        }
        HookDispatcher d = rt.hooks().dispatcher();
        if (d.has(HookPoint.LEASE4_SERVER_DECLINE)) d.fire(HookPoint.LEASE4_SERVER_DECLINE, new Lease4ServerDecline(query, declined));
        return true;
    }
}
