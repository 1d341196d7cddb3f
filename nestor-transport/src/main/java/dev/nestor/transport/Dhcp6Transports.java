package dev.nestor.transport;

import java.io.IOException;

/** Opens the FFM-based DHCPv6 transport (Linux). */
public final class Dhcp6Transports {
    private Dhcp6Transports() {}

    /**
     * Opens the socket described by {@code options} and joins ff02::1:2 on the listened interfaces. Fails with a clear
     * message when a configured interface or address does not exist, or the port is in use.
     */
    public static Dhcp6Transport open(Transport6Options options) throws IOException {
        return FfmDhcp6Transport.open(options);
    }
}
