package dev.nestor.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nestor.it.harness.ClientLease;
import dev.nestor.it.harness.DhcpClient;
import dev.nestor.it.harness.Dhclient;
import dev.nestor.it.harness.Dhcp4Config;
import dev.nestor.it.harness.Dhcpcd;
import dev.nestor.it.harness.Host;
import dev.nestor.it.harness.Ipv4Text;
import dev.nestor.it.harness.Json;
import dev.nestor.it.harness.LeaseFile;
import dev.nestor.it.harness.Udhcpc;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * (a) Each real client gets a lease from the pool with the configured options, renews the same address (the
 * server records a later cltt) and releases it. On DHCPRELEASE Kea (2.2, no lease affinity) deletes the lease:
 * its memfile appends a row for the address with valid_lifetime 0, and lease4-get no longer finds it.
 */
class ClientInteropTest extends LabTest {
    static final String POOL_FIRST = "192.0.2.100";
    static final String POOL_LAST = "192.0.2.199";

    @BeforeAll
    void setUp() {
        createLab("192.0.2.1/24", "dhclient", "udhcpc", "dhcpcd");
        Dhcp4Config config = Dhcp4Config.basic(lab)
                .option("domain-name-servers", "192.0.2.53, 192.0.2.54")
                .option("domain-name", "example.org");
        Dhcp4Config.addOption(config.subnet(1, "192.0.2.0/24", POOL_FIRST + " - " + POOL_LAST), "routers", "192.0.2.1");
        startServer(config);
    }

    @Test
    void dhclientObtainsRenewsAndReleases() throws Exception {
        Host h = lab.addClient("dhcl", null);
        lifecycle(client(new Dhclient(lab, h)));
    }

    @Test
    void udhcpcObtainsRenewsAndReleases() throws Exception {
        Host h = lab.addClient("udhc", null);
        lifecycle(client(new Udhcpc(lab, h)));
    }

    @Test
    void dhcpcdObtainsRenewsAndReleases() throws Exception {
        Host h = lab.addClient("dcpd", null);
        lifecycle(client(new Dhcpcd(lab, h)));
    }

    private void lifecycle(DhcpClient c) throws Exception {
        String mac = c.host().mac();
        long acksBefore = server.control().statistic("pkt4-ack-sent");

        ClientLease lease = c.obtain();
        assertThat(Ipv4Text.inRange(lease.address(), POOL_FIRST, POOL_LAST))
                .as("%s got %s, outside pool %s-%s", c.name(), lease.address(), POOL_FIRST, POOL_LAST).isTrue();
        assertThat(lease.routers()).as("routers seen by %s's script", c.name()).containsExactly("192.0.2.1");
        assertThat(lease.dnsServers()).as("domain-name-servers seen by %s", c.name()).containsExactly("192.0.2.53", "192.0.2.54");
        assertThat(lease.domainName()).as("domain-name seen by %s", c.name()).isEqualTo("example.org");
        assertThat(lease.leaseTime()).as("lease time (valid-lifetime) seen by %s", c.name()).isEqualTo(600);

        LeaseFile.Row first = awaitLeases("lease row for " + mac, f -> f.currentFor(mac).isPresent()).currentFor(mac).orElseThrow();
        assertThat(first.address()).as("lease file address for %s", mac).isEqualTo(lease.address());
        assertThat(first.subnetId()).isEqualTo(1);
        assertThat(first.state()).as("state of a fresh lease").isZero();
        assertThat(first.validLifetime()).isEqualTo(600);
        assertThat(server.control().statistic("pkt4-ack-sent")).as("pkt4-ack-sent statistic grows").isGreaterThan(acksBefore);

        nextSecond();
        ClientLease renewed = c.renew();
        assertThat(renewed.address()).as("%s renewed address", c.name()).isEqualTo(lease.address());
        LeaseFile.Row second = awaitLeases("renewed row for " + mac,
                f -> f.currentFor(mac).map(r -> r.cltt() > first.cltt()).orElse(false)).currentFor(mac).orElseThrow();
        assertThat(second.address()).isEqualTo(lease.address());
        assertThat(second.cltt()).as("cltt after renewal").isGreaterThan(first.cltt());

        c.release();
        LeaseFile after = awaitLeases("lease of " + lease.address() + " removed after DHCPRELEASE",
                f -> f.last(lease.address()).map(LeaseFile.Row::isDeletion).orElse(false));
        assertThat(after.current()).as("current leases after release").doesNotContainKey(lease.address());
        JsonNode get = server.control().command("lease4-get",
                Json.MAPPER.createObjectNode().put("ip-address", lease.address()));
        assertThat(get.path("result").asInt()).as("lease4-get after release: %s", get).isEqualTo(3);
    }
}
