package dev.nestor.hooks.v4;

import dev.nestor.codec.v4.Dhcp4Packet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * {@code subnet4_select}: the server chose a subnet for the query. In: {@code envelope}, {@code query},
 * {@code classes}, {@code subnets} (every configured subnet). In/out: {@code subnet}, null when none matched; a
 * callout may pick another one of {@code subnets} (anything else is ignored with a warning).
 *
 * <p>Steps: SKIP = no subnet (processing goes on, severely limited: DISCOVER gets no offer, REQUEST a NAK when
 * authoritative). DROP = drop the packet.
 */
public record Subnet4Select(Envelope4 envelope, Dhcp4Packet query, Set<String> classes, SubnetInfo4 subnet,
                            List<SubnetInfo4> subnets) {
    public Subnet4Select {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(query, "query");
        classes = Set.copyOf(classes);
        subnets = List.copyOf(subnets);
    }

    public Subnet4Select withSubnet(SubnetInfo4 s) { return new Subnet4Select(envelope, query, classes, s, subnets); }

    /** The same event with the configured subnet of this id selected. @throws IllegalArgumentException if none */
    public Subnet4Select withSubnetId(long id) {
        for (SubnetInfo4 s : subnets) if (s.id() == id) return withSubnet(s);
        throw new IllegalArgumentException("no subnet with id " + id);
    }
}
