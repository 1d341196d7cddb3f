package dev.nestor.hooks.v4;

import dev.nestor.codec.v4.Dhcp4Packet;
import dev.nestor.common.Bytes;
import dev.nestor.common.net.HwAddress;
import dev.nestor.lease.Lease4;
import java.util.Objects;

/**
 * {@code lease4_renew}: a client's REQUEST extends the lease it holds. In: {@code query}, {@code subnet},
 * {@code hwAddress}, {@code clientId} (null when absent or match-client-id is off). In/out: {@code lease}, the
 * renewed lease about to be written (the address cannot change).
 *
 * <p>Steps: SKIP = the lease is not updated in the store; the client is answered with the old values.
 */
public record Lease4Renew(Dhcp4Packet query, SubnetInfo4 subnet, HwAddress hwAddress, Bytes clientId, Lease4 lease) {
    public Lease4Renew {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(subnet, "subnet");
        Objects.requireNonNull(lease, "lease");
    }

    public Lease4Renew withLease(Lease4 l) { return new Lease4Renew(query, subnet, hwAddress, clientId, l); }
}
