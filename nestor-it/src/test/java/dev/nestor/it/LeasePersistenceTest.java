package dev.nestor.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nestor.it.harness.ClientLease;
import dev.nestor.it.harness.Dhclient;
import dev.nestor.it.harness.Dhcp4Config;
import dev.nestor.it.harness.Dhcpcd;
import dev.nestor.it.harness.Host;
import dev.nestor.it.harness.LeaseFile;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * (d) The memfile lease file holds the right rows (address, hwaddr, subnet_id, state, lifetime), and after a
 * clean restart the server still has the leases: lease4-get-all over the control socket lists them and a client
 * that forgot its lease is offered the same address again.
 */
class LeasePersistenceTest extends LabTest {
    Dhcp4Config config;

    @BeforeAll
    void setUp() {
        createLab("192.0.2.1/24", "dhclient", "dhcpcd");
        config = Dhcp4Config.basic(lab);
        Dhcp4Config.addOption(config.subnet(1, "192.0.2.0/24", "192.0.2.100 - 192.0.2.199"), "routers", "192.0.2.1");
        startServer(config);
    }

    @Test
    void leasesAreWrittenAndSurviveRestart() {
        Host a = lab.addClient("pa", "02:00:00:c0:02:0a");
        Host b = lab.addClient("pb", "02:00:00:c0:02:0b");
        ClientLease la = client(new Dhclient(lab, a)).obtain();
        Dhcpcd dhcpcd = client(new Dhcpcd(lab, b));
        ClientLease lb = dhcpcd.obtain();
        dhcpcd.close(); // SIGTERM: dhcpcd exits without releasing

        LeaseFile file = awaitLeases("both leases in the file",
                f -> f.currentFor(a.mac()).isPresent() && f.currentFor(b.mac()).isPresent());
        for (var e : Map.of(a, la, b, lb).entrySet()) {
            LeaseFile.Row row = file.currentFor(e.getKey().mac()).orElseThrow();
            assertThat(row.address()).as("address of %s", e.getKey().mac()).isEqualTo(e.getValue().address());
            assertThat(row.hwaddr()).isEqualToIgnoringCase(e.getKey().mac());
            assertThat(row.subnetId()).isEqualTo(1);
            assertThat(row.state()).as("state default (0)").isZero();
            assertThat(row.validLifetime()).isEqualTo(600);
            assertThat(row.expire()).as("expire = cltt + valid").isGreaterThan(System.currentTimeMillis() / 1000);
        }
        assertThat(file.current()).as("only these two leases").hasSize(2);

        stopServerCleanly();
        startServer(config);

        JsonNode all = server.control().command("lease4-get-all");
        assertThat(all.path("result").asInt()).as("lease4-get-all after restart: %s", all).isZero();
        Map<String, JsonNode> byMac = new HashMap<>();
        for (JsonNode l : all.path("arguments").path("leases")) byMac.put(l.path("hw-address").asText().toLowerCase(), l);
        for (var e : Map.of(a, la, b, lb).entrySet()) {
            JsonNode l = byMac.get(e.getKey().mac());
            assertThat(l).as("lease of %s after restart in %s", e.getKey().mac(), all).isNotNull();
            assertThat(l.path("ip-address").asText()).isEqualTo(e.getValue().address());
            assertThat(l.path("subnet-id").asInt()).isEqualTo(1);
            assertThat(l.path("state").asInt()).isZero();
        }

        // a new dhclient with an empty lease file sends DISCOVER; the server must offer the stored address
        ClientLease again = client(new Dhclient(lab, a)).obtain();
        assertThat(again.reason()).as("fresh DORA, not INIT-REBOOT").isEqualTo("BOUND");
        assertThat(again.address()).as("same address after restart").isEqualTo(la.address());
    }
}
