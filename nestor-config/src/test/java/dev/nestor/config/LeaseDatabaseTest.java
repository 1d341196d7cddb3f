package dev.nestor.config;

import dev.nestor.config.model.Dhcp4Config;
import dev.nestor.config.model.Dhcp6Config;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code lease-database} with the SQL backends: Kea's parameters, checked with their JSON paths. */
class LeaseDatabaseTest {

    @Test
    void mysqlWithEveryKeaParameter() {
        Dhcp4Config c = Cfg.dhcp4("""
                "lease-database": { "type": "mysql", "name": "kea", "host": "db.example.org", "port": 3306,
                  "user": "kea", "password": "secret", "connect-timeout": 5, "read-timeout": 10, "write-timeout": 20,
                  "max-reconnect-tries": 5, "reconnect-wait-time": 2000, "on-fail": "serve-retry-continue",
                  "retry-on-startup": true, "trust-anchor": "/etc/ca.pem", "cert-file": "/etc/c.pem",
                  "key-file": "/etc/k.pem", "cipher-list": "AES", "readonly": false, "comment": "x" }
                """);
        assertThat(c.leaseDatabaseType()).isEqualTo("mysql");
        assertThat(c.leaseDatabase()).containsEntry("name", "kea").containsEntry("host", "db.example.org")
                .containsEntry("port", "3306").containsEntry("user", "kea").containsEntry("password", "secret")
                .containsEntry("connect-timeout", "5").containsEntry("read-timeout", "10")
                .containsEntry("write-timeout", "20").containsEntry("max-reconnect-tries", "5")
                .containsEntry("reconnect-wait-time", "2000").containsEntry("on-fail", "serve-retry-continue")
                .containsEntry("retry-on-startup", "true").containsEntry("trust-anchor", "/etc/ca.pem")
                .containsEntry("cert-file", "/etc/c.pem").containsEntry("key-file", "/etc/k.pem")
                .containsEntry("cipher-list", "AES").containsEntry("readonly", "false")
                .doesNotContainKey("comment");
    }

    @Test
    void postgresqlInDhcp6() {
        Dhcp6Config c = Cfg6.dhcp6("""
                "lease-database": { "type": "postgresql", "name": "kea", "tcp-user-timeout": 10,
                  "on-fail": "stop-retry-exit", "max-reconnect-tries": 3, "reconnect-wait-time": 100 }
                """);
        assertThat(c.leaseDatabaseType()).isEqualTo("postgresql");
        assertThat(c.leaseDatabase()).containsEntry("tcp-user-timeout", "10").containsEntry("on-fail", "stop-retry-exit");
    }

    @Test
    void badValuesAreReportedWithTheirPaths() {
        assertThat(Cfg.errors("""
                "lease-database": { "type": "postgresql", "port": 70000, "connect-timeout": -1, "on-fail": "retry",
                  "retry-on-startup": "yes", "max-reconnect-tries": "3", "read-timeout": 5, "host": 12,
                  "cert-file": "/etc/c.pem" }
                """)).containsExactlyInAnyOrder(
                "Dhcp4.lease-database: must specify a name for the database ('name') of a postgresql lease database",
                "Dhcp4.lease-database.port: value 70000 is out of range 0..65535",
                "Dhcp4.lease-database.connect-timeout: value -1 is out of range 0..4294967295",
                "Dhcp4.lease-database.on-fail: unsupported on-fail 'retry', expected stop-retry-exit, serve-retry-exit or serve-retry-continue",
                "Dhcp4.lease-database.retry-on-startup: must be a boolean (true or false)",
                "Dhcp4.lease-database.max-reconnect-tries: must be an integer",
                "Dhcp4.lease-database.read-timeout: read-timeout value is only supported by the mysql backend",
                "Dhcp4.lease-database.host: must be a string",
                "Dhcp4.lease-database.cert-file: 'cert-file' needs 'key-file' (the private key of the client certificate)",
                "Dhcp4.lease-database.cert-file: 'cert-file' needs 'trust-anchor' (TLS is on only with a trust anchor)");
    }

    @Test
    void unknownTypeAndMysqlOnlyTimeouts() {
        assertThat(Cfg.errors("""
                "lease-database": { "type": "cql", "name": "kea" }
                """)).containsExactly(
                "Dhcp4.lease-database.type: unknown backend database type: cql (expected memfile, mysql or postgresql)");
        assertThat(Cfg6.errors("""
                "lease-database": { "type": "mysql", "name": "", "tcp-user-timeout": 3 }
                """)).containsExactlyInAnyOrder(
                "Dhcp6.lease-database.name: must specify a name for the database ('name') of a mysql lease database",
                "Dhcp6.lease-database.tcp-user-timeout: tcp-user-timeout value is only supported by the postgresql backend");
        assertThat(Cfg.errors("""
                "lease-database": { "type": "mysql", "name": "kea", "unknown-thing": 1 }
                """)).containsExactly("Dhcp4.lease-database: unknown parameter 'unknown-thing' in lease-database");
    }

