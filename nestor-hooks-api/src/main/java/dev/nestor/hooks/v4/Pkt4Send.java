package dev.nestor.hooks.v4;

import dev.nestor.codec.v4.Dhcp4Packet;
import dev.nestor.common.Bytes;
import java.util.Objects;
import java.util.Set;

/**
 * {@code pkt4_send}: the response is about to be encoded. In: {@code query}, {@code subnet} (null when none),
 * {@code classes} (the query's classes at the end of processing, with KNOWN/UNKNOWN, reservation and additional
 * classes; since API 1.1).
 * In/out: {@code response} (add, change or remove options and fields here). Out: {@code wire}, read only with
 * SKIP.
 *
 * <p>Steps: SKIP = the server does not encode the response: it sends the {@link #withWire wire} bytes the callout
 * returned, or nothing when it returned none. DROP = the response is not sent.
 */
public record Pkt4Send(Dhcp4Packet query, Dhcp4Packet response, SubnetInfo4 subnet, Bytes wire, Set<String> classes) {
    public Pkt4Send {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(response, "response");
        classes = classes == null ? Set.of() : Set.copyOf(classes);
    }

    /** The API 1.0 form, without classes. */
    public Pkt4Send(Dhcp4Packet query, Dhcp4Packet response, SubnetInfo4 subnet, Bytes wire) {
        this(query, response, subnet, wire, Set.of());
    }

    public Pkt4Send withResponse(Dhcp4Packet r) { return new Pkt4Send(query, r, subnet, wire, classes); }

    public Pkt4Send withWire(Bytes w) { return new Pkt4Send(query, response, subnet, w, classes); }
}
