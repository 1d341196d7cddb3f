package dev.nestor.hooks.bundled;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Where each query came from, remembered at pkt4_receive / pkt6_receive for the later points whose events carry
 * only the packet (lease4_renew, leases4_committed, ...). Entries go with their packets (weak keys), so nothing is
 * kept once the query is done.
 */
public final class QueryEnvelopes<P, E> {
    private final Map<P, E> map = Collections.synchronizedMap(new WeakHashMap<>());

    public void remember(P query, E envelope) { map.put(query, envelope); }

    /** {@return the envelope of {@code query}, or null when it was not seen (e.g. lease events of reclamation)} */
    public E of(P query) { return query == null ? null : map.get(query); }
}
