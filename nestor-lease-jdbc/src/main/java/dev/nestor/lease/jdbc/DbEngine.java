package dev.nestor.lease.jdbc;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLNonTransientConnectionException;
import java.util.Properties;

/**
 * The SQL servers Nestor stores leases in, with what differs between them below the lease SQL: the JDBC URL and
 * driver properties, how errors are classified, and how migration scripts are split into statements.
 */
public enum DbEngine {
    /** MySQL and MariaDB (Kea's {@code mysql}), through the MariaDB driver. */
    MYSQL("mysql", 3306, "db/mysql"),
    /** PostgreSQL (Kea's {@code postgresql}; kea-admin calls it {@code pgsql}). */
    POSTGRESQL("postgresql", 5432, "db/postgresql");

    private final String type;
    private final int defaultPort;
    private final String scriptDirectory;

    DbEngine(String type, int defaultPort, String scriptDirectory) {
        this.type = type;
        this.defaultPort = defaultPort;
        this.scriptDirectory = scriptDirectory;
    }

    /** The {@code lease-database.type} value. */
    public String type() { return type; }

    public int defaultPort() { return defaultPort; }

    /** Class-path directory of this engine's migration scripts. */
    String scriptDirectory() { return scriptDirectory; }

    /** The engine for a {@code type} value ({@code pgsql} is accepted as kea-admin spells it). */
    public static DbEngine ofType(String type) {
        if (type == null) throw new IllegalArgumentException("'type' is required");
        return switch (type) {
            case "mysql" -> MYSQL;
            case "postgresql", "pgsql" -> POSTGRESQL;
            default -> throw new IllegalArgumentException("not an SQL database type: '" + type + "'");
        };
    }

    /** The JDBC URL of the configured database (credentials and options go in {@link #driverProperties}). */
    public String jdbcUrl(DatabaseConfig c) {
        String host = c.host().contains(":") ? "[" + c.host() + "]" : c.host();
        return switch (this) {
            case MYSQL -> "jdbc:mariadb://" + host + ":" + c.port() + "/" + c.name();
            case POSTGRESQL -> "jdbc:postgresql://" + host + ":" + c.port() + "/" + c.name();
        };
    }

    /**
     * Driver properties for the configured connection: credentials, timeouts and TLS as Kea maps them.
     *
     * @throws IllegalArgumentException for a TLS setup the driver cannot do
     */
    public Properties driverProperties(DatabaseConfig c) {
        Properties p = new Properties();
        if (c.user() != null) p.setProperty("user", c.user());
        if (c.password() != null) p.setProperty("password", c.password());
        long socketMillis = c.socketTimeout().toMillis();
        switch (this) {
            case MYSQL -> {
                p.setProperty("connectTimeout", Long.toString(c.connectTimeout().toMillis()));
                if (socketMillis > 0) p.setProperty("socketTimeout", Long.toString(socketMillis));
                // Connector/J 4 turns TLS on by default; Kea uses TLS only with a trust anchor
                if (!c.tls()) {
                    p.setProperty("sslMode", "disable");
                } else {
                    p.setProperty("sslMode", "verify-full");
                    p.setProperty("serverSslCert", c.trustAnchor());
                    if (c.certFile() != null) {
                        if (!c.certFile().matches("(?i).*\\.(p12|pfx)$"))
                            throw new IllegalArgumentException("the MariaDB driver reads the client certificate and key"
                                    + " from one PKCS#12 file: give it as cert-file (and key-file) ending in .p12");
                        p.setProperty("keyStore", c.certFile());
                        p.setProperty("keyStoreType", "PKCS12");
                        if (c.keyPassword() != null) p.setProperty("keyStorePassword", c.keyPassword());
                    }
                }
            }
            case POSTGRESQL -> {
                p.setProperty("connectTimeout", Long.toString(Math.max(1, c.connectTimeout().toSeconds())));
                if (socketMillis > 0) p.setProperty("socketTimeout", Long.toString(Math.max(1, c.socketTimeout().toSeconds())));
                p.setProperty("ApplicationName", "nestor");
                if (!c.tls()) {
                    p.setProperty("sslmode", "disable");
                } else {
                    p.setProperty("sslmode", "verify-full");
                    p.setProperty("sslrootcert", c.trustAnchor());
                    if (c.certFile() != null) {
                        p.setProperty("sslcert", c.certFile());
                        p.setProperty("sslkey", c.keyFile());
                        if (c.keyPassword() != null) p.setProperty("sslpassword", c.keyPassword());
                    }
                }
            }
        }
        return p;
    }

    /** The JDBC driver class (named so that a pool created from a plugin class loader finds it). */
    String driverClassName() {
        return this == MYSQL ? "org.mariadb.jdbc.Driver" : "org.postgresql.Driver";
    }

    /** SQL run on every new connection, or {@code null}. */
    String connectionInitSql() {
        // expire is a TIMESTAMP: keep FROM_UNIXTIME/UNIX_TIMESTAMP free of daylight-saving ambiguity
        return this == MYSQL ? "SET time_zone = '+00:00'" : null;
    }

    /** Whether {@code e} is a unique-key violation. */
    public boolean isDuplicateKey(SQLException e) {
        return switch (this) {
            case MYSQL -> e.getErrorCode() == 1062 || e.getErrorCode() == 1586;
            case POSTGRESQL -> "23505".equals(e.getSQLState());
        };
    }

    /**
     * Whether the statement was rolled back because of a deadlock or a serialization conflict, so that running it
     * again is the right answer.
     */
    public boolean isRetryable(SQLException e) {
        String state = e.getSQLState();
        if ("40001".equals(state) || "40P01".equals(state)) return true;
        return this == MYSQL && (e.getErrorCode() == 1213 || e.getErrorCode() == 1205);
    }

    /** Whether {@code e} means the server is unreachable or the connection broke (rather than a bad statement). */
    public boolean isConnectionProblem(SQLException e) {
        if (e instanceof SQLTransientConnectionException || e instanceof SQLNonTransientConnectionException) return true;
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P03")
                || state.equals("HY000") && e.getErrorCode() == 2013);
    }

    /** SQL counting tables called {@code ?} in the connection's database and schema. */
    String tableExistsSql() {
        return switch (this) {
            case MYSQL -> "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = ?";
            case POSTGRESQL -> "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema()"
                    + " AND table_name = ?";
        };
    }
}
