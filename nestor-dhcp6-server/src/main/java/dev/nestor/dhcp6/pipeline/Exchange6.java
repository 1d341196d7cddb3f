package dev.nestor.dhcp6.pipeline;

import dev.nestor.codec.v6.Dhcp6Message;
import dev.nestor.codec.v6.Dhcp6Packet;
import dev.nestor.codec.v6.RelayChain;
import dev.nestor.common.Bytes;
import dev.nestor.config.model.PdPool6;
import dev.nestor.config.model.Pool6;
import dev.nestor.config.model.Reservation6;
import dev.nestor.config.model.Subnet6;
import dev.nestor.dhcp6.Dhcp6Runtime;
import dev.nestor.transport.InboundDatagram6;

import java.util.Set;

/**
 * One DHCPv6 query on its way through the pipeline (Kea's Dhcpv6Exchange): each stage returns a new exchange with
 * what it learned, so the stages read top to bottom and never reach back.
 *
 * @param chain       the relay layers (outermost first) and the client's message
 * @param runtime     the config snapshot read once for this packet
 * @param duid        the client's DUID (CLIENTID), null for an INFORMATION-REQUEST without one
 * @param subnet      the selected subnet, or null before selection / when none matched
 * @param reservation the client's reservation in that subnet (or global), or null
 * @param pool        the address pool of the first address granted, for pool-level options; null when none
 * @param pdPool      the pd-pool of the first prefix granted; null when none
 */
public record Exchange6(InboundDatagram6 datagram, RelayChain chain, Dhcp6Runtime runtime, Bytes duid, Set<String> classes,
                        Subnet6 subnet, Reservation6 reservation, Pool6 pool, PdPool6 pdPool) {
    public Exchange6 {
        classes = Set.copyOf(classes);
    }

    /** The client's message (inside the relay layers, if any). */
    public Dhcp6Message query() { return chain.client(); }

    /** The packet as received: the outermost RELAY-FORW when relayed, else the client's message (what hooks see). */
    public Dhcp6Packet packet() { return chain.isRelayed() ? chain.outermost().orElseThrow() : chain.client(); }

    public Exchange6 withClasses(Set<String> c) { return new Exchange6(datagram, chain, runtime, duid, c, subnet, reservation, pool, pdPool); }

    public Exchange6 withSubnet(Subnet6 s) { return new Exchange6(datagram, chain, runtime, duid, classes, s, reservation, pool, pdPool); }

    public Exchange6 withReservation(Reservation6 r) { return new Exchange6(datagram, chain, runtime, duid, classes, subnet, r, pool, pdPool); }

    public Exchange6 withPools(Pool6 p, PdPool6 pd) { return new Exchange6(datagram, chain, runtime, duid, classes, subnet, reservation, p, pd); }
}
