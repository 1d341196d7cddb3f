package dev.nestor.hooks.v6;

import dev.nestor.codec.v6.Dhcp6Packet;
import dev.nestor.common.Bytes;
import java.util.Objects;
import java.util.Set;

/**
 * {@code pkt6_send}: the reply is about to be encoded. In: {@code query}, {@code subnet}, {@code classes} (the
 * query's final classes; since API 1.1). In/out: {@code response}. Out: {@code wire} (with SKIP).
 * Steps: SKIP = send {@code wire} as returned (nothing when null) instead of encoding; DROP = not sent.
 */
public record Pkt6Send(Dhcp6Packet query, Dhcp6Packet response, SubnetInfo6 subnet, Bytes wire, Set<String> classes) {
    public Pkt6Send {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(response, "response");
        classes = classes == null ? Set.of() : Set.copyOf(classes);
    }

    /** The API 1.0 form, without classes. */
    public Pkt6Send(Dhcp6Packet query, Dhcp6Packet response, SubnetInfo6 subnet, Bytes wire) {
        this(query, response, subnet, wire, Set.of());
    }

    public Pkt6Send withResponse(Dhcp6Packet r) { return new Pkt6Send(query, r, subnet, wire, classes); }

    public Pkt6Send withWire(Bytes w) { return new Pkt6Send(query, response, subnet, w, classes); }
}
