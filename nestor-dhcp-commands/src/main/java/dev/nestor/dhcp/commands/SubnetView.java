package dev.nestor.dhcp.commands;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * A subnet as the shared command sets see it, whatever the protocol.
 *
 * @param prefix            canonical text, e.g. {@code 192.0.2.0/24} or {@code 2001:db8:1::/64}
 * @param sharedNetworkName null when the subnet is top-level
 * @param guarded           whether a client-class guard limits who may use it
 * @param inRange           whether an address (canonical text of this protocol) lies inside the prefix
 */
public record SubnetView(long id, String prefix, String sharedNetworkName, boolean guarded, Predicate<String> inRange) {
    public SubnetView {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(inRange, "inRange");
    }

    public boolean contains(String address) {
        return inRange.test(address);
    }
}
