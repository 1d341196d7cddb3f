package dev.nestor.config.model;

/** Kea's {@code dhcp-ddns} map: how the DHCP server reaches the DDNS daemon (D2). */
public record DdnsConnectivity(boolean enableUpdates, String serverIp, int serverPort, String senderIp, int senderPort,
                               int maxQueueSize, String ncrProtocol, String ncrFormat) {
    /** Kea's defaults (updates disabled). */
    public static DdnsConnectivity defaults() {
        return new DdnsConnectivity(false, "127.0.0.1", 53001, "0.0.0.0", 0, 1024, "UDP", "JSON");
    }
}
