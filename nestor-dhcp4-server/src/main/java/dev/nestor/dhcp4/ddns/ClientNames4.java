package dev.nestor.dhcp4.ddns;

import dev.nestor.codec.v4.Dhcp4Packet;
import dev.nestor.codec.v4.OptionCodes4;
import dev.nestor.common.Bytes;
import dev.nestor.common.net.Ipv4;
import dev.nestor.config.model.Pool4;
import dev.nestor.config.model.Reservation4;
import dev.nestor.config.model.Subnet4;
import dev.nestor.ddns.client.ClientFqdn;
import dev.nestor.ddns.client.ClientNamePolicy;
import dev.nestor.ddns.client.DdnsClient;
import dev.nestor.ddns.client.DdnsScope;
import dev.nestor.ddns.client.NameDecision;
import dev.nestor.common.net.HwAddress;
import dev.nestor.config.model.Dhcp4Config;
import dev.nestor.engine.alloc.AllocationEngine4;
import dev.nestor.lease.Lease4;
import dev.nestor.lease.LeaseState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The client-name stage of the DHCPv4 pipeline (Kea's {@code processClientName} and {@code postAllocateNameUpdate}):
 * reads option 81 or 12 from the query, decides with {@link ClientNamePolicy}, completes the decision once the
 * address is known ({@link RequestNames4} hands both to the allocation engine, which writes the lease with its name
 * and update directions) and writes the answer option into the response.
 */
public final class ClientNames4 {
    private static final Logger log = LoggerFactory.getLogger("dev.nestor.dhcp4.ddns");
    /** Kea's ddns-tuning class: clients in it get their name but no DNS update. */
    public static final String SKIP_DDNS = "SKIP_DDNS";

    private final DdnsClient ddns;

    public ClientNames4(DdnsClient ddns) {
        this.ddns = ddns;
    }

    /** The DDNS client the names are decided for (its connection decides whether updates are enabled). */
    public DdnsClient ddns() {
        return ddns;
    }

    /**
     * The decision for a query in a subnet (and pool, once the address is known): option 81 when present and
     * readable, else option 12. A client in class SKIP_DDNS keeps its name but gets no update.
     */
    public NameDecision decide(Dhcp4Packet query, Subnet4 subnet, Pool4 pool, Reservation4 reservation, Set<String> classes) {
        DdnsScope scope = DnsUpdates4.scope(subnet, pool, ddns.enabled());
        String reserved = reservation == null ? null : reservation.hostname();
        ClientNamePolicy policy = ddns.names();
        Optional<ClientFqdn> fqdn = clientFqdn(query);
        NameDecision d = fqdn.isPresent() ? policy.fqdn4(fqdn.get(), reserved, scope)
                : policy.hostname4(clientHostname(query), reserved, scope);
        if (classes.contains(SKIP_DDNS) && (d.forward() || d.reverse())) d = d.withHookResult(d.hostname(), false, false);
        return d;
    }

    /** Kea's {@code postAllocateNameUpdate}: an empty name becomes {@code <prefix>-<address>.<suffix>}. */
    public NameDecision complete(NameDecision d, Subnet4 subnet, Pool4 pool, int address) {
        if (!d.needsGeneratedName()) return d;
        DdnsScope scope = DnsUpdates4.scope(subnet, pool, ddns.enabled());
        // a name for the Host Name option goes without the trailing dot: some clients choke on it
        boolean dot = d.answer() == NameDecision.Answer.FQDN;
        return d.withGeneratedName(ClientNamePolicy.generate(Ipv4.toInet(address), scope, dot));
    }

    /** Whether two places give the same name decision: same DDNS scope and same reserved host name. */
    public static boolean sameScope(Subnet4 s1, Pool4 p1, Reservation4 r1, Subnet4 s2, Pool4 p2, Reservation4 r2) {
        return DnsUpdates4.scope(s1, p1, true).equals(DnsUpdates4.scope(s2, p2, true))
                && Objects.equals(r1 == null ? null : r1.hostname(), r2 == null ? null : r2.hostname());
    }

    /**
     * Kea's createNameChangeRequests after an ACK: the client's previous lease (same or other address) is compared
     * with the new one; another client's lease that was taken over (expired, not yet reclaimed) loses its records.
     *
     * @param replaced the lease the engine replaced at this address, or null
     * @param before   the client's lease found before allocation, or null
     */
    public void leaseGranted(Dhcp4Config config, Subnet4 subnet, Pool4 pool, HwAddress hw, Bytes clientId, Lease4 lease,
                             Lease4 replaced, Lease4 before) {
        if (!ddns.enabled()) return;
        Lease4 previous = before;
        if (replaced != null && replaced.state() == LeaseState.DEFAULT) {
            if (!AllocationEngine4.belongsToClient(replaced, hw, clientId)) DnsUpdates4.removed(ddns, config, replaced);
            else if (previous == null) previous = replaced;
        }
        ddns.leaseGranted(DnsUpdates4.dnsLease(lease), previous == null ? null : DnsUpdates4.dnsLease(previous),
                DnsUpdates4.params(subnet, pool));
    }

    /** The response with the answer option (81 or 12), when there is one. */
    public static Dhcp4Packet answer(Dhcp4Packet reply, NameDecision d) {
        return switch (d.answer()) {
            case NONE -> reply;
            case FQDN -> reply.withoutOption(OptionCodes4.HOST_NAME).withOption(OptionCodes4.CLIENT_FQDN, d.fqdn().encodeV4());
            case HOSTNAME -> d.hostnameOption().isEmpty() ? reply
                    : reply.withOption(OptionCodes4.HOST_NAME, Bytes.of(d.hostnameOption().getBytes(StandardCharsets.ISO_8859_1)));
        };
    }

    /**
     * Option 81 as Kea's lenient parser reads it: both N and S set → N cleared; an unreadable option is ignored (the
     * Host Name option is used instead).
     */
    static Optional<ClientFqdn> clientFqdn(Dhcp4Packet query) {
        Optional<Bytes> raw = query.option(OptionCodes4.CLIENT_FQDN);
        if (raw.isEmpty()) return Optional.empty();
        byte[] b = raw.get().toArray();
        if (b.length > 0 && (b[0] & (ClientFqdn.FLAG_N | ClientFqdn.FLAG_S)) == (ClientFqdn.FLAG_N | ClientFqdn.FLAG_S)) {
            b[0] &= (byte) ~ClientFqdn.FLAG_N;
        }
        try {
            return Optional.of(ClientFqdn.decodeV4(Bytes.of(b)));
        } catch (IllegalArgumentException e) {
            log.debug("DHCP4_CLIENT_FQDN ignored from {}: {}", query.hwAddress(), e.getMessage());
            return Optional.empty();
        }
    }

    /** Option 12's text (a NUL terminator some clients add is dropped), or null when absent. */
    static String clientHostname(Dhcp4Packet query) {
        return query.option(OptionCodes4.HOST_NAME).map(b -> {
            String s = new String(b.toArray(), StandardCharsets.ISO_8859_1);
            int nul = s.indexOf('\0');
            return nul >= 0 ? s.substring(0, nul) : s;
        }).orElse(null);
    }
}
