package dev.nestor.transport;

import java.io.IOException;

/** Opens the FFM-based DHCPv4 transport (Linux). */
public final class Dhcp4Transports {
    private Dhcp4Transports() {}

    /**
     * Opens the sockets described by {@code options}. Fails with a clear message when a configured interface does
     * not exist, the port is in use, or raw mode lacks CAP_NET_RAW.
     */
    public static Dhcp4Transport open(TransportOptions options) throws IOException {
        return FfmDhcp4Transport.open(options);
    }
}
