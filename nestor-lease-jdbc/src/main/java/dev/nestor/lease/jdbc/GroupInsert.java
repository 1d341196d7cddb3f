package dev.nestor.lease.jdbc;

import dev.nestor.lease.LeaseStoreException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Group commit for conditional inserts. On PostgreSQL every insert into Kea's lease tables fires a statistics
 * trigger that locks its subnet's counter row until the commit has been flushed to the WAL, so inserts into one
 * subnet commit one at a time, from every thread and every server on the database. Here callers that arrive while
 * a write is under way wait, and the first of them then writes everything waiting as one statement in one
 * transaction: one flush and one lock hold for the whole group.
 *
 * <p>Rules: a caller returns only when its own row's fate is known (committed, refused because its key is taken,
 * or failed); a group never holds two items with the same key (the statement could not tell which of them won);
 * a group the database refuses as a whole (anything but a taken key) is not an answer for anyone: each of its
 * callers then writes its own item alone, so one bad row fails only its own insert.
 *
 * @param <T> what is inserted
 */
final class GroupInsert<T> {

    /** Writes one item, as the store would without grouping. */
    @FunctionalInterface
    interface Single<T> {
        /** @return {@code true} if inserted, {@code false} if its key is taken */
        boolean write(T item) throws LeaseStoreException;
    }

    /** Writes several items with distinct keys in one transaction. */
    @FunctionalInterface
    interface Group<T> {
        /**
         * @return for each item (same order) whether it was inserted ({@code false}: its key is taken), or
         * {@code null} when the group was refused and nothing was written
         * @throws LeaseStoreException when the outcome is a failure for every item (e.g. the database is down)
         */
        boolean[] write(List<T> items) throws LeaseStoreException;
    }

    private enum Fate { WAITING, INSERTED, TAKEN, FAILED, ALONE }

    private static final class Pending<T> {
        final T item;
        // set by the writing thread, read by the caller after it is signalled
        volatile Fate fate = Fate.WAITING;
        volatile LeaseStoreException error;

        Pending(T item) {
            this.item = item;
        }
    }

    private final Single<T> single;
    private final Group<T> group;
    private final Function<T, Object> key;
    private final int maxGroup;
    /** Guards {@link #waiting} and {@link #writing}; {@link #changed} is signalled whenever a group is done. */
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<Pending<T>> waiting = new ArrayDeque<>();
    private boolean writing;

    /**
     * @param key      what two items of one group must not share (the primary key)
     * @param maxGroup the most items written in one statement, at least 2
     */
    GroupInsert(Single<T> single, Group<T> group, Function<T, Object> key, int maxGroup) {
        if (maxGroup < 2) throw new IllegalArgumentException("maxGroup must be at least 2: " + maxGroup);
        this.single = Objects.requireNonNull(single, "single");
        this.group = Objects.requireNonNull(group, "group");
        this.key = Objects.requireNonNull(key, "key");
        this.maxGroup = maxGroup;
    }

    /**
     * Inserts {@code item}, possibly together with items of concurrent callers; returns once its outcome is
     * committed.
     *
     * @return {@code true} if inserted, {@code false} if its key is taken
     */
    boolean insert(T item) throws LeaseStoreException {
        Pending<T> me = new Pending<>(item);
        lock.lock();
        try {
            waiting.add(me);
            // someone is writing: wait until a group has taken this item, or the writer is done and this caller
            // is the next one to write
            while (me.fate == Fate.WAITING && writing) changed.awaitUninterruptibly();
            if (me.fate == Fate.WAITING) writing = true;
        } finally {
            lock.unlock();
        }
        if (me.fate == Fate.WAITING) writeUntilDone(me);
        return switch (me.fate) {
            case INSERTED -> true;
            case TAKEN -> false;
            case FAILED -> throw me.error;
            case ALONE -> single.write(item);
            case WAITING -> throw new IllegalStateException("unreachable");
        };
    }

    /** As the writer: writes what is waiting, group after group, until {@code me} has its fate; then hands over. */
    private void writeUntilDone(Pending<T> me) {
        try {
            while (me.fate == Fate.WAITING) {
                List<Pending<T>> batch;
                lock.lock();
                try {
                    batch = takeGroup();
                } finally {
                    lock.unlock();
                }
                write(batch);
                lock.lock();
                try {
                    changed.signalAll();
                } finally {
                    lock.unlock();
                }
            }
        } finally {
            lock.lock();
            try {
                // left early (an error while writing others' group): nobody writes this item without its caller
                if (me.fate == Fate.WAITING) waiting.remove(me);
                writing = false;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /** Callers queued and not yet taken into a group (for tests). */
    int queued() {
        lock.lock();
        try {
            return waiting.size();
        } finally {
            lock.unlock();
        }
    }

    /** The oldest waiting items with distinct keys, at most {@code maxGroup}. Holds the lock. */
    private List<Pending<T>> takeGroup() {
        List<Pending<T>> batch = new ArrayList<>();
        List<Pending<T>> later = new ArrayList<>();
        Set<Object> keys = new HashSet<>();
        for (Pending<T> p; batch.size() < maxGroup && (p = waiting.poll()) != null; ) {
            if (keys.add(key.apply(p.item))) batch.add(p);
            else later.add(p);
        }
        for (int i = later.size() - 1; i >= 0; i--) waiting.addFirst(later.get(i));
        return batch;
    }

    /** Writes a group and decides the fate of each of its items. */
    private void write(List<Pending<T>> batch) {
        if (batch.isEmpty()) return;
        try {
            if (batch.size() == 1) {
                Pending<T> p = batch.getFirst();
                p.fate = single.write(p.item) ? Fate.INSERTED : Fate.TAKEN;
                return;
            }
            boolean[] inserted = group.write(batch.stream().map(p -> p.item).toList());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).fate = inserted == null ? Fate.ALONE : inserted[i] ? Fate.INSERTED : Fate.TAKEN;
            }
        } catch (LeaseStoreException e) {
            for (Pending<T> p : batch) {
                p.error = e;
                p.fate = Fate.FAILED;
            }
        } catch (RuntimeException | Error e) {
            // nobody may wait for ever: the others write alone, and the caller that ran the group sees the error
            for (Pending<T> p : batch) p.fate = Fate.ALONE;
            throw e;
        }
    }
}
