package dev.nestor.dhcp6.ddns;

import dev.nestor.codec.v6.Dhcp6Message;
import dev.nestor.codec.v6.OptionCodes6;
import dev.nestor.common.Bytes;
import dev.nestor.common.wire.WireFormatException;
import dev.nestor.config.model.DdnsParams;
import dev.nestor.config.model.Dhcp6Config;
import dev.nestor.config.model.Pool6;
import dev.nestor.config.model.Reservation6;
import dev.nestor.config.model.Subnet6;
import dev.nestor.ddns.client.ClientFqdn;
import dev.nestor.ddns.client.ClientNamePolicy;
import dev.nestor.ddns.client.DdnsClient;
import dev.nestor.ddns.client.DdnsScope;
import dev.nestor.ddns.client.DnsLease;
import dev.nestor.ddns.client.NameDecision;
import dev.nestor.ddns.ncr.ChangeType;
import dev.nestor.engine.v6.IaDecision;
import dev.nestor.engine.v6.IaRequest;
import dev.nestor.lease.Lease6;
import dev.nestor.lease.LeaseStore6;
import dev.nestor.lease.LeaseType6;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The client-name stage of the DHCPv6 pipeline (Kea's {@code processClientFqdn}, {@code generateFqdn} and
 * {@code createNameChangeRequests}): reads option 39 from the query, decides with {@link ClientNamePolicy} (the
 * allocation engine writes the leases with the name and update directions through {@link RequestNames6}, which
 * also generates a name from the first IA_NA address when the client left it to the server), writes the answer
 * option into the reply, and sends the NameChangeRequests once the leases are committed. DHCPv6 has no Host Name option: without option 39 (and a mode that supplies one) the leases only
 * carry the reserved host name, and no DNS update is made.
 */
public final class ClientNames6 {
    private static final Logger log = LoggerFactory.getLogger("dev.nestor.dhcp6.ddns");
    /** Kea's ddns-tuning class: clients in it get their name but no DNS update. */
    public static final String SKIP_DDNS = "SKIP_DDNS";
    /** RFC 4704's flag bits on the wire (N is 0x04 in DHCPv6, unlike option 81). */
    private static final int WIRE_S = 0x01;
    private static final int WIRE_O = 0x02;
    private static final int WIRE_N = 0x04;

    private final DdnsClient ddns;

    public ClientNames6(DdnsClient ddns) {
        this.ddns = Objects.requireNonNull(ddns, "ddns");
    }

    /** The DDNS client the names are decided for (its connection decides whether updates are enabled). */
    public DdnsClient ddns() {
        return ddns;
    }

    // ---- before allocation ----

    /**
     * Kea's processClientFqdn for a query in a subnet (and pool, once the address is known): option 39 when present
     * and readable; a reserved host name wins. A client in class SKIP_DDNS keeps its name but gets no update.
     */
    public NameDecision decide(Dhcp6Message query, Subnet6 subnet, Pool6 pool, Reservation6 reservation, Set<String> classes) {
        DdnsScope scope = DnsUpdates6.scope(subnet, pool, ddns.enabled());
        String reserved = reservation == null ? null : reservation.hostname();
        NameDecision d = ddns.names().fqdn6(clientFqdn(query).orElse(null), reserved, scope);
        if (classes.contains(SKIP_DDNS) && (d.forward() || d.reverse())) d = d.withHookResult(d.hostname(), false, false);
        return d;
    }

    /** Whether two places give the same name decision: same DDNS scope and same reserved host name. */
    public static boolean sameScope(Subnet6 s1, Pool6 p1, Reservation6 r1, Subnet6 s2, Pool6 p2, Reservation6 r2) {
        if (s1 == null || s2 == null) return s1 == s2;
        return DnsUpdates6.scope(s1, p1, true).equals(DnsUpdates6.scope(s2, p2, true))
                && Objects.equals(r1 == null ? null : r1.hostname(), r2 == null ? null : r2.hostname());
    }

    /**
     * The client's address leases before allocation, by address, for a committing query when DNS updates are on:
     * what Kea's {@code changed_leases_} hold (the name and directions a renewed lease had).
     */
    public Map<Bytes, Lease6> clientLeases(LeaseStore6 store, Bytes duid, List<IaRequest> ias) {
        if (!ddns.enabled() || duid == null) return Map.of();
        Map<Bytes, Lease6> out = new HashMap<>();
        for (IaRequest ia : ias) {
            if (ia.type() != LeaseType6.NA) continue;
            for (Lease6 l : store.getByDuidIaid(duid, ia.iaid(), LeaseType6.NA)) out.put(l.address(), l);
        }
        return out;
    }

