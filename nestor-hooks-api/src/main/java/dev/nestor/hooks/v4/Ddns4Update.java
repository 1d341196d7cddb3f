package dev.nestor.hooks.v4;

import dev.nestor.codec.v4.Dhcp4Packet;
import java.util.Objects;

/**
 * {@code ddns4_update}: the host name and DNS update directions chosen for a lease, before name change requests
 * are sent to D2. In: {@code query}, {@code response}, {@code subnet}. In/out: {@code hostname},
 * {@code forwardUpdate}, {@code reverseUpdate}. Steps: none. (Fired once DNS updates are implemented.)
 */
public record Ddns4Update(Dhcp4Packet query, Dhcp4Packet response, SubnetInfo4 subnet, String hostname,
                          boolean forwardUpdate, boolean reverseUpdate) {
    public Ddns4Update {
        Objects.requireNonNull(query, "query");
        hostname = hostname == null ? "" : hostname;
    }

    public Ddns4Update withHostname(String h) { return new Ddns4Update(query, response, subnet, h, forwardUpdate, reverseUpdate); }

    public Ddns4Update withUpdates(boolean fwd, boolean rev) { return new Ddns4Update(query, response, subnet, hostname, fwd, rev); }
}
