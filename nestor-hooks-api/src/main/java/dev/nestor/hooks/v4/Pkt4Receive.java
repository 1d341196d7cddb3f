package dev.nestor.hooks.v4;

import dev.nestor.codec.v4.Dhcp4Packet;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * {@code pkt4_receive}: a query was parsed and classified. In: {@code envelope}. In/out: {@code query} and
 * {@code classes} (a callout may add a class, e.g. {@code DROP}, or change options).
 *
 * <p>Steps: SKIP or DROP = drop the packet (not counted, as in Kea).
 */
public record Pkt4Receive(Envelope4 envelope, Dhcp4Packet query, Set<String> classes) {
    public Pkt4Receive {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(query, "query");
        classes = Set.copyOf(classes);
    }

    public Pkt4Receive withQuery(Dhcp4Packet q) { return new Pkt4Receive(envelope, q, classes); }

    public Pkt4Receive withClasses(Set<String> c) { return new Pkt4Receive(envelope, query, c); }

    /** The same event with one more class. */
    public Pkt4Receive withClass(String name) {
        Set<String> c = new LinkedHashSet<>(classes);
        c.add(name);
        return withClasses(c);
    }
}
