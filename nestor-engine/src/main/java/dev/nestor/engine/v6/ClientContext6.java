package dev.nestor.engine.v6;

import dev.nestor.common.Bytes;
import dev.nestor.common.net.HwAddress;
import dev.nestor.config.model.Lifetime;
import dev.nestor.config.model.Reservation6;
import dev.nestor.config.model.Subnet6;
import dev.nestor.engine.alloc.LeaseName;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything the DHCPv6 allocation engine needs about one query, in one value (Kea's ClientContext6).
 *
 * @param subnets        the selected subnet first, then the other subnets of its shared network the client may use
 * @param duid           the client's DUID (CLIENTID)
 * @param hwAddress      the client's hardware address when known (stored in the lease), or null
 * @param fakeAllocation true for a SOLICIT answered with ADVERTISE: leases are chosen but nothing is written
 * @param reservations   the client's reservation per subnet id (0 = global), already looked up
 * @param classes        the client's classes
 * @param hostname       host name to store in the lease, "" if none
 * @param classValid     valid-lifetime of the first of the client's classes that sets one, or null
 * @param fqdnFwd        the leases' forward DNS update flag (Kea's fwd_dns_update_)
 * @param fqdnRev        the leases' reverse DNS update flag (Kea's rev_dns_update_)
 * @param namer          names each chosen lease (the generated name, pool or other subnet DDNS values); null =
 *                       every lease gets hostname, fqdnFwd and fqdnRev
 */
public record ClientContext6(List<Subnet6> subnets, Bytes duid, HwAddress hwAddress, boolean fakeAllocation,
                             Map<Long, Reservation6> reservations, Set<String> classes, String hostname,
                             Lifetime classValid, boolean fqdnFwd, boolean fqdnRev, LeaseNamer6 namer) {
    public ClientContext6 {
        if (subnets.isEmpty()) throw new IllegalArgumentException("no subnet");
        subnets = List.copyOf(subnets);
        Objects.requireNonNull(duid, "duid");
        if (duid.isEmpty()) throw new IllegalArgumentException("empty DUID");
        reservations = Map.copyOf(reservations);
        classes = Set.copyOf(classes);
        hostname = hostname == null ? "" : hostname;
    }

    /** A context whose leases get {@code hostname} and no DNS update. */
    public ClientContext6(List<Subnet6> subnets, Bytes duid, HwAddress hwAddress, boolean fakeAllocation,
                          Map<Long, Reservation6> reservations, Set<String> classes, String hostname, Lifetime classValid) {
        this(subnets, duid, hwAddress, fakeAllocation, reservations, classes, hostname, classValid, false, false, null);
    }

    /** The same query with the client-name decision: its name and directions, and how to name a chosen lease. */
    public ClientContext6 withName(LeaseName name, LeaseNamer6 namer) {
        return new ClientContext6(subnets, duid, hwAddress, fakeAllocation, reservations, classes, name.hostname(),
                classValid, name.forward(), name.reverse(), namer);
    }

    /** The name a lease of the IA is written with ({@link LeaseNamer6#nameAt}). */
    public LeaseName nameAt(Subnet6 subnet, IaRequest ia, Bytes address, int position) {
        return namer == null ? new LeaseName(hostname, fqdnFwd, fqdnRev) : namer.nameAt(subnet, ia, address, position);
    }

    public Subnet6 selectedSubnet() { return subnets.getFirst(); }

    /** The reservation that applies in this subnet: the subnet's own, or a global one when the subnet allows. */
    public Reservation6 reservationIn(Subnet6 subnet) {
        Reservation6 own = subnet.params().reservationsInSubnet() ? reservations.get(subnet.id()) : null;
        if (own != null) return own;
        return subnet.params().reservationsGlobal() ? reservations.get(0L) : null;
    }

    public Subnet6 subnet(long id) {
        for (Subnet6 s : subnets) if (s.id() == id) return s;
        return null;
    }
}
