package dev.nestor.hooks.bundled;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Something per query, remembered at one hook point for a later one whose event carries only the packet: where the
 * query came from (pkt4_receive, for lease4_renew, leases4_committed, ...), what it committed (leases4_committed, for
 * pkt4_send). Entries go with their packets (weak keys), so nothing is kept once the query is done.
 */
public final class QueryEnvelopes<P, E> {
    private final Map<P, E> map = Collections.synchronizedMap(new WeakHashMap<>());

    public void remember(P query, E envelope) { map.put(query, envelope); }

    /** {@return the entry of {@code query}, removed; null when there is none} */
    public E take(P query) { return query == null ? null : map.remove(query); }

    /** Adds {@code value} to what is kept for {@code query}, combined by {@code join} with an earlier one. */
    public void merge(P query, E value, java.util.function.BinaryOperator<E> join) {
        if (query != null) map.merge(query, value, join);
    }

    /** {@return the envelope of {@code query}, or null when it was not seen (e.g. lease events of reclamation)} */
    public E of(P query) { return query == null ? null : map.get(query); }
}
