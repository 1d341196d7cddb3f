package dev.nestor.control.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP(S) control listener, from a Kea 3.0 {@code control-sockets} entry ({@code socket-type} http/https,
 * {@code socket-address}, {@code socket-port}) or from the Control Agent's top level ({@code http-host},
 * {@code http-port}); both share {@code authentication}, {@code trust-anchor}, {@code cert-file},
 * {@code key-file}, {@code cert-required} and {@code http-headers}. As in Kea, TLS is on when the three TLS files
 * are given (all or none), and an https socket without them is an error.
 *
 * @param auth null when the listener does not authenticate
 * @param tls  null for plain HTTP
 * @param path JSON path of the entry, for messages
 */
public record HttpControlConfig(String socketType, String address, int port, List<HttpHeader> headers,
                                BasicAuth auth, TlsSettings tls, String path) {
    /** Kea's defaults for an HTTP control socket. */
    public static final String DEFAULT_ADDRESS = "127.0.0.1";
    public static final int DEFAULT_PORT = 8000;

    public HttpControlConfig {
        Objects.requireNonNull(socketType, "socketType");
        Objects.requireNonNull(address, "address");
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port out of range: " + port);
        headers = List.copyOf(headers);
        path = path == null ? "" : path;
    }

    public Optional<BasicAuth> authentication() {
        return Optional.ofNullable(auth);
    }

    public Optional<TlsSettings> tlsSettings() {
        return Optional.ofNullable(tls);
    }

    /** A daemon's {@code control-sockets} entry of type http or https. */
    public static HttpControlConfig parse(JsonNode entry, String path) throws ControlConfigException {
        return parse(entry, path, "socket-address", "socket-port", true);
    }

    /** The Control Agent's own listener: {@code http-host} and {@code http-port} in the {@code Control-agent} map. */
    public static HttpControlConfig parseAgent(JsonNode agent, String path) throws ControlConfigException {
        return parse(agent, path, "http-host", "http-port", false);
    }

    private static HttpControlConfig parse(JsonNode o, String path, String addressKey, String portKey, boolean socketEntry)
            throws ControlConfigException {
        if (o == null || !o.isObject()) throw new ControlConfigException(path, "expected map type");
        String type = socketEntry ? string(o, "socket-type", path, "http") : "http";
        if (!type.equals("http") && !type.equals("https")) {
            throw new ControlConfigException(path + ".socket-type", "unsupported 'socket-type' '" + type + "' not 'http' or 'https'");
        }
        if (socketEntry && o.has("socket-name")) {
            throw new ControlConfigException(path + ".socket-name", "parameter 'socket-name' is not supported by "
                    + (type.equals("http") ? "HTTP" : "HTTPS") + " control sockets");
        }
        String address = string(o, addressKey, path, DEFAULT_ADDRESS);
        try {
            // literal addresses only: a host name would need a DNS lookup at start-up (Kea also wants an address)
            if (!address.matches("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*")) throw new UnknownHostException(address);
            InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new ControlConfigException(path + "." + addressKey, "failed to convert '" + address + "' to address");
        }
        int port = DEFAULT_PORT;
        JsonNode p = o.get(portKey);
        if (p != null) {
            if (!p.isIntegralNumber()) throw new ControlConfigException(path + "." + portKey, "invalid type specified for parameter '" + portKey + "'");
            long v = p.asLong();
            if (v < 0 || v > 65535) throw new ControlConfigException(path + "." + portKey, "out of range value " + v + " specified for parameter '" + portKey + "'");
            port = (int) v;
        }
        List<HttpHeader> headers = new ArrayList<>();
        JsonNode h = o.get("http-headers");
        if (h != null && !h.isNull()) {
            if (!h.isArray()) throw new ControlConfigException(path + ".http-headers", "http-headers must be a list");
            int i = 0;
            for (JsonNode e : h) {
                String hp = path + ".http-headers[" + i++ + "]";
                String name = string(e, "name", hp, "");
                if (name.isEmpty()) throw new ControlConfigException(hp, "missing or empty 'name'");
                headers.add(new HttpHeader(name, string(e, "value", hp, "")));
            }
        }
        BasicAuth auth = null;
        JsonNode a = o.get("authentication");
        if (a != null && !a.isNull()) auth = BasicAuth.parse(a, path + ".authentication");
        TlsSettings tls = tls(o, path, type.equals("https"));
        return new HttpControlConfig(type, address, port, headers, auth, tls, path);
    }

    /** Kea's checkTlsSetup: all three TLS parameters or none; https requires them. */
    private static TlsSettings tls(JsonNode o, String path, boolean required) throws ControlConfigException {
        String ca = string(o, "trust-anchor", path, "");
        String cert = string(o, "cert-file", path, "");
        String key = string(o, "key-file", path, "");
        boolean certRequired = true;
        JsonNode cr = o.get("cert-required");
        if (cr != null) {
            if (!cr.isBoolean()) throw new ControlConfigException(path + ".cert-required", "invalid type specified for parameter 'cert-required'");
            certRequired = cr.booleanValue();
        }
        if (ca.isEmpty() && cert.isEmpty() && key.isEmpty()) {
            if (required) throw new ControlConfigException(path, "no TLS setup for a HTTPS control socket");
            return null;
        }
        if (ca.isEmpty()) throw new ControlConfigException(path, "trust-anchor parameter is missing or empty: all or none of TLS parameters must be set");
        if (cert.isEmpty()) throw new ControlConfigException(path, "cert-file parameter is missing or empty: all or none of TLS parameters must be set");
        if (key.isEmpty()) throw new ControlConfigException(path, "key-file parameter is missing or empty: all or none of TLS parameters must be set");
        return new TlsSettings(Path.of(ca), Path.of(cert), Path.of(key), certRequired);
    }

    private static String string(JsonNode o, String key, String path, String dflt) throws ControlConfigException {
        JsonNode v = o.get(key);
        if (v == null || v.isNull()) return dflt;
        if (!v.isTextual()) throw new ControlConfigException(path + "." + key, "invalid type specified for parameter '" + key + "'");
        return v.textValue();
    }
}
