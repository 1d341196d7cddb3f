package dev.nestor.hooks.v4;

import dev.nestor.common.net.Ipv4Prefix;
import java.util.Objects;

/**
 * A configured IPv4 subnet as hook libraries see it: a stable view (the server's config model may change between
 * releases; this does not). The full definition is in {@code HookContext.serverConfig()} under {@code subnet4}.
 *
 * @param sharedNetwork the enclosing shared network's name, or null
 */
public record SubnetInfo4(long id, Ipv4Prefix prefix, String sharedNetwork) {
    public SubnetInfo4 {
        Objects.requireNonNull(prefix, "prefix");
    }
}
