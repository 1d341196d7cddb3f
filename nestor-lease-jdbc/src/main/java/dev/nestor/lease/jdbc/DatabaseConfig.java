package dev.nestor.lease.jdbc;

import dev.nestor.lease.LeaseStoreException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The connection part of Kea's {@code lease-database} (and {@code hosts-database}) map, parsed and checked.
 *
 * @param engine            which SQL server ({@code type})
 * @param name              database name
 * @param host              server host name or address (Kea's default {@code localhost})
 * @param port              TCP port; the engine's default when the map has none or 0
 * @param user              user name, or {@code null}
 * @param password          password, or {@code null}
 * @param connectTimeout    how long to wait for a connection ({@code connect-timeout}, seconds; Kea's default 5)
 * @param readTimeout       socket read timeout ({@code read-timeout}, seconds), {@link Duration#ZERO} for none
 * @param writeTimeout      socket write timeout ({@code write-timeout}, seconds), {@link Duration#ZERO} for none;
 *                          the JDBC drivers have one socket timeout, so the larger of the two is used
 * @param maxReconnectTries {@code max-reconnect-tries}: reconnect attempts before {@link #onFail} applies
 * @param reconnectWait     {@code reconnect-wait-time} (milliseconds) between reconnect attempts
 * @param onFail            {@code on-fail}: what the server does when reconnecting fails
 * @param retryOnStartup    {@code retry-on-startup}: a server may start while the database is unreachable
 * @param trustAnchor       {@code trust-anchor}: CA file that turns TLS on and verifies the server, or {@code null}
 * @param certFile          {@code cert-file}: client certificate, or {@code null}
 * @param keyFile           {@code key-file}: client private key, or {@code null}
 * @param keyPassword       {@code key-password}, or {@code null}
 * @param poolSize          connections in the pool (Nestor's own {@code pool-size}, default 10)
 */
public record DatabaseConfig(DbEngine engine, String name, String host, int port, String user, String password,
                             Duration connectTimeout, Duration readTimeout, Duration writeTimeout,
                             int maxReconnectTries, Duration reconnectWait, OnFail onFail, boolean retryOnStartup,
                             String trustAnchor, String certFile, String keyFile, String keyPassword, int poolSize) {

    /** Kea's default {@code connect-timeout}. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final int DEFAULT_POOL_SIZE = 10;

    public DatabaseConfig {
        Objects.requireNonNull(engine, "engine");
        if (name == null || name.isBlank()) throw new IllegalArgumentException("database name missing");
        Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65535) throw new IllegalArgumentException("port out of range: " + port);
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(writeTimeout, "writeTimeout");
        Objects.requireNonNull(reconnectWait, "reconnectWait");
        Objects.requireNonNull(onFail, "onFail");
        if (maxReconnectTries < 0) throw new IllegalArgumentException("negative max-reconnect-tries");
        if (poolSize < 1) throw new IllegalArgumentException("pool-size must be at least 1");
        if ((certFile == null) != (keyFile == null))
            throw new IllegalArgumentException("cert-file and key-file must be given together");
        if (certFile != null && trustAnchor == null)
            throw new IllegalArgumentException("cert-file needs trust-anchor (TLS is on only with a trust anchor)");
    }

    /** Whether the connection uses TLS (Kea turns it on with {@code trust-anchor}). */
    public boolean tls() {
        return trustAnchor != null;
    }

    /** The socket timeout given to the driver: the larger of read and write timeout, zero for none. */
    public Duration socketTimeout() {
        return readTimeout.compareTo(writeTimeout) >= 0 ? readTimeout : writeTimeout;
    }

    /** A copy connecting to another database on the same server (tests, {@code nestor-admin db-init}). */
    public DatabaseConfig withName(String otherName) {
        return new DatabaseConfig(engine, otherName, host, port, user, password, connectTimeout, readTimeout,
                writeTimeout, maxReconnectTries, reconnectWait, onFail, retryOnStartup, trustAnchor, certFile, keyFile,
                keyPassword, poolSize);
    }

    /** A copy with another pool size. */
    public DatabaseConfig withPoolSize(int size) {
        return new DatabaseConfig(engine, name, host, port, user, password, connectTimeout, readTimeout,
                writeTimeout, maxReconnectTries, reconnectWait, onFail, retryOnStartup, trustAnchor, certFile, keyFile,
                keyPassword, size);
    }

    /**
     * Parses Kea's {@code lease-database} map (every value a string, as {@link dev.nestor.lease.LeaseStoreProvider}
     * receives it). Keys this class does not know (e.g. {@code type}, {@code persist}) are ignored.
     *
     * @throws LeaseStoreException naming the offending parameter
     */
    public static DatabaseConfig parse(Map<String, String> p) throws LeaseStoreException {
        String type = p.get("type");
        try {
            DbEngine engine = DbEngine.ofType(type);
            int port = intParam(p, "port", 0, 0, 65535);
            return new DatabaseConfig(engine, required(p, "name"), p.getOrDefault("host", "localhost"),
                    port == 0 ? engine.defaultPort() : port, p.get("user"), p.get("password"),
                    seconds(p, "connect-timeout", DEFAULT_CONNECT_TIMEOUT), seconds(p, "read-timeout", Duration.ZERO),
                    seconds(p, "write-timeout", Duration.ZERO),
                    intParam(p, "max-reconnect-tries", 0, 0, Integer.MAX_VALUE),
                    Duration.ofMillis(intParam(p, "reconnect-wait-time", 0, 0, Integer.MAX_VALUE)),
                    OnFail.of(p.getOrDefault("on-fail", OnFail.STOP_RETRY_EXIT.keyword())),
                    bool(p, "retry-on-startup"), blankToNull(p.get("trust-anchor")), blankToNull(p.get("cert-file")),
                    blankToNull(p.get("key-file")), blankToNull(p.get("key-password")),
                    intParam(p, "pool-size", DEFAULT_POOL_SIZE, 1, 1000));
        } catch (IllegalArgumentException e) {
            throw new LeaseStoreException("lease-database (" + type + "): " + e.getMessage(), e);
        }
    }

    private static String required(Map<String, String> p, String key) {
        String v = p.get(key);
        if (v == null || v.isBlank()) throw new IllegalArgumentException("'" + key + "' is required");
        return v;
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v;
    }

    private static int intParam(Map<String, String> p, String key, int dflt, int min, int max) {
        String v = p.get(key);
        if (v == null) return dflt;
        long n;
        try {
            n = Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + key + "' is not an integer: '" + v + "'");
        }
        if (n < min || n > max) throw new IllegalArgumentException("'" + key + "' out of range " + min + ".." + max + ": " + v);
        return (int) n;
    }

    private static Duration seconds(Map<String, String> p, String key, Duration dflt) {
        return p.containsKey(key) ? Duration.ofSeconds(intParam(p, key, 0, 0, Integer.MAX_VALUE)) : dflt;
    }

    private static boolean bool(Map<String, String> p, String key) {
        String v = p.get(key);
        if (v == null) return false;
        return switch (v.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("'" + key + "' must be true or false, not '" + v + "'");
        };
    }

    @Override
    public String toString() {
        // never print the password
        return "DatabaseConfig[" + engine.type() + " " + (user == null ? "" : user + "@") + host + ":" + port + "/" + name
                + " tls=" + tls() + " on-fail=" + onFail.keyword() + "]";
    }
}