    @Test
    void nestorExtensions() {
        assertThat(Cfg.dhcp4("""
                "lease-database": { "type": "memfile", "nestor-sync": "fsync" }
                """).leaseDatabase()).containsEntry("nestor-sync", "fsync");
        assertThat(Cfg.dhcp4("""
                "lease-database": { "type": "postgresql", "name": "kea", "pool-size": 4 }
                """).leaseDatabase()).containsEntry("pool-size", "4");
        assertThat(Cfg.errors("""
                "lease-database": { "type": "mysql", "name": "kea", "pool-size": 0, "nestor-sync": "always" }
                """)).containsExactlyInAnyOrder("Dhcp4.lease-database.pool-size: value 0 is out of range 1..1000",
                "Dhcp4.lease-database.nestor-sync: unsupported nestor-sync 'always', expected write, fsync or none");
    }

    @Test
    void hostDatabasesAreParsedInOrderWithTheLeaseDatabaseParameters() {
        assertThat(Cfg.dhcp4("""
                "hosts-databases": [ { "type": "postgresql", "name": "kea", "readonly": true },
                                     { "type": "mysql", "name": "kea2", "host": "db.example.org", "port": 3307 } ]
                """).hostsDatabases()).containsExactly(
                Map.of("type", "postgresql", "name", "kea", "readonly", "true"),
                Map.of("type", "mysql", "name", "kea2", "host", "db.example.org", "port", "3307"));
        assertThat(Cfg.dhcp4("""
                "hosts-database": { "type": "mysql", "name": "kea", "on-fail": "serve-retry-continue" }
                """).hostsDatabases()).containsExactly(Map.of("type", "mysql", "name", "kea", "on-fail", "serve-retry-continue"));
        assertThat(Cfg.dhcp4("").hostsDatabases()).isEmpty();
    }

    @Test
    void hostDatabasesNeedAnSqlTypeAndAName() {
        assertThat(Cfg.errors("""
                "hosts-databases": [ { "type": "memfile" }, { "name": "x" }, { "type": "postgresql" },
                                     { "type": "mysql", "name": "k", "readonly": "yes" } ]
                """)).containsExactlyInAnyOrder(
                "Dhcp4.hosts-databases[0].type: memfile is not a hosts database type (expected mysql or postgresql)",
                "Dhcp4.hosts-databases[1]: database access parameters must include the keyword 'type' to determine type"
                        + " of database to be accessed",
                "Dhcp4.hosts-databases[2]: must specify a name for the database ('name') of a postgresql hosts database",
                "Dhcp4.hosts-databases[3].readonly: must be a boolean (true or false)");
        assertThat(Cfg.errors("""
                "hosts-database": { "type": "mysql", "name": "a" }, "hosts-databases": [ ]
                """)).containsExactly("Dhcp4.hosts-databases: only one of hosts-database and hosts-databases may be configured");
    }

    /** Kea's backends.json example, with the commented-out SQL lease-database switched on instead of memfile. */
    @ParameterizedTest
    @CsvSource({"kea4, mysql", "kea4, postgresql", "kea6, mysql", "kea6, postgresql"})
    void keaBackendsExampleWithTheSqlBlockSwitchedOn(String dir, String type) throws Exception {
        Path file = Path.of(LeaseDatabaseTest.class.getResource("/kea-examples/" + dir + "/backends.json").toURI());
        String text = switchOn(Files.readAllLines(file), type);
        if (dir.equals("kea4")) {
            Dhcp4Config c = Dhcp4ConfigParser.parse(ConfigText.parse(text, null));
            assertThat(c.leaseDatabase()).containsEntry("type", type).containsEntry("name", "keatest")
                    .containsEntry("max-reconnect-tries", "3").containsEntry("on-fail", "stop-retry-exit")
                    .containsEntry("retry-on-startup", "false").containsEntry("connect-timeout", "3");
        } else {
            Dhcp6Config c = Dhcp6ConfigParser.parse(ConfigText.parse(text, null));
            assertThat(c.leaseDatabase()).containsEntry("type", type).containsEntry("reconnect-wait-time", "3000");
        }
    }

    /** Comments out the active lease-database block and uncomments the one of {@code type}. */
    private static String switchOn(List<String> lines, String type) {
        List<String> out = new ArrayList<>();
        int mode = 0; // 1 = commenting the active block, 2 = uncommenting the chosen one
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (mode == 0 && l.startsWith("  \"lease-database\"")) mode = 1;
            if (mode == 0 && l.startsWith("//  \"lease-database\"") && i + 1 < lines.size()
                    && lines.get(i + 1).contains("\"type\": \"" + type + "\"")) mode = 2;
            String t = switch (mode) {
                case 1 -> "//" + l;
                case 2 -> l.substring(2);
                default -> l;
            };
            out.add(t);
            if (mode == 1 && l.startsWith("  },") || mode == 2 && t.startsWith("  },")) mode = 0;
        }
        return String.join("\n", out);
    }
}
