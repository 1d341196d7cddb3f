package dev.nestor.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nestor.it.harness.ClientLease;
import dev.nestor.it.harness.Dhclient;
import dev.nestor.it.harness.Dhcp4Config;
import dev.nestor.it.harness.Host;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;

/**
 * SIGHUP re-reads the config file: a changed option reaches the next client and existing leases stay; a broken
 * file is refused and the running config keeps serving.
 */
class ReloadTest extends LabTest {
    private Dhcp4Config config;

    @BeforeAll
    void setUp() {
        createLab("192.0.2.1/24", "dhclient");
        config = Dhcp4Config.basic(lab).option("domain-name-servers", "192.0.2.53");
        ObjectNode subnet = config.subnet(1, "192.0.2.0/24", "192.0.2.100 - 192.0.2.199");
        Dhcp4Config.addOption(subnet, "routers", "192.0.2.1");
        startServer(config);
    }

    @Test
    void sighupAppliesANewConfigAndKeepsLeases() throws Exception {
        Host first = lab.addClient("before", null);
        ClientLease before = client(new Dhclient(lab, first)).obtain();
        assertThat(before.dnsServers()).containsExactly("192.0.2.53");

        Dhcp4Config changed = config.copy().option("domain-name-servers", "192.0.2.54");
        // option() appends: drop the old global entry so only the new value remains
        changed.dhcp4().withArray("option-data").remove(0);
        reloadAndAwaitLog(changed, "nestor-dhcp4 reconfigured");

        Host second = lab.addClient("after", null);
        ClientLease after = client(new Dhclient(lab, second)).obtain();
        assertThat(after.dnsServers()).as("option from the reloaded config").containsExactly("192.0.2.54");
        assertThat(server.control().command("lease4-get-all").toString()).as("lease from before the reload")
                .contains(before.address());

        // a broken file is refused; the server keeps serving with the last good config
        Dhcp4Config broken = changed.copy();
        ((ObjectNode) broken.dhcp4().withArray("subnet4").get(0)).withArray("pools").addObject().put("pool", "192.0.2.250 - 192.0.2.240");
        reloadAndAwaitLog(broken, "the running configuration stays");
        assertThat(Files.readString(server.log())).contains("is not a range");
        Host third = lab.addClient("third", null);
        ClientLease still = client(new Dhclient(lab, third)).obtain();
        assertThat(still.dnsServers()).containsExactly("192.0.2.54");
    }
}
