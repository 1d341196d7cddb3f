package dev.nestor.hooks.v6;

import dev.nestor.codec.v6.Dhcp6Packet;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/** {@code pkt6_receive}: a query was parsed and classified. In/out: {@code query}, {@code classes}. Steps: SKIP or DROP = drop. */
public record Pkt6Receive(Envelope6 envelope, Dhcp6Packet query, Set<String> classes) {
    public Pkt6Receive {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(query, "query");
        classes = Set.copyOf(classes);
    }

    public Pkt6Receive withQuery(Dhcp6Packet q) { return new Pkt6Receive(envelope, q, classes); }

    public Pkt6Receive withClasses(Set<String> c) { return new Pkt6Receive(envelope, query, c); }

    public Pkt6Receive withClass(String name) {
        Set<String> c = new LinkedHashSet<>(classes);
        c.add(name);
        return withClasses(c);
    }
}
