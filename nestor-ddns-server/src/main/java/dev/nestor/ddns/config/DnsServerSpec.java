package dev.nestor.ddns.config;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * One DNS server of a ddns-domain.
 *
 * @param keyName the TSIG key to sign with: the server's own {@code key-name}, else the domain's; "" = unsigned
 */
public record DnsServerSpec(InetAddress ipAddress, int port, String keyName, String path) {
    public DnsServerSpec {
        Objects.requireNonNull(ipAddress, "ipAddress");
        if (port < 1 || port > 65535) throw new IllegalArgumentException("port out of range: " + port);
        keyName = keyName == null ? "" : keyName;
        path = path == null ? "" : path;
    }

    public InetSocketAddress socketAddress() {
        return new InetSocketAddress(ipAddress, port);
    }
}
