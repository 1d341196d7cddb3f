package dev.nestor.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nestor.it.harness.ClientLease;
import dev.nestor.it.harness.Dhclient;
import dev.nestor.it.harness.Dhcp4Config;
import dev.nestor.it.harness.Host;
import dev.nestor.it.harness.Ipv4Text;
import dev.nestor.it.harness.LeaseFile;
import dev.nestor.it.harness.Udhcpc;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * (b) A host reservation by hardware address (the client's veth MAC is set to the reserved one): the client gets
 * the reserved address (outside the pool), the reserved hostname and the reservation's own domain-name-servers,
 * while a client without reservation gets a pool address and the global servers.
 */
class ReservationTest extends LabTest {
    static final String RESERVED_MAC = "02:00:00:c0:02:2a";
    static final String RESERVED_IP = "192.0.2.42";

    @BeforeAll
    void setUp() {
        createLab("192.0.2.1/24", "dhclient", "udhcpc");
        Dhcp4Config config = Dhcp4Config.basic(lab)
                .option("domain-name-servers", "192.0.2.53")
                .option("domain-name", "example.org");
        ObjectNode subnet = config.subnet(1, "192.0.2.0/24", "192.0.2.100 - 192.0.2.199");
        Dhcp4Config.addOption(subnet, "routers", "192.0.2.1");
        ObjectNode r = subnet.putArray("reservations").addObject()
                .put("hw-address", RESERVED_MAC).put("ip-address", RESERVED_IP).put("hostname", "reserved-host");
        Dhcp4Config.addOption(r, "domain-name-servers", "192.0.2.99");
        startServer(config);
    }

    @Test
    void reservedClientGetsItsAddressHostnameAndOptions() {
        Host h = lab.addClient("resv", RESERVED_MAC);
        ClientLease lease = client(new Dhclient(lab, h)).obtain();

        assertThat(lease.address()).as("reserved address").isEqualTo(RESERVED_IP);
        assertThat(lease.hostname()).as("reserved hostname (option 12)").isEqualTo("reserved-host");
        assertThat(lease.dnsServers()).as("reservation-level domain-name-servers").containsExactly("192.0.2.99");
        assertThat(lease.domainName()).as("global domain-name still applies").isEqualTo("example.org");
        assertThat(lease.routers()).as("subnet routers still apply").containsExactly("192.0.2.1");

        LeaseFile.Row row = awaitLeases("lease of reserved client", f -> f.currentFor(RESERVED_MAC).isPresent())
                .currentFor(RESERVED_MAC).orElseThrow();
        assertThat(row.address()).isEqualTo(RESERVED_IP);
        assertThat(row.hostname()).as("hostname stored with the lease").isEqualTo("reserved-host");
    }

    @Test
    void clientWithoutReservationGetsPoolAddressAndGlobalOptions() {
        Host h = lab.addClient("free", null);
        ClientLease lease = client(new Udhcpc(lab, h)).obtain();

        assertThat(Ipv4Text.inRange(lease.address(), "192.0.2.100", "192.0.2.199")).as("pool address, got %s", lease.address()).isTrue();
        assertThat(lease.dnsServers()).as("global domain-name-servers").containsExactly("192.0.2.53");
        assertThat(lease.hostname()).as("no reserved hostname for this client").isNotEqualTo("reserved-host");
    }
}
