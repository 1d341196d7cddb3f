package dev.nestor.hooks.v6;

import dev.nestor.codec.net.Ipv6Prefix;
import java.util.Objects;

/** A configured IPv6 subnet as hook libraries see it (see {@code SubnetInfo4}). */
public record SubnetInfo6(long id, Ipv6Prefix prefix, String sharedNetwork) {
    public SubnetInfo6 {
        Objects.requireNonNull(prefix, "prefix");
    }
}
