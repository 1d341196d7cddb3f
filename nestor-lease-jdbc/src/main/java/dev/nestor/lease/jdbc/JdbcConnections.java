package dev.nestor.lease.jdbc;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.ServiceLoader;

/** Single unpooled connections, for tools ({@code nestor-admin}) and tests. */
public final class JdbcConnections {
    private JdbcConnections() {}

    /**
     * Opens a connection to the configured database with the same URL, credentials, timeouts and TLS settings a
     * store uses.
     */
    public static Connection open(DatabaseConfig config) throws SQLException {
        String url = config.engine().jdbcUrl(config);
        Driver driver = driverFor(url);
        Connection c = driver.connect(url, config.engine().driverProperties(config));
        if (c == null) throw new SQLException("the JDBC driver refused " + url);
        String init = config.engine().connectionInitSql();
        if (init != null) {
            try (var s = c.createStatement()) {
                s.execute(init);
            } catch (SQLException e) {
                c.close();
                throw e;
            }
        }
        return c;
    }

    private static Driver driverFor(String url) throws SQLException {
        for (Driver d : ServiceLoader.load(Driver.class, JdbcConnections.class.getClassLoader())) {
            if (d.acceptsURL(url)) return d;
        }
        return java.sql.DriverManager.getDriver(url);
    }
}
