package dev.nestor.hooks.runtime;

import dev.nestor.hooks.HookPoint;
import dev.nestor.hooks.ParkingLot;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The parked queries of one configuration, bounded per hook point by {@code parked-packet-limit} (Kea keeps one
 * lot per hook point). Closing drops every parked query, as Kea's reconfiguration does.
 */
final class ParkingLots {
    private final int limit;
    private final Map<String, AtomicInteger> sizes = new ConcurrentHashMap<>();
    private final Set<Ticket> live = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    ParkingLots(int limit) {
        this.limit = limit;
    }

    /** A place for one query at {@code point}; empty when the lot is full (or closed). */
    Optional<Ticket> take(HookPoint<?> point, Runnable resume, Runnable discard) {
        if (closed) return Optional.empty();
        AtomicInteger size = sizes.computeIfAbsent(point.name(), _ -> new AtomicInteger());
        while (true) {
            int n = size.get();
            if (limit > 0 && n >= limit) return Optional.empty();
            if (size.compareAndSet(n, n + 1)) break;
        }
        Ticket t = new Ticket(size, resume, discard);
        live.add(t);
        if (closed) t.unpark(true); // raced with close
        return Optional.of(t);
    }

    int size(HookPoint<?> point) {
        AtomicInteger s = sizes.get(point.name());
        return s == null ? 0 : s.get();
    }

    void closeAll() {
        closed = true;
        for (Ticket t : live) t.unpark(true);
    }

    /**
     * One query's place. States: pending while the callouts run (they add references), parked once they answered
     * PARK, done after resume, discard or cancel. A library may unpark before the callouts finish (its work was
     * quick): the query then resumes as soon as it is parked.
     */
    final class Ticket implements ParkingLot {
        private enum State { PENDING, PARKED, DONE }

        private final AtomicInteger size;
        private Runnable resume;
        private Runnable discard;
        private State state = State.PENDING;
        private int references;
        private int unparks;
        private boolean dropRequested;

        private Ticket(AtomicInteger size, Runnable resume, Runnable discard) {
            this.size = size;
            this.resume = resume;
            this.discard = discard;
        }

        /** A callout answered PARK. */
        synchronized void reference() { references++; }

        /** The callouts are done and the combined step is PARK. */
        void arm() {
            Runnable run;
            synchronized (this) {
                if (state != State.PENDING) return;
                state = State.PARKED;
                if (dropRequested) run = finish(false);
                else if (unparks >= references) run = finish(true);
                else return;
            }
            run.run();
        }

        /** The combined step is not PARK: free the place without resuming. */
        void cancel() {
            synchronized (this) {
                if (state == State.DONE) return;
                finish(false);
            }
        }

        @Override
        public boolean unpark(boolean drop) {
            Runnable run;
            synchronized (this) {
                if (state == State.DONE) return false;
                if (drop) dropRequested = true;
                else unparks++;
                if (state == State.PENDING) return true;
                if (dropRequested) run = finish(false);
                else if (unparks >= references) run = finish(true);
                else return true;
            }
            run.run();
            return true;
        }

        @Override
        public synchronized boolean isParked() { return state == State.PARKED; }

        /** Marks done and frees the place; {@return what to run outside the lock} */
        private Runnable finish(boolean resumed) {
            Runnable r = resumed ? resume : discard;
            if (state == State.PENDING) r = () -> {}; // cancelled before parking: nothing to resume or discard
            state = State.DONE;
            resume = null; // the continuation holds the response: let it go
            discard = null;
            live.remove(this);
            size.decrementAndGet();
            return r == null ? () -> {} : r;
        }
    }
}
