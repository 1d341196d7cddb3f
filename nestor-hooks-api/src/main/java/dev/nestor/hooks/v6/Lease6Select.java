package dev.nestor.hooks.v6;

import dev.nestor.codec.v6.Dhcp6Packet;
import dev.nestor.lease.Lease6;
import java.util.Objects;

/**
 * {@code lease6_select}: a lease (address or prefix) was chosen, before it is written ({@code fakeAllocation}
 * false) or advertised (true). In/out: {@code lease}. Steps: SKIP = this lease is not assigned.
 */
public record Lease6Select(Dhcp6Packet query, SubnetInfo6 subnet, boolean fakeAllocation, Lease6 lease) {
    public Lease6Select {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(subnet, "subnet");
        Objects.requireNonNull(lease, "lease");
    }

    public Lease6Select withLease(Lease6 l) { return new Lease6Select(query, subnet, fakeAllocation, l); }
}
