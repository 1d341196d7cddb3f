package dev.nestor.config.model;

import java.util.List;

/**
 * Kea's {@code interfaces-config}. Interface entries keep Kea's text form ({@code "eth0"}, {@code "eth0/192.0.2.1"},
 * {@code "*"}).
 */
public record InterfacesConfig(List<String> interfaces, String dhcpSocketType, String outboundInterface, boolean reDetect,
                               int serviceSocketsMaxRetries, long serviceSocketsRetryWaitTime,
                               boolean serviceSocketsRequireAll) {
    public InterfacesConfig {
        interfaces = List.copyOf(interfaces);
        if (!dhcpSocketType.equals("raw") && !dhcpSocketType.equals("udp"))
            throw new IllegalArgumentException("dhcp-socket-type must be raw or udp: " + dhcpSocketType);
        if (!outboundInterface.equals("same-as-inbound") && !outboundInterface.equals("use-routing"))
            throw new IllegalArgumentException("outbound-interface must be same-as-inbound or use-routing: " + outboundInterface);
    }

    public InterfacesConfig(List<String> interfaces, String dhcpSocketType, String outboundInterface, boolean reDetect,
                            int serviceSocketsMaxRetries, long serviceSocketsRetryWaitTime) {
        this(interfaces, dhcpSocketType, outboundInterface, reDetect, serviceSocketsMaxRetries, serviceSocketsRetryWaitTime, false);
    }

    /** Kea's defaults: no interfaces, raw sockets, same-as-inbound, re-detect on. */
    public static InterfacesConfig defaults() {
        return new InterfacesConfig(List.of(), "raw", "same-as-inbound", true, 0, 5000, false);
    }
}
