package dev.nestor.daemon.ddns;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The daemon's command line and signals: -t, SIGHUP reloads (a bad file keeps the running config), SIGTERM stops. */
class NestorDdnsDaemonTest {
    static final String KEY1 = "\"tsig-keys\": [ { \"name\": \"k1\", \"algorithm\": \"HMAC-SHA256\", \"secret\": \"LSWXnfkKZjdPJI5QxlpnfQ==\" } ]";
    static final String KEY2 = "\"tsig-keys\": [ { \"name\": \"k2\", \"algorithm\": \"HMAC-MD5\", \"secret\": \"LSWXnfkKZjdPJI5QxlpnfQ==\" } ]";

    @Test
    void checkOnlyAcceptsTheBundledExampleAndRefusesABadFileWithItsPath(@TempDir Path dir) throws Exception {
        Path root = Path.of(System.getenv().getOrDefault("NESTOR_ROOT", "..")).toAbsolutePath();
        assertThat(new picocli.CommandLine(new NestorDdnsMain()).execute("-t", root.resolve("etc/nestor-ddns.json").toString()))
                .isZero();
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{ \"DhcpDdns\": { \"port\": 0 } }");
        assertThat(new picocli.CommandLine(new NestorDdnsMain()).execute("-t", bad.toString())).isEqualTo(1);
    }

    @Test
    void sighupReloadsTheFileAndSigtermStops(@TempDir Path dir) throws Exception {
        Tools.require("kill");
        try (NestorDdnsProcess d = NestorDdnsProcess.start(dir, KEY1)) {
            assertThat(d.stat("key[k1.].update-sent")).isZero();
            d.rewrite(KEY2);
            d.signal("HUP");
            await().atMost(Duration.ofSeconds(30)).until(() -> d.command("{ \"command\": \"config-get\" }")
                    .path("arguments").path("DhcpDdns").path("tsig-keys").path(0).path("name").asText().equals("k2"));
            assertThat(d.command("{ \"command\": \"statistic-get-all\" }").path("arguments").has("key[k2.].update-sent")).isTrue();

            // a broken file is refused; the running configuration stays
            d.rewrite("\"dns-server-timeout\": 0");
            d.signal("HUP");
            await().atMost(Duration.ofSeconds(30)).until(() -> d.describe().contains("DHCP_DDNS_CONFIG_FAIL"));
            assertThat(d.describe()).contains("D2Params: DNS server timeout must be larger than 0");
            assertThat(d.command("{ \"command\": \"config-get\" }").path("arguments").path("DhcpDdns")
                    .path("tsig-keys").path(0).path("name").asText()).isEqualTo("k2");

            d.signal("TERM");
            assertThat(d.awaitExit(Duration.ofSeconds(30))).isZero();
        }
    }
}
