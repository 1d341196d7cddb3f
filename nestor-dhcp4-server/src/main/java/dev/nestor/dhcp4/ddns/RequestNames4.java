package dev.nestor.dhcp4.ddns;

import dev.nestor.config.model.Pool4;
import dev.nestor.config.model.Reservation4;
import dev.nestor.config.model.Subnet4;
import dev.nestor.ddns.client.NameDecision;
import dev.nestor.engine.alloc.LeaseName;
import dev.nestor.engine.alloc.LeaseNamer4;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The client-name decision of one DHCPv4 request, handed to the allocation engine so that the lease is written once,
 * with its final name (Kea's {@code processClientName} before allocation, with {@code postAllocateNameUpdate}
 * folded in): the decision made for the selected subnet; for a lease that lands in a pool with its own
 * {@code ddns-*} values, in another subnet of the shared network or under another reservation, the decision made
 * again there (at most once per place); and a name generated from the chosen address when the client left it to
 * the server. One per request, used on its thread.
 */
public final class RequestNames4 implements LeaseNamer4 {
    /** Decides the name for another place (the pipeline fires ddns4_update again, as Kea reprocesses the name). */
    @FunctionalInterface
    public interface Redecide {
        NameDecision at(Subnet4 subnet, Pool4 pool, Reservation4 reservation);
    }

    private final ClientNames4 names;
    private final NameDecision first;
    private final Subnet4 firstSubnet;
    private final Reservation4 firstReservation;
    private final Function<Subnet4, Reservation4> reservations;
    private final Redecide redecide;
    private Map<String, NameDecision> elsewhere; // rare: created on first use

    /**
     * @param first            the decision for the selected subnet (no pool), after ddns4_update
     * @param reservations     the client's reservation in a subnet ({@code ClientContext4::reservationIn})
     */
    public RequestNames4(ClientNames4 names, NameDecision first, Subnet4 firstSubnet, Reservation4 firstReservation,
                         Function<Subnet4, Reservation4> reservations, Redecide redecide) {
        this.names = names;
        this.first = first;
        this.firstSubnet = firstSubnet;
        this.firstReservation = firstReservation;
        this.reservations = reservations;
        this.redecide = redecide;
    }

    /** The name and directions before an address is chosen (what the context carries). */
    public LeaseName name() {
        return new LeaseName(first.hostname(), first.forward(), first.reverse());
    }

    @Override
    public LeaseName nameAt(Subnet4 subnet, int address) {
        NameDecision d = decisionAt(subnet, address);
        return new LeaseName(d.hostname(), d.forward(), d.reverse());
    }

    /** The complete decision for a lease of {@code address} in {@code subnet}: what is stored and answered. */
    public NameDecision decisionAt(Subnet4 subnet, int address) {
        Pool4 pool = DnsUpdates4.poolOf(subnet, address);
        Reservation4 reservation = reservations.apply(subnet);
        NameDecision d = first;
        if (!samePlace(subnet, pool, reservation)) {
            if (elsewhere == null) elsewhere = new HashMap<>(4);
            String key = subnet.id() + "/" + (pool == null ? "" : Integer.toString(pool.first()));
            d = elsewhere.computeIfAbsent(key, _ -> redecide.at(subnet, pool, reservation));
        }
        return names.complete(d, subnet, pool, address);
    }

    /** Whether the first decision holds at this place; the common case is settled without building scopes. */
    private boolean samePlace(Subnet4 subnet, Pool4 pool, Reservation4 reservation) {
        boolean plainPool = pool == null
                || pool.ddns() == null && pool.hostnameCharSet() == null && pool.hostnameCharReplacement() == null;
        if (subnet == firstSubnet && reservation == firstReservation && plainPool) return true;
        return ClientNames4.sameScope(firstSubnet, null, firstReservation, subnet, pool, reservation);
    }
}
