package dev.nestor.engine.alloc;

import dev.nestor.common.Bytes;
import dev.nestor.common.net.HwAddress;
import dev.nestor.config.model.Lifetime;
import dev.nestor.config.model.Reservation4;
import dev.nestor.config.model.Subnet4;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the allocation engine needs to know about one request, in one value (Kea's ClientContext4):
 * adding a fact later does not change the engine's API.
 *
 * @param subnets            the selected subnet first, then the other subnets of its shared network the client may use
 * @param hwAddress          the client's hardware address
 * @param clientId           the client identifier used for lease matching; null when absent or match-client-id is off
 * @param requestedAddress   option 50, or ciaddr when renewing; 0 when none
 * @param fakeAllocation     true for DISCOVER (an offer: the lease is recorded only as an offer), false for REQUEST
 * @param reservations       the client's reservation per subnet id (0 = global), already looked up
 * @param classes            the client's classes
 * @param hostname           hostname to store in the lease, "" if none
 * @param requestedLifetime  option 51 hint, 0 when absent
 * @param classLifetime      valid-lifetime of the first of the client's classes that sets one, or null
 * @param fqdnFwd            the lease's forward DNS update flag (Kea's fwd_dns_update_)
 * @param fqdnRev            the lease's reverse DNS update flag (Kea's rev_dns_update_)
 * @param namer              names the lease at the chosen subnet and address (generated names, pool or other
 *                           subnet DDNS values); null = every lease gets hostname, fqdnFwd and fqdnRev
 */
public record ClientContext4(List<Subnet4> subnets, HwAddress hwAddress, Bytes clientId, int requestedAddress,
                             boolean fakeAllocation, Map<Long, Reservation4> reservations, Set<String> classes,
                             String hostname, long requestedLifetime, Lifetime classLifetime,
                             boolean fqdnFwd, boolean fqdnRev, LeaseNamer4 namer) {
    public ClientContext4 {
        if (subnets.isEmpty()) throw new IllegalArgumentException("no subnet");
        subnets = List.copyOf(subnets);
        reservations = Map.copyOf(reservations);
        classes = Set.copyOf(classes);
        hostname = hostname == null ? "" : hostname;
    }

    /** A context whose leases get {@code hostname} and no DNS update. */
    public ClientContext4(List<Subnet4> subnets, HwAddress hwAddress, Bytes clientId, int requestedAddress,
                          boolean fakeAllocation, Map<Long, Reservation4> reservations, Set<String> classes,
                          String hostname, long requestedLifetime, Lifetime classLifetime) {
        this(subnets, hwAddress, clientId, requestedAddress, fakeAllocation, reservations, classes, hostname,
                requestedLifetime, classLifetime, false, false, null);
    }

    /** The same request with the client-name decision: its name and directions, and how to name a chosen lease. */
    public ClientContext4 withName(LeaseName name, LeaseNamer4 namer) {
        return new ClientContext4(subnets, hwAddress, clientId, requestedAddress, fakeAllocation, reservations, classes,
                name.hostname(), requestedLifetime, classLifetime, name.forward(), name.reverse(), namer);
    }

    /** The name a lease of {@code address} in {@code subnet} is written with. */
    public LeaseName nameAt(Subnet4 subnet, int address) {
        return namer == null ? new LeaseName(hostname, fqdnFwd, fqdnRev) : namer.nameAt(subnet, address);
    }

    public Subnet4 selectedSubnet() { return subnets.getFirst(); }

    /** The reservation that applies in this subnet: the subnet's own, or a global one when the subnet allows. */
    public Reservation4 reservationIn(Subnet4 subnet) {
        Reservation4 own = subnet.params().reservationsInSubnet() ? reservations.get(subnet.id()) : null;
        if (own != null) return own;
        return subnet.params().reservationsGlobal() ? reservations.get(0L) : null;
    }
}
