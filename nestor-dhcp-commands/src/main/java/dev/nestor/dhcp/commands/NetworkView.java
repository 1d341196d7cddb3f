package dev.nestor.dhcp.commands;

import java.util.List;
import java.util.Objects;

/** A shared network as the shared command sets see it: its name and its subnets' ids, in order. */
public record NetworkView(String name, List<Long> subnetIds) {
    public NetworkView {
        Objects.requireNonNull(name, "name");
        subnetIds = List.copyOf(subnetIds);
    }
}
