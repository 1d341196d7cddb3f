package dev.nestor.transport;

import java.util.List;
import java.util.Objects;

/**
 * How to open a {@link Dhcp6Transport}; mirrors Kea's {@code Dhcp6 interfaces-config}.
 *
 * @param interfaces Kea's {@code "interfaces"} list: names ({@code "eth0"}: its link-local addresses and the
 *                   ff02::1:2 group), {@code "eth0/2001:db8::1"} (the same plus unicast to that address), or
 *                   {@code "*"} (all up, non-loopback interfaces). Empty = {@code "*"}, as in
 *                   {@link TransportOptions}. Loopback is used only when named explicitly.
 * @param serverPort port to listen on (547)
 * @param clientPort port replies to clients go to (546); informational for the server, kept with the sockets as Kea does
 */
public record Transport6Options(List<String> interfaces, int serverPort, int clientPort) {
    public static final int DEFAULT_SERVER_PORT = 547;
    public static final int DEFAULT_CLIENT_PORT = 546;

    public Transport6Options {
        interfaces = List.copyOf(Objects.requireNonNull(interfaces, "interfaces"));
        for (String spec : interfaces) InterfaceSpec6.parse(spec);
        UdpDatagram.checkPort(serverPort);
        UdpDatagram.checkPort(clientPort);
    }

    /** Ports 547/546. */
    public static Transport6Options defaults(List<String> interfaces) {
        return new Transport6Options(interfaces, DEFAULT_SERVER_PORT, DEFAULT_CLIENT_PORT);
    }

    /** The parsed {@link #interfaces()}. */
    public List<InterfaceSpec6> interfaceSpecs() {
        return interfaces.stream().map(InterfaceSpec6::parse).toList();
    }
}
