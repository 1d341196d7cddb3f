package dev.nestor.hooks.v4;

import dev.nestor.codec.v4.Dhcp4Packet;
import dev.nestor.lease.Lease4;
import java.util.Objects;

/**
 * {@code lease4_select}: the allocation engine chose a lease, before it is written (REQUEST) or offered
 * (DISCOVER, {@code fakeAllocation} true). In: {@code query}, {@code subnet}, {@code fakeAllocation}. In/out:
 * {@code lease}: the server stores and sends what the callouts return, without further checks (except that the
 * address cannot change).
 *
 * <p>Steps: SKIP = no lease is assigned (DISCOVER: no offer; REQUEST: NAK).
 */
public record Lease4Select(Dhcp4Packet query, SubnetInfo4 subnet, boolean fakeAllocation, Lease4 lease) {
    public Lease4Select {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(subnet, "subnet");
        Objects.requireNonNull(lease, "lease");
    }

    public Lease4Select withLease(Lease4 l) { return new Lease4Select(query, subnet, fakeAllocation, l); }
}
