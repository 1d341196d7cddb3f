package dev.nestor.lease.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nestor.lease.LeaseStoreException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseConfigTest {

    @Test
    void keaParametersAreParsedWithKeaDefaults() throws Exception {
        DatabaseConfig c = DatabaseConfig.parse(Map.of("type", "mysql", "name", "kea", "user", "kea",
                "password", "secret"));
        assertThat(c.engine()).isEqualTo(DbEngine.MYSQL);
        assertThat(c.host()).isEqualTo("localhost");
        assertThat(c.port()).isEqualTo(3306);
        assertThat(c.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.onFail()).isEqualTo(OnFail.STOP_RETRY_EXIT);
        assertThat(c.retryOnStartup()).isFalse();
        assertThat(c.maxReconnectTries()).isZero();
        assertThat(c.tls()).isFalse();
        assertThat(c.toString()).doesNotContain("secret");
    }

    @Test
    void everyConnectionParameterIsRead() throws Exception {
        DatabaseConfig c = DatabaseConfig.parse(Map.ofEntries(Map.entry("type", "postgresql"),
                Map.entry("name", "leases"), Map.entry("host", "db.example.org"), Map.entry("port", "6543"),
                Map.entry("connect-timeout", "3"), Map.entry("read-timeout", "7"), Map.entry("write-timeout", "9"),
                Map.entry("max-reconnect-tries", "4"), Map.entry("reconnect-wait-time", "2500"),
                Map.entry("on-fail", "serve-retry-continue"), Map.entry("retry-on-startup", "true"),
                Map.entry("trust-anchor", "/etc/ca.pem"), Map.entry("cert-file", "/etc/c.pem"),
                Map.entry("key-file", "/etc/k.pem")));
        assertThat(c.engine()).isEqualTo(DbEngine.POSTGRESQL);
        assertThat(c.host()).isEqualTo("db.example.org");
        assertThat(c.port()).isEqualTo(6543);
        assertThat(c.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(c.socketTimeout()).isEqualTo(Duration.ofSeconds(9));
        assertThat(c.maxReconnectTries()).isEqualTo(4);
        assertThat(c.reconnectWait()).isEqualTo(Duration.ofMillis(2500));
        assertThat(c.onFail()).isEqualTo(OnFail.SERVE_RETRY_CONTINUE);
        assertThat(c.retryOnStartup()).isTrue();
        assertThat(c.tls()).isTrue();
        assertThat(DbEngine.POSTGRESQL.driverProperties(c)).containsEntry("sslmode", "verify-full")
                .containsEntry("sslrootcert", "/etc/ca.pem").containsEntry("sslcert", "/etc/c.pem")
                .containsEntry("sslkey", "/etc/k.pem");
    }

    @Test
    void withoutTrustAnchorTheMariadbDriverDoesNotUseTls() throws Exception {
        DatabaseConfig c = DatabaseConfig.parse(Map.of("type", "mysql", "name", "kea"));
        assertThat(DbEngine.MYSQL.driverProperties(c)).containsEntry("sslMode", "disable");
        assertThat(DbEngine.MYSQL.jdbcUrl(c)).isEqualTo("jdbc:mariadb://localhost:3306/kea");
    }

    @Test
    void invalidValuesNameTheParameter() {
        assertThatThrownBy(() -> DatabaseConfig.parse(Map.of("type", "mysql")))
                .isInstanceOf(LeaseStoreException.class).hasMessageContaining("'name'");
        assertThatThrownBy(() -> DatabaseConfig.parse(Map.of("type", "mysql", "name", "k", "port", "70000")))
                .isInstanceOf(LeaseStoreException.class).hasMessageContaining("'port'");
        assertThatThrownBy(() -> DatabaseConfig.parse(Map.of("type", "mysql", "name", "k", "on-fail", "panic")))
                .isInstanceOf(LeaseStoreException.class).hasMessageContaining("on-fail");
        assertThatThrownBy(() -> DatabaseConfig.parse(Map.of("type", "mysql", "name", "k", "retry-on-startup", "yes")))
                .isInstanceOf(LeaseStoreException.class).hasMessageContaining("retry-on-startup");
        assertThatThrownBy(() -> DatabaseConfig.parse(Map.of("type", "mysql", "name", "k", "cert-file", "/c.pem",
                "key-file", "/k.pem"))).isInstanceOf(LeaseStoreException.class).hasMessageContaining("trust-anchor");
        assertThatThrownBy(() -> DatabaseConfig.parse(Map.of("type", "cql", "name", "k")))
                .isInstanceOf(LeaseStoreException.class).hasMessageContaining("cql");
    }
}
