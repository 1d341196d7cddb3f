package dev.nestor.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nestor.it.harness.ClientLease;
import dev.nestor.it.harness.Dhclient;
import dev.nestor.it.harness.Dhcp4Config;
import dev.nestor.it.harness.DhcpRelay;
import dev.nestor.it.harness.Ipv4Text;
import dev.nestor.it.harness.LeaseFile;
import dev.nestor.it.harness.RelaySegment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * (c) A client on 198.51.100.0/24 behind ISC dhcrelay (giaddr 198.51.100.1; the relay's other leg is 192.0.2.3 on
 * the server's network) gets an address of the server's 198.51.100.0/24 subnet, selected by giaddr. Its release
 * goes by unicast through the relay as a router, and the server deletes the lease.
 */
class RelayTest extends LabTest {
    RelaySegment seg;
    DhcpRelay relay;

    @BeforeAll
    void setUp() {
        createLab("192.0.2.1/24", "dhclient", "dhcrelay");
        Dhcp4Config config = Dhcp4Config.basic(lab).option("domain-name-servers", "192.0.2.53");
        Dhcp4Config.addOption(config.subnet(1, "192.0.2.0/24", "192.0.2.100 - 192.0.2.199"), "routers", "192.0.2.1");
        Dhcp4Config.addOption(config.subnet(2, "198.51.100.0/24", "198.51.100.100 - 198.51.100.199"), "routers", "198.51.100.1");
        startServer(config);
        seg = lab.addRelay("rly", "192.0.2.3/24", "198.51.100.1/24", null);
        relay = DhcpRelay.start(lab, seg, lab.serverAddress());
        dump.add("dhcrelay", relay::diagnostics);
    }

    @AfterAll
    void stopRelay() {
        if (relay != null) relay.close();
    }

    @Test
    void relayedClientGetsAddressFromTheRelaySubnet() {
        Dhclient c = client(new Dhclient(lab, seg.client()));
        ClientLease lease = c.obtain();

        assertThat(Ipv4Text.inRange(lease.address(), "198.51.100.100", "198.51.100.199"))
                .as("relayed client got %s, expected the 198.51.100.0/24 pool", lease.address()).isTrue();
        assertThat(lease.routers()).as("routers of subnet 2").containsExactly("198.51.100.1");
        assertThat(lease.env().get("new_dhcp_server_identifier")).as("server identifier").isEqualTo("192.0.2.1");

        String mac = seg.client().mac();
        LeaseFile.Row row = awaitLeases("lease of relayed client", f -> f.currentFor(mac).isPresent()).currentFor(mac).orElseThrow();
        assertThat(row.address()).isEqualTo(lease.address());
        assertThat(row.subnetId()).as("subnet selected by giaddr").isEqualTo(2);

        c.release();
        awaitLeases("relayed lease deleted after DHCPRELEASE",
                f -> f.last(lease.address()).map(LeaseFile.Row::isDeletion).orElse(false));
    }
}
