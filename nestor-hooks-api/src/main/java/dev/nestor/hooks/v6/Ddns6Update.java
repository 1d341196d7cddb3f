package dev.nestor.hooks.v6;

import dev.nestor.codec.v6.Dhcp6Message;
import java.util.Objects;

/**
 * {@code ddns6_update}: the host name and DNS update directions chosen for the client's leases, before name change
 * requests are sent to D2 (Kea fires it in processClientFqdn, when the client sent a Client FQDN option or the
 * server supplies one). In: {@code query} (the client's message), {@code response} (a skeleton carrying the Client
 * FQDN option the server answers with), {@code subnet}. In/out: {@code hostname}, {@code forwardUpdate},
 * {@code reverseUpdate}. Steps: none.
 */
public record Ddns6Update(Dhcp6Message query, Dhcp6Message response, SubnetInfo6 subnet, String hostname,
                          boolean forwardUpdate, boolean reverseUpdate) {
    public Ddns6Update {
        Objects.requireNonNull(query, "query");
        hostname = hostname == null ? "" : hostname;
    }

    public Ddns6Update withHostname(String h) { return new Ddns6Update(query, response, subnet, h, forwardUpdate, reverseUpdate); }

    public Ddns6Update withUpdates(boolean fwd, boolean rev) { return new Ddns6Update(query, response, subnet, hostname, fwd, rev); }
}
