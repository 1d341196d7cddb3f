package dev.nestor.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nestor.it.harness.ClientLease;
import dev.nestor.it.harness.Dhcp6Config;
import dev.nestor.it.harness.Dhcpcd;
import dev.nestor.it.harness.Host;
import dev.nestor.it.harness.LeaseFile6;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * dhcpcd in DHCPv6 mode ({@code dhcpcd -6}) gets an address from nestor-dhcp6, with the lease in Kea's CSV row; after
 * a clean restart of the server the lease is still there: {@code lease6-get-all} over the control socket lists it,
 * and the same client (same DUID and IAID, its own lease forgotten) is given the same address again.
 */
class LeasePersistence6Test extends LabTest {
    Dhcp6Config config;

    @BeforeAll
    void setUp() {
        createLab6("2001:db8:1::1/64", "dhcpcd");
        config = Dhcp6Config.lan(lab);
        startServer(config);
    }

    @Test
    void dhcpcdGetsAnAddressThatSurvivesAServerRestart() {
        Host h = lab.addClient("d6", "02:00:00:00:06:0d");
        Dhcpcd first = client(Dhcpcd.v6(lab, h));
        ClientLease lease = first.obtain();
        assertThat(Dhcp6ClientTest.inRange(lease.address(), "2001:db8:1::100", "2001:db8:1::1ff"))
                .as("address %s in the pool", lease.address()).isTrue();
        assertThat(lease.dnsServers()).containsExactly("2001:db8:1::53");
        assertThat(lease.leaseTime()).as("valid lifetime").isEqualTo(600);

        LeaseFile6 file = awaitLeases6("dhcpcd's lease in the file", f -> f.currentFor(first.duid()).size() == 1);
        LeaseFile6.Row row = file.currentFor(first.duid()).getFirst();
        assertThat(row.address()).isEqualTo(lease.address());
        assertThat(row.iaid()).isEqualTo(1);
        assertThat(row.subnetId()).isEqualTo(1);
        assertThat(row.state()).isZero();
        assertThat(row.hwaddr()).as("hardware address from the DUID-LL").isEqualTo(h.mac());
        first.close(); // SIGTERM: dhcpcd exits without releasing

        stopServerCleanly();
        startServer(config);

        JsonNode all = server.control().command("lease6-get-all");
        assertThat(all.path("result").asInt()).as("lease6-get-all after restart: %s", all).isZero();
        List<JsonNode> leases = new ArrayList<>();
        all.path("arguments").path("leases").forEach(leases::add);
        assertThat(leases).as("leases after restart: %s", all).hasSize(1);
        JsonNode l = leases.getFirst();
        assertThat(l.path("ip-address").asText()).isEqualTo(lease.address());
        assertThat(l.path("duid").asText()).isEqualTo(first.duid());
        assertThat(l.path("iaid").asLong()).isEqualTo(1);
        assertThat(l.path("type").asText()).isEqualTo("IA_NA");
        assertThat(l.path("subnet-id").asInt()).isEqualTo(1);
        assertThat(l.path("state").asInt()).isZero();
        assertThat(server.control().statistic("subnet[1].assigned-nas")).as("recounted at start").isEqualTo(1);
        assertThat(server.control().statistic("subnet[1].pool[0].assigned-nas")).isEqualTo(1);
        assertThat(server.control().statistic("subnet[1].pool[0].total-nas")).isEqualTo(256);

        // a new dhcpcd with no remembered lease sends SOLICIT: the server finds the binding by DUID and IAID
        ClientLease again = client(Dhcpcd.v6(lab, h)).obtain();
        assertThat(again.reason()).as("a fresh exchange, not a reboot").isEqualTo("BOUND6");
        assertThat(again.address()).as("same address after restart").isEqualTo(lease.address());
    }
}
