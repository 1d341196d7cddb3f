package dev.nestor.hooks.v4;

import dev.nestor.codec.v4.Dhcp4Packet;
import dev.nestor.lease.Lease4;
import java.util.List;
import java.util.Optional;

/**
 * The DHCPv4 server's leases as a hook library may use them (Kea libraries reach the lease manager directly; Nestor
 * hands out this narrow service instead). Get it in {@code load} with
 * {@code context.service(LeaseService4.class)}; it always works on the lease store of the configuration in force.
 * Thread-safe. Since API 1.1.
 */
public interface LeaseService4 {
    /** {@return the stored lease of {@code address}, in any state} */
    Optional<Lease4> get(int address);

    /** {@return every stored lease (a snapshot; for building a library's own indexes in load)} */
    List<Lease4> all();

    /**
     * Declines an address on the server's own initiative (Kea's ping check): a declined lease without client
     * identity replaces whatever is stored for it (or is added), held for {@code decline-probation-period}, counted
     * in {@code declined-addresses}, and {@code lease4_server_decline} callouts run.
     *
     * @param query  the query whose answer would have used the address
     * @param lease  the lease that was to be offered (its subnet and pool are kept)
     * @return false when the store refused (the address changed meanwhile or the store failed)
     */
    boolean declineByServer(Dhcp4Packet query, Lease4 lease);
}
