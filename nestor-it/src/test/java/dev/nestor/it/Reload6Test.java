package dev.nestor.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nestor.it.harness.Dhclient6;
import dev.nestor.it.harness.Dhcp6Config;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SIGHUP makes nestor-dhcp6 re-read its config file: a changed option reaches the next client and existing leases
 * stay; a broken file is refused and the running config keeps serving.
 */
class Reload6Test extends LabTest {
    private Dhcp6Config config;

    @BeforeAll
    void setUp() {
        createLab6("2001:db8:1::1/64", "dhclient");
        config = Dhcp6Config.lan(lab);
        startServer(config);
    }

    Dhclient6.Bound newClient(String role) {
        return client(new Dhclient6(lab, lab.addClient(role, null), false)).obtain6();
    }

    @Test
    void sighupAppliesANewConfigAndRefusesABrokenOne() throws Exception {
        Dhclient6.Bound before = newClient("before");
        assertThat(before.dnsServers()).containsExactly("2001:db8:1::53");

        Dhcp6Config changed = config.copy();
        changed.dhcp6().withArray("option-data").remove(0); // option() appends: only the new value must remain
        changed.option("dns-servers", "2001:db8:1::54");
        reloadAndAwaitLog(changed, "nestor-dhcp6 reconfigured");
        assertThat(newClient("after").dnsServers()).as("option from the reloaded config").containsExactly("2001:db8:1::54");
        assertThat(server.control().command("lease6-get-all").toString()).as("lease from before the reload")
                .contains(before.address());

        // a pool outside its subnet: refused, and the last good config keeps serving
        Dhcp6Config broken = changed.copy();
        ((ObjectNode) broken.dhcp6().withArray("subnet6").get(0)).withArray("pools").addObject().put("pool", "2001:db8:9::1 - 2001:db8:9::9");
        reloadAndAwaitLog(broken, "the running configuration stays");
        assertThat(newClient("third").dnsServers()).containsExactly("2001:db8:1::54");
        assertThat(server.isAlive()).isTrue();
    }
}
