package dev.nestor.transport;

import java.util.List;
import java.util.Objects;

/**
 * How to open a {@link Dhcp4Transport}; mirrors Kea's {@code interfaces-config}.
 *
 * @param interfaces  Kea's {@code "interfaces"} list: names ({@code "eth0"}), {@code "*"} (all up, non-loopback
 *                    interfaces), or {@code "eth0/192.0.2.1"} (only that address of the interface). Empty = {@code "*"}.
 *                    Loopback is used only when named explicitly.
 * @param raw         {@code dhcp-socket-type} raw (Kea's default: replies to address-less clients are sent as frames to
 *                    their MAC) versus udp (such replies are broadcast)
 * @param serverPort  port to listen on (67)
 * @param clientPort  port replies to clients go to (68); informational for the server, kept here as Kea keeps it with the sockets
 * @param bindAddress address to bind the receive socket to, 0 = 0.0.0.0 (needed to receive broadcasts)
 */
public record TransportOptions(List<String> interfaces, boolean raw, int serverPort, int clientPort, int bindAddress) {
    public static final int DEFAULT_SERVER_PORT = 67;
    public static final int DEFAULT_CLIENT_PORT = 68;

    public TransportOptions {
        interfaces = List.copyOf(Objects.requireNonNull(interfaces, "interfaces"));
        for (String spec : interfaces) InterfaceSpec.parse(spec);
        UdpDatagram.checkPort(serverPort);
        UdpDatagram.checkPort(clientPort);
    }

    /** Bound to 0.0.0.0. */
    public TransportOptions(List<String> interfaces, boolean raw, int serverPort, int clientPort) {
        this(interfaces, raw, serverPort, clientPort, 0);
    }

    /** Kea's defaults: raw sockets on ports 67/68. */
    public static TransportOptions defaults(List<String> interfaces) {
        return new TransportOptions(interfaces, true, DEFAULT_SERVER_PORT, DEFAULT_CLIENT_PORT, 0);
    }

    /** The parsed {@link #interfaces()}. */
    public List<InterfaceSpec> interfaceSpecs() {
        return interfaces.stream().map(InterfaceSpec::parse).toList();
    }
}
