package dev.nestor.hooks.v6;

import dev.nestor.codec.v6.Dhcp6Packet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * {@code subnet6_select}: In: {@code query}, {@code classes}, {@code subnets}. In/out: {@code subnet} (one of
 * {@code subnets}, or null). Steps: SKIP = no subnet; DROP = drop.
 */
public record Subnet6Select(Envelope6 envelope, Dhcp6Packet query, Set<String> classes, SubnetInfo6 subnet,
                            List<SubnetInfo6> subnets) {
    public Subnet6Select {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(query, "query");
        classes = Set.copyOf(classes);
        subnets = List.copyOf(subnets);
    }

    public Subnet6Select withSubnet(SubnetInfo6 s) { return new Subnet6Select(envelope, query, classes, s, subnets); }
}
