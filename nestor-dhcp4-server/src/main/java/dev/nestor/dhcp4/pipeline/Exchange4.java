package dev.nestor.dhcp4.pipeline;

import dev.nestor.codec.v4.Dhcp4Packet;
import dev.nestor.config.model.Pool4;
import dev.nestor.config.model.Reservation4;
import dev.nestor.config.model.Subnet4;
import dev.nestor.dhcp4.Dhcp4Runtime;
import dev.nestor.transport.InboundDatagram;

import java.util.Set;

/**
 * One query on its way through the pipeline (Kea's Dhcpv4Exchange): each stage returns a new exchange with
 * what it learned, so the stages read top to bottom and never reach back.
 *
 * @param runtime     the config snapshot read once for this packet
 * @param subnet      the selected subnet, or null before selection / when none matched
 * @param reservation the client's reservation in that subnet (or global), or null
 * @param pool        the pool of the assigned address, or null
 * @param serverId    the server identifier this exchange answers with
 */
public record Exchange4(InboundDatagram datagram, Dhcp4Packet query, Dhcp4Runtime runtime, Set<String> classes,
                        Subnet4 subnet, Reservation4 reservation, Pool4 pool, int serverId) {
    public Exchange4 {
        classes = Set.copyOf(classes);
    }

    public Exchange4 withClasses(Set<String> c) { return new Exchange4(datagram, query, runtime, c, subnet, reservation, pool, serverId); }

    public Exchange4 withSubnet(Subnet4 s) { return new Exchange4(datagram, query, runtime, classes, s, reservation, pool, serverId); }

    public Exchange4 withReservation(Reservation4 r) { return new Exchange4(datagram, query, runtime, classes, subnet, r, pool, serverId); }

    public Exchange4 withPool(Pool4 p) { return new Exchange4(datagram, query, runtime, classes, subnet, reservation, p, serverId); }

    public Exchange4 withServerId(int id) { return new Exchange4(datagram, query, runtime, classes, subnet, reservation, pool, id); }
}