    /** The reply with the Client FQDN option, when the server answers one (only then: Kea adds it nowhere else). */
    public static Dhcp6Message answer(Dhcp6Message reply, NameDecision d) {
        if (d.answer() != NameDecision.Answer.FQDN) return reply;
        ClientFqdn f = d.fqdn();
        int wire = (f.s() ? WIRE_S : 0) | (f.o() ? WIRE_O : 0) | (f.n() ? WIRE_N : 0);
        return reply.withOption(new dev.nestor.codec.v6.ClientFqdn(wire, f.name()));
    }

    // ---- DNS updates ----

    /**
     * Kea's createNameChangeRequests after a REPLY that commits leases: per IA_NA in order, its first address; a
     * reused lease is skipped; a renewed one whose name or directions changed (or any, with
     * {@code ddns-update-on-renew}) has its old records removed; the first address that needs them gets an ADD, and
     * that is the only one (Kea maps one name to one address). Then the records of leases the engine took away from
     * the client go.
     *
     * @param before the client's address leases before allocation ({@link #clientLeases})
     */
    public void leasesCommitted(Dhcp6Config config, Subnet6 subnet, Pool6 pool, NameDecision d, List<IaDecision> decisions,
                                Map<Bytes, Lease6> before) {
        if (!ddns.enabled()) return;
        for (IaDecision x : decisions) {
            List<Lease6> revoked = switch (x) {
                case IaDecision.Granted g -> g.revoked();
                case IaDecision.NoneAvailable n -> n.revoked();
                case IaDecision.NoBinding n -> n.revoked();
                case IaDecision.StoreFailed _ -> List.of();
            };
            // zero-lifetime entries for hints the client never held are no leases of its own
            for (Lease6 l : revoked) if (l.validLifetime() > 0) DnsUpdates6.removed(ddns, config, l);
            // another client's expired lease this client took over loses its records (Kea reclaims it first)
            if (x instanceof IaDecision.Granted g) for (Lease6 l : g.replaced()) DnsUpdates6.removed(ddns, config, l);
        }
        DdnsParams params = DnsUpdates6.params(subnet, pool);
        if (d.answer() != NameDecision.Answer.FQDN || !DnsUpdates6.scope(subnet, pool, true).enableUpdates()) return;
        for (IaDecision x : decisions) {
            if (x.ia().type() != LeaseType6.NA || !(x instanceof IaDecision.Granted g) || g.reused()) continue;
            Lease6 lease = g.leases().getFirst();
            DnsLease now = DnsUpdates6.dnsLease(lease);
            Lease6 old = before.get(lease.address());
            boolean extendedOnly = false;
            if (old != null) {
                if (!params.updateOnRenew() && now.hasIdenticalFqdn(DnsUpdates6.dnsLease(old))) extendedOnly = true;
                else DnsUpdates6.removed(ddns, config, old);
            }
            if (extendedOnly || !DnsUpdates6.named(lease)) continue;
            ddns.queue(ChangeType.ADD, now, params);
            return;
        }
    }

    /** Queues the removal of the records of leases the client gave back (RELEASE, DECLINE). */
    public void leasesRemoved(Dhcp6Config config, List<Lease6> leases) {
        for (Lease6 l : leases) DnsUpdates6.removed(ddns, config, l);
    }

    // ---- option 39 ----

    /**
     * The client's option 39 in the policy's form; empty when absent or unreadable (then it is ignored, as a
     * malformed option would be). A name that is only the root counts as no name.
     */
    static Optional<ClientFqdn> clientFqdn(Dhcp6Message query) {
        if (!query.hasOption(OptionCodes6.CLIENT_FQDN)) return Optional.empty();
        try {
            Optional<dev.nestor.codec.v6.ClientFqdn> o = query.clientFqdn();
            if (o.isEmpty()) return Optional.empty();
            int wire = o.get().flags();
            int flags = (wire & (WIRE_S | WIRE_O)) | ((wire & WIRE_N) != 0 ? ClientFqdn.FLAG_N : 0);
            String name = o.get().domainName();
            if (name.equals(".")) name = "";
            return Optional.of(ClientFqdn.v6(flags, name, o.get().fullyQualified() && !name.isEmpty()));
        } catch (WireFormatException | IllegalArgumentException e) {
            log.debug("DHCP6_CLIENT_FQDN ignored: {}", e.getMessage());
            return Optional.empty();
        }
    }
}
