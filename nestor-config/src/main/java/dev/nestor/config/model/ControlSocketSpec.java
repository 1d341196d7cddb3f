package dev.nestor.config.model;

import java.util.Objects;

/**
 * One control socket, from {@code control-socket} (older single map) or {@code control-sockets} (Kea 3.0 list).
 *
 * @param socketType    "unix", "http" or "https"
 * @param socketName    unix socket path, "" for http(s)
 * @param socketAddress http(s) listen address, "" for unix (Kea's default for http is 127.0.0.1)
 * @param socketPort    http(s) port, 0 for unix (Kea's default for http is 8000)
 * @param json          the entry's JSON text (TLS, authentication and headers are read from it later)
 */
public record ControlSocketSpec(String socketType, String socketName, String socketAddress, int socketPort,
                                String path, String json) {
    public ControlSocketSpec {
        Objects.requireNonNull(socketType, "socketType");
        socketName = socketName == null ? "" : socketName;
        socketAddress = socketAddress == null ? "" : socketAddress;
        path = path == null ? "" : path;
        json = json == null ? "{}" : json;
    }
}
