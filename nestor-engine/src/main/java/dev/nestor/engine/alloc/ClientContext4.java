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
 */
public record ClientContext4(List<Subnet4> subnets, HwAddress hwAddress, Bytes clientId, int requestedAddress,
                             boolean fakeAllocation, Map<Long, Reservation4> reservations, Set<String> classes,
                             String hostname, long requestedLifetime, Lifetime classLifetime) {
    public ClientContext4 {
        if (subnets.isEmpty()) throw new IllegalArgumentException("no subnet");
        subnets = List.copyOf(subnets);
        reservations = Map.copyOf(reservations);
        classes = Set.copyOf(classes);
        hostname = hostname == null ? "" : hostname;
    }

    public Subnet4 selectedSubnet() { return subnets.getFirst(); }

    /** The reservation that applies in this subnet: the subnet's own, or a global one when the subnet allows. */
    public Reservation4 reservationIn(Subnet4 subnet) {
        Reservation4 own = subnet.params().reservationsInSubnet() ? reservations.get(subnet.id()) : null;
        if (own != null) return own;
        return subnet.params().reservationsGlobal() ? reservations.get(0L) : null;
    }
}
