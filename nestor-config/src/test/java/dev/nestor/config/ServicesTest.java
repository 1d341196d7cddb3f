package dev.nestor.config;

import dev.nestor.config.model.ControlSocketSpec;
import dev.nestor.config.model.Dhcp4Config;
import dev.nestor.config.model.HooksLibrarySpec;
import dev.nestor.config.model.LoggerConfig;
import dev.nestor.config.model.LoggerOutput;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServicesTest {
    @Test
    void hooksAreRecordedAsWritten() {
        Dhcp4Config c = Cfg.dhcp4("""
                "hooks-libraries": [ { "library": "/usr/lib/kea/hooks/libdhcp_lease_cmds.so" },
                                     { "library": "/opt/ha.so", "parameters": { "high-availability": [ { "mode": "hot-standby" } ] } } ]
                """);
        assertThat(c.hooksLibraries()).containsExactly(
                new HooksLibrarySpec("/usr/lib/kea/hooks/libdhcp_lease_cmds.so", "{}", "Dhcp4.hooks-libraries[0]"),
                new HooksLibrarySpec("/opt/ha.so", "{\"high-availability\":[{\"mode\":\"hot-standby\"}]}", "Dhcp4.hooks-libraries[1]"));
        assertThat(Cfg.errors("\"hooks-libraries\": [ { \"parameters\": {} } ]"))
                .containsExactly("Dhcp4.hooks-libraries[0]: hooks library configuration error: library parameter missing or empty");
    }

    @Test
    void oldSingleControlSocket() {
        Dhcp4Config c = Cfg.dhcp4("\"control-socket\": { \"socket-type\": \"unix\", \"socket-name\": \"/tmp/kea4-ctrl-socket\" }");
        ControlSocketSpec s = c.controlSockets().getFirst();
        assertThat(s.socketType()).isEqualTo("unix");
        assertThat(s.socketName()).isEqualTo("/tmp/kea4-ctrl-socket");
        assertThat(s.path()).isEqualTo("Dhcp4.control-socket");
        assertThat(s.json()).contains("kea4-ctrl-socket");
    }

    @Test
    void kea3ControlSocketList() {
        Dhcp4Config c = Cfg.dhcp4("""
                "control-sockets": [ { "socket-type": "unix", "socket-name": "kea4-ctrl-socket" },
                                     { "socket-type": "http", "socket-port": 8004,
                                       "authentication": { "type": "basic", "clients": [ { "user": "a", "password": "b" } ] } },
                                     { "socket-type": "https", "socket-address": "::1", "socket-port": 8005,
                                       "cert-file": "c", "key-file": "k", "trust-anchor": "t", "cert-required": true } ]
                """);
        assertThat(c.controlSockets()).hasSize(3);
        ControlSocketSpec http = c.controlSockets().get(1);
        assertThat(http.socketType()).isEqualTo("http");
        assertThat(http.socketAddress()).isEqualTo("127.0.0.1");
        assertThat(http.socketPort()).isEqualTo(8004);
        assertThat(http.json()).contains("\"authentication\"");
        assertThat(http.path()).isEqualTo("Dhcp4.control-sockets[1]");
        assertThat(c.controlSockets().get(2).socketAddress()).isEqualTo("::1");
    }

    @Test
    void controlSocketErrors() {
        assertThat(Cfg.errors("""
                "control-sockets": [ { "socket-type": "unix" }, { "socket-type": "carrier-pigeon" },
                                     { "socket-type": "https", "socket-port": 8000 } ]
                """)).containsExactly(
                "Dhcp4.control-sockets[0]: 'socket-name' is required for a unix control socket",
                "Dhcp4.control-sockets[1].socket-type: unsupported 'socket-type' 'carrier-pigeon' not 'unix', 'http' or 'https'",
                "Dhcp4.control-sockets[2]: an https control socket needs 'cert-file' and 'key-file'");
        assertThat(Cfg.errors("\"control-socket\": { \"socket-type\": \"unix\", \"socket-name\": \"a\" }, \"control-sockets\": []"))
                .containsExactly("Dhcp4: only one of 'control-socket' and 'control-sockets' may be specified");
    }

    @Test
    void loggers() {
        Dhcp4Config c = Cfg.dhcp4("""
                "loggers": [
                  { "name": "kea-dhcp4", "severity": "debug", "debuglevel": 99,
                    "output-options": [ { "output": "/var/log/kea-dhcp4.log", "flush": false, "maxsize": 2048,
                                          "maxver": 4, "pattern": "%d %m\\n" }, { "output": "stdout" } ] },
                  { "name": "kea-dhcp4.leases", "output_options": [ { "output": "syslog:kea" } ] },
                  { "name": "kea-dhcp4.packets" } ]
                """);
        assertThat(c.loggers()).containsExactly(
                new LoggerConfig("kea-dhcp4", "DEBUG", 99, java.util.List.of(
                        new LoggerOutput("/var/log/kea-dhcp4.log", false, 2048, 4, "%d %m\n"),
                        new LoggerOutput("stdout", true, 10240000, 1, ""))),
                new LoggerConfig("kea-dhcp4.leases", "INFO", 0, java.util.List.of(new LoggerOutput("syslog:kea", true, 10240000, 1, ""))),
                new LoggerConfig("kea-dhcp4.packets", "INFO", 0, java.util.List.of()));
        assertThat(Cfg.errors("""
                "loggers": [ { "severity": "INFO" }, { "name": "x", "severity": "LOUD", "debuglevel": 100,
                               "output-options": [ { "flush": true } ] } ]
                """)).containsExactly(
                "Dhcp4.loggers[0]: loggers entry does not have a mandatory 'name' element",
                "Dhcp4.loggers[1].severity: Unsupported severity value 'LOUD'",
                "Dhcp4.loggers[1].debuglevel: value 100 is out of range 0..99",
                "Dhcp4.loggers[1].output-options[0]: output-options entry does not have a mandatory 'output' element");
    }

    @Test
    void ddnsConnectivityErrors() {
        assertThat(Cfg.errors("\"dhcp-ddns\": { \"ncr-protocol\": \"TCP\", \"server-ip\": \"dns\" }"))
                .containsExactly("Dhcp4.dhcp-ddns.server-ip: invalid address (dns) specified for parameter 'server-ip'",
                        "Dhcp4.dhcp-ddns.ncr-protocol: D2ClientConfig error: NCR Protocol: TCP is not yet supported");
    }
}
