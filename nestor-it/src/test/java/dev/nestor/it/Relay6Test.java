package dev.nestor.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nestor.it.harness.Dhclient6;
import dev.nestor.it.harness.Dhcp6Config;
import dev.nestor.it.harness.DhcpRelay6;
import dev.nestor.it.harness.LeaseFile6;
import dev.nestor.it.harness.RelaySegment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A client on 2001:db8:2::/64 behind ISC {@code dhcrelay -6 -I} (link-address 2001:db8:2::1; upper leg
 * 2001:db8:1::3 on the server's link, relaying to the server's unicast address 2001:db8:1::1) gets an address of
 * subnet 2, selected by the relay's link-address. The reply only reaches the client if the server echoed the
 * relay's interface-id in its RELAY-REPL.
 */
class Relay6Test extends LabTest {
    RelaySegment seg;
    DhcpRelay6 relay;

    @BeforeAll
    void setUp() {
        createLab6("2001:db8:1::1/64", "dhclient", "dhcrelay");
        Dhcp6Config config = Dhcp6Config.basic(lab);
        // the relay sends to our unicast address: listen on it as well as on ff02::1:2
        config.dhcp6().withObject("interfaces-config").putArray("interfaces").add(lab.serverIface() + "/2001:db8:1::1");
        ObjectNode s1 = config.subnet(1, "2001:db8:1::/64", "2001:db8:1::100 - 2001:db8:1::1ff");
        s1.put("interface", lab.serverIface());
        config.subnet(2, "2001:db8:2::/64", "2001:db8:2::100 - 2001:db8:2::1ff");
        startServer(config);
        seg = lab.addRelay6("r6", "2001:db8:1::3/64", "2001:db8:2::1/64", "02:00:00:00:06:02");
        relay = DhcpRelay6.start(lab, seg, "2001:db8:1::1");
        dump.add("dhcrelay -6", relay::diagnostics);
    }

    @AfterAll
    void stopRelay() {
        if (relay != null) relay.close();
    }

    @Test
    void relayedClientGetsAnAddressFromTheRelaySubnet() {
        Dhclient6 c = client(new Dhclient6(lab, seg.client(), false));
        Dhclient6.Bound bound = c.obtain6();
        assertThat(bound.address()).as("address from subnet 2").startsWith("2001:db8:2::1");
        assertThat(Dhcp6ClientTest.inRange(bound.address(), "2001:db8:2::100", "2001:db8:2::1ff")).isTrue();

        LeaseFile6 file = awaitLeases6("relayed lease in the file", f -> !f.currentFor(c.duid()).isEmpty());
        LeaseFile6.Row row = file.currentFor(c.duid()).getFirst();
        assertThat(row.address()).isEqualTo(bound.address());
        assertThat(row.subnetId()).as("subnet selected by the relay's link-address").isEqualTo(2);
        assertThat(server.control().statistic("subnet[2].assigned-nas")).isEqualTo(1);
    }
}
