package dev.nestor.dhcp6.ddns;

import dev.nestor.codec.net.Ipv6;
import dev.nestor.common.Bytes;
import dev.nestor.config.model.Pool6;
import dev.nestor.config.model.Reservation6;
import dev.nestor.config.model.Subnet6;
import dev.nestor.ddns.client.ClientNamePolicy;
import dev.nestor.ddns.client.NameDecision;
import dev.nestor.engine.alloc.LeaseName;
import dev.nestor.engine.v6.IaDecision;
import dev.nestor.engine.v6.IaRequest;
import dev.nestor.engine.v6.LeaseNamer6;
import dev.nestor.lease.LeaseType6;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The client-name decision of one DHCPv6 query, handed to the allocation engine so that every lease is written
 * once, with its final name (Kea's {@code processClientFqdn} before allocation, with {@code generateFqdn} and the
 * lease update after it folded in): the decision made for the selected subnet; for a lease that lands in a pool
 * with its own {@code ddns-*} values, in another subnet of the shared network or under another reservation, the
 * decision made again there (at most once per place); and, when the client left the name to the server, the name
 * generated from the first address of the first IA_NA, which goes to that lease only (as in Kea; the others keep
 * the empty name). One per query, used on its thread.
 */
public final class RequestNames6 implements LeaseNamer6 {
    /** Decides the name for another place (the pipeline fires ddns6_update again, as Kea reprocesses the name). */
    @FunctionalInterface
    public interface Redecide {
        NameDecision at(Subnet6 subnet, Pool6 pool, Reservation6 reservation);
    }

    private final ClientNames6 names;
    private final NameDecision first;
    private final Subnet6 firstSubnet;
    private final Reservation6 firstReservation;
    private final Function<Subnet6, Reservation6> reservations;
    private final Redecide redecide;
    private final IaRequest firstNa;
    private final boolean generate;
    private Map<String, NameDecision> elsewhere; // rare: created on first use

    /**
     * @param first        the decision for the selected subnet (no pool), after ddns6_update
     * @param reservations the client's reservation in a subnet ({@code ClientContext6::reservationIn})
     * @param ias          the query's IAs, in order: the first IA_NA's first lease gets a generated name
     * @param generate     whether a missing name is generated (Kea does not for an ADVERTISE)
     */
    public RequestNames6(ClientNames6 names, NameDecision first, Subnet6 firstSubnet, Reservation6 firstReservation,
                         Function<Subnet6, Reservation6> reservations, Redecide redecide, List<IaRequest> ias,
                         boolean generate) {
        this.names = names;
        this.first = first;
        this.firstSubnet = firstSubnet;
        this.firstReservation = firstReservation;
        this.reservations = reservations;
        this.redecide = redecide;
        this.firstNa = ias.stream().filter(ia -> ia.type() == LeaseType6.NA).findFirst().orElse(null);
        this.generate = generate;
    }

    /** The name and directions before anything is chosen (what the context carries). */
    public LeaseName name() {
        return new LeaseName(first.hostname(), first.forward(), first.reverse());
    }

    @Override
    public LeaseName nameAt(Subnet6 subnet, IaRequest ia, Bytes address, int position) {
        Pool6 pool = ia.type() == LeaseType6.NA ? poolOf(subnet, address) : null;
        NameDecision d = decisionAt(subnet, pool);
        if (generate && ia == firstNa && position == 0 && d.needsGeneratedName()) d = generated(d, subnet, pool, address);
        return new LeaseName(d.hostname(), d.forward(), d.reverse());
    }

    /**
     * The decision the reply answers with, for the subnet and pool of the first address granted (the exchange's
     * after allocation): the generated name when the first IA_NA got an address, as its lease was named.
     */
    public NameDecision answer(Subnet6 subnet, Pool6 pool, List<IaDecision> decisions) {
        NameDecision d = decisionAt(subnet, pool);
        if (!generate || !d.needsGeneratedName()) return d;
        for (IaDecision x : decisions) {
            if (x.ia().type() != LeaseType6.NA) continue;
            // Kea's answer: the first IA_NA's first address, when it carries one with a valid lifetime
            if (x instanceof IaDecision.Granted g && g.leases().getFirst().validLifetime() > 0) {
                return generated(d, subnet, pool, g.leases().getFirst().address());
            }
            break;
        }
        return d;
    }

    private NameDecision generated(NameDecision d, Subnet6 subnet, Pool6 pool, Bytes address) {
        return d.withGeneratedName(ClientNamePolicy.generate(Ipv6.toInet(address),
                DnsUpdates6.scope(subnet, pool, names.ddns().enabled()), true));
    }

    private NameDecision decisionAt(Subnet6 subnet, Pool6 pool) {
        Reservation6 reservation = reservations.apply(subnet);
        if (samePlace(subnet, pool, reservation)) return first;
        if (elsewhere == null) elsewhere = new HashMap<>(4);
        String key = subnet.id() + "/" + (pool == null ? "" : pool.first().toHex());
        return elsewhere.computeIfAbsent(key, _ -> redecide.at(subnet, pool, reservation));
    }

    /** Whether the first decision holds at this place; the common case is settled without building scopes. */
    private boolean samePlace(Subnet6 subnet, Pool6 pool, Reservation6 reservation) {
        boolean plainPool = pool == null
                || pool.ddns() == null && pool.hostnameCharSet() == null && pool.hostnameCharReplacement() == null;
        if (subnet == firstSubnet && reservation == firstReservation && plainPool) return true;
        return ClientNames6.sameScope(firstSubnet, null, firstReservation, subnet, pool, reservation);
    }

    private static Pool6 poolOf(Subnet6 subnet, Bytes address) {
        Pool6 out = null;
        for (Pool6 p : subnet.pools()) if (p.contains(address)) out = p; // the last, as the pipeline's granted stage
        return out;
    }
}
