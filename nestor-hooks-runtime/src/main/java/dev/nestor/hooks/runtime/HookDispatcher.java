package dev.nestor.hooks.runtime;

import dev.nestor.hooks.Callout;
import dev.nestor.hooks.CalloutResult;
import dev.nestor.hooks.HookPoint;
import dev.nestor.hooks.NextStep;
import dev.nestor.hooks.Parkable;
import dev.nestor.hooks.ParkingLot;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the callouts of one configuration's hook libraries. Thread-safe and lock-free apart from libraries that are
 * not multi-threading compatible (their callouts run one at a time).
 *
 * <p>Combining (Kea's shared next-step status, made explicit): callouts run in library order, each receiving the
 * event as the previous ones left it. The last step other than CONTINUE wins, except that DROP ends the chain at
 * once. A step the point does not honour is ignored. A callout that throws ends the chain with DROP and names its
 * library in the {@link Outcome}.
 */
public final class HookDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger("dev.nestor.hooks");

    /** A callout with its library's name and, for libraries that are not multi-threading compatible, its lock. */
    record Registered<E>(String library, Callout<E> callout, Lock lock) {}

    // immutable lists; emptied on close so that a stale reference pins no library class
    private volatile Map<HookPoint<?>, List<Registered<?>>> callouts;
    private final ParkingLots lots;

    HookDispatcher(Map<HookPoint<?>, List<Registered<?>>> callouts, ParkingLots lots) {
        this.callouts = Map.copyOf(callouts);
        this.lots = lots;
    }

    /** A dispatcher without callouts. */
    public static HookDispatcher empty() {
        return new HookDispatcher(Map.of(), new ParkingLots(0));
    }

    /** {@return whether any callout is attached to {@code point}} The server builds no event when none is. */
    public boolean has(HookPoint<?> point) {
        return callouts.containsKey(point);
    }

    /**
     * A place in the parking lot of {@code point} for one query, to put in the event of a parkable point:
     * {@code resume} runs when the libraries unpark it, {@code discard} when one drops it (or the configuration is
     * replaced). Empty when the lot is full: Kea then drops the query without calling the callouts.
     */
    public Optional<ParkingLot> park(HookPoint<?> point, Runnable resume, Runnable discard) {
        return lots.take(point, resume, discard).map(t -> t);
    }

    /** {@return how many queries are parked at {@code point} now} */
    public int parked(HookPoint<?> point) { return lots.size(point); }

    /** Runs the callouts of {@code point} on {@code event}; see the class comment for how answers combine. */
    @SuppressWarnings("unchecked")
    public <E> Outcome<E> fire(HookPoint<E> point, E event) {
        List<Registered<?>> list = callouts.get(point);
        ParkingLots.Ticket ticket = event instanceof Parkable p && p.parkingLot() instanceof ParkingLots.Ticket t ? t : null;
        if (list == null) {
            if (ticket != null) ticket.cancel();
            return new Outcome<>(NextStep.CONTINUE, event, null);
        }
        NextStep step = NextStep.CONTINUE;
        E current = event;
        for (Registered<?> r : list) {
            Registered<E> reg = (Registered<E>) r;
            CalloutResult<E> result;
            try {
                result = call(reg, current);
            } catch (Throwable e) {
                if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) throw (VirtualMachineError) e;
                LOG.error("hook library '{}' failed in {} callout, packet dropped: {}", reg.library(), point.name(), e.toString(), e);
                if (ticket != null) ticket.cancel();
                return new Outcome<>(NextStep.DROP, current, reg.library());
            }
            if (result == null) continue;
            if (result.event() != null) current = result.event();
            NextStep s = result.step();
            if (s == NextStep.CONTINUE) continue;
            if (!point.allows(s) || (s == NextStep.PARK && ticket == null)) {
                LOG.debug("hook library '{}' answered {} at {}, which does not honour it: ignored", reg.library(), s, point.name());
                continue;
            }
            if (s == NextStep.PARK) ticket.reference();
            step = s;
            if (s == NextStep.DROP) break;
        }
        if (ticket != null) {
            if (step == NextStep.PARK) ticket.arm();
            else ticket.cancel();
        }
        return new Outcome<>(step, current, null);
    }

    private static <E> CalloutResult<E> call(Registered<E> reg, E event) throws Exception {
        if (reg.lock() == null) return reg.callout().call(event);
        reg.lock().lock();
        try {
            return reg.callout().call(event);
        } finally {
            reg.lock().unlock();
        }
    }

    /** Drops parked queries and forgets every callout. */
    void close() {
        lots.closeAll();
        callouts = Map.of();
    }
}
