package dev.nestor.dhcp4.command;

import dev.nestor.common.net.Ipv4;
import dev.nestor.config.model.Pool4;
import dev.nestor.config.model.Subnet4;
import dev.nestor.control.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** subnet_cmds (subnets and shared networks) over a real server runtime, with Kea's answers. */
class SubnetCommands4Test {
    @TempDir
    Path dir;
    CommandFixture f;

    @BeforeEach
    void start() throws Exception {
        f = new CommandFixture(dir);
    }

    @AfterEach
    void close() {
        f.close();
    }

    private Subnet4 subnet(long id) {
        return f.server.runtime().config().subnet(id).orElseThrow();
    }

    @Test
    void listAndGet() {
        assertThat(CommandFixture.json(f.run("subnet4-list", null))).isEqualTo("{ \"arguments\": { \"subnets\": [ "
                + "{ \"id\": 1, \"shared-network-name\": null, \"subnet\": \"192.0.2.0/24\" }, "
                + "{ \"id\": 2, \"shared-network-name\": \"net1\", \"subnet\": \"198.51.100.0/24\" } ] }, "
                + "\"result\": 0, \"text\": \"2 IPv4 subnets found\" }");
        Answer byId = f.run("subnet4-get", "{ \"id\": 1 }");
        assertThat(byId.text()).isEqualTo("Info about IPv4 subnet 192.0.2.0/24 (id 1) returned");
        assertThat(byId.arguments().get("subnet4").get(0).has("reservations")).isFalse();
        assertThat(byId.arguments().get("subnet4").get(0).get("pools").get(0).get("pool").asText()).isEqualTo("192.0.2.100 - 192.0.2.199");
        assertThat(f.run("subnet4-get", "{ \"subnet\": \"198.51.100.0/24\" }").text())
                .isEqualTo("Info about IPv4 subnet 198.51.100.0/24 (id 2) returned");
        assertThat(CommandFixture.json(f.run("subnet4-get", "{ \"id\": 5 }")))
                .isEqualTo("{ \"result\": 3, \"text\": \"No subnet with id 5 found\" }");
        assertThat(f.run("subnet4-get", "{ \"subnet\": \"10.0.0.0/8\" }").text()).isEqualTo("No 10.0.0.0/8 subnet found");
        assertThat(f.run("subnet4-get", "{ \"id\": 1, \"subnet\": \"x\" }").text())
                .isEqualTo("invalid number of arguments 2 for the 'subnet4-get' command. Expecting 'id' or 'subnet'");
        assertThat(f.run("subnet4-get", null).text()).isEqualTo("no arguments specified for the 'subnet4-get' command");
    }

    @Test
    void addUpdateDelete() {
        Answer added = f.run("subnet4-add", "{ \"subnet4\": [ { \"id\": 3, \"subnet\": \"203.0.113.0/24\", "
                + "\"pools\": [ { \"pool\": \"203.0.113.10 - 203.0.113.20\" } ] } ] }");
        assertThat(CommandFixture.json(added)).isEqualTo("{ \"arguments\": { \"subnets\": [ { \"id\": 3, \"subnet\": \"203.0.113.0/24\" } ] }, "
                + "\"result\": 0, \"text\": \"IPv4 subnet added\" }");
        assertThat(subnet(3).inPool(Ipv4.parse("203.0.113.15"))).isTrue();
        assertThat(f.stat("subnet[3].total-addresses")).isEqualTo(11);
        assertThat(f.changes.isDirty()).isTrue();

        assertThat(f.run("subnet4-add", "{ \"subnet4\": [ { \"id\": 3, \"subnet\": \"203.0.114.0/24\" } ] }").text())
                .isEqualTo("ID of the new IPv4 subnet '3' is already in use");
        assertThat(f.run("subnet4-add", "{ \"subnet4\": [ { \"id\": 4, \"subnet\": \"192.0.2.0/24\" } ] }").text())
                .isEqualTo("subnet with the prefix of '192.0.2.0/24' already exists");
        assertThat(f.run("subnet4-add", "{ \"subnet4\": [ { \"id\": 4, \"subnet\": \"10.0.0.0/8\", \"reservations\": [ ] } ] }").text())
                .isEqualTo("must not specify host reservations with 'subnet4-add'. Use 'reservation-add' to add a reservation to a subnet");
        Answer broken = f.run("subnet4-add", "{ \"subnet4\": [ { \"id\": 4, \"subnet\": \"10.0.0.0/8\", "
                + "\"pools\": [ { \"pool\": \"10.0.0.20 - 10.0.0.10\" } ] } ] }");
        assertThat(broken.result()).isEqualTo(Answer.ERROR);
        assertThat(broken.text()).contains("is not a range");
        assertThat(f.server.runtime().config().subnet(4)).isEmpty();

        // update replaces the subnet's parameters; its reservations stay
        Answer updated = f.run("subnet4-update", "{ \"subnet4\": [ { \"id\": 1, \"subnet\": \"192.0.2.0/24\", "
                + "\"pools\": [ { \"pool\": \"192.0.2.50 - 192.0.2.59\" } ] } ] }");
        assertThat(updated.text()).isEqualTo("IPv4 subnet updated");
        assertThat(subnet(1).pools()).extracting(Pool4::toString).containsExactly("192.0.2.50 - 192.0.2.59");
        assertThat(subnet(1).options()).isEmpty();
        assertThat(subnet(1).reservations()).hasSize(1);
        assertThat(f.run("subnet4-update", "{ \"subnet4\": [ { \"id\": 9, \"subnet\": \"10.9.0.0/16\" } ] }").text())
                .isEqualTo("Can't find subnet '9' to update");
        assertThat(f.run("subnet4-update", "{ \"subnet4\": [ { \"subnet\": \"10.9.0.0/16\" } ] }").text())
                .isEqualTo("must specify subnet id with 'subnet4-update' command.");

        // delete: reservations go with the subnet, leases stay (as Kea)
        f.run("lease4-add", "{ \"ip-address\": \"198.51.100.15\", \"hw-address\": \"00:00:00:00:00:15\" }");
        assertThat(CommandFixture.json(f.run("subnet4-del", "{ \"id\": 2 }"))).isEqualTo("{ \"arguments\": { \"subnets\": [ "
                + "{ \"id\": 2, \"subnet\": \"198.51.100.0/24\" } ] }, \"result\": 0, \"text\": \"IPv4 subnet 198.51.100.0/24 (id 2) deleted\" }");
        assertThat(f.server.runtime().config().subnet(2)).isEmpty();
        assertThat(f.server.runtime().config().sharedNetwork("net1").orElseThrow().subnetIds()).isEmpty();
        assertThat(f.run("lease4-get", "{ \"ip-address\": \"198.51.100.15\" }").result()).isEqualTo(Answer.SUCCESS);
        assertThat(f.stats.observation("subnet[2].total-addresses")).isEmpty();
        assertThat(CommandFixture.json(f.run("subnet4-del", "{ \"id\": 2 }")))
                .isEqualTo("{ \"result\": 3, \"text\": \"no subnet with id 2 found\" }");
        assertThat(f.run("subnet4-del", "{ \"id\": \"2\" }").text()).isEqualTo("subnet identifier specified for the 'subnet4-del' is not a number");
    }

    @Test
    void deltaAddAndDeltaDel() {
        Answer add = f.run("subnet4-delta-add", "{ \"subnet4\": [ { \"id\": 1, \"valid-lifetime\": 900, "
                + "\"pools\": [ { \"pool\": \"192.0.2.100-192.0.2.199\", \"option-data\": [ { \"name\": \"domain-name\", \"data\": \"p.example\" } ] },"
                + " { \"pool\": \"192.0.2.200/29\" } ], "
                + "\"option-data\": [ { \"code\": 3, \"data\": \"192.0.2.254\" } ] } ] }");
        assertThat(add.text()).isEqualTo("IPv4 subnet updated");
        Subnet4 s = subnet(1);
        assertThat(s.params().validLifetime().defaultValue()).isEqualTo(900);
        assertThat(s.pools()).extracting(Pool4::toString).containsExactly("192.0.2.100 - 192.0.2.199", "192.0.2.200 - 192.0.2.207");
        assertThat(s.pools().get(0).options()).hasSize(1);
        assertThat(s.options()).hasSize(1); // "routers" by name and code 3 are the same option
        assertThat(s.reservations()).hasSize(1);

        Answer del = f.run("subnet4-delta-del", "{ \"subnet4\": [ { \"id\": 1, \"valid-lifetime\": 0, "
                + "\"pools\": [ { \"pool\": \"192.0.2.200 - 192.0.2.207\" } ], \"option-data\": [ { \"name\": \"routers\" } ] } ] }");
        assertThat(del.text()).isEqualTo("IPv4 subnet updated");
        s = subnet(1);
        assertThat(s.params().validLifetime().defaultValue()).isEqualTo(4000);
        assertThat(s.pools()).extracting(Pool4::toString).containsExactly("192.0.2.100 - 192.0.2.199");
        assertThat(s.options()).isEmpty();
    }

    @Test
    void sharedNetworks() {
        assertThat(CommandFixture.json(f.run("network4-list", null))).isEqualTo(
                "{ \"arguments\": { \"shared-networks\": [ { \"name\": \"net1\" } ] }, \"result\": 0, \"text\": \"1 IPv4 network found\" }");
        Answer get = f.run("network4-get", "{ \"name\": \"net1\" }");
        assertThat(get.text()).isEqualTo("Info about IPv4 shared network 'net1' returned");
        assertThat(get.arguments().get("shared-networks").get(0).get("subnet4").get(0).get("id").asInt()).isEqualTo(2);
        assertThat(CommandFixture.json(f.run("network4-get", "{ \"name\": \"nope\" }")))
                .isEqualTo("{ \"result\": 3, \"text\": \"No 'nope' shared network found\" }");

        Answer add = f.run("network4-add", "{ \"shared-networks\": [ { \"name\": \"net2\", \"subnet4\": [ "
                + "{ \"id\": 5, \"subnet\": \"203.0.113.0/24\", \"pools\": [ { \"pool\": \"203.0.113.5 - 203.0.113.9\" } ] } ] } ] }");
        assertThat(CommandFixture.json(add)).isEqualTo("{ \"arguments\": { \"shared-networks\": [ { \"name\": \"net2\" } ] }, "
                + "\"result\": 0, \"text\": \"A new IPv4 shared network 'net2' added\" }");
        assertThat(subnet(5).sharedNetworkName()).isEqualTo("net2");
        assertThat(f.run("network4-add", "{ \"shared-networks\": [ { \"name\": \"net2\" } ] }").text())
                .isEqualTo("duplicate network 'net2' found in the configuration");

        assertThat(f.run("network4-subnet-add", "{ \"name\": \"net2\", \"id\": 1 }").text())
                .isEqualTo("IPv4 subnet 192.0.2.0/24 (id 1) is now part of shared network 'net2'");
        assertThat(subnet(1).sharedNetworkName()).isEqualTo("net2");
        assertThat(subnet(1).reservations()).hasSize(1);
        assertThat(f.run("network4-subnet-add", "{ \"name\": \"net1\", \"id\": 1 }").text())
                .isEqualTo("subnet 1 being added to a shared network already belongs to a shared network");
        assertThat(f.run("network4-subnet-del", "{ \"name\": \"net1\", \"id\": 1 }").text())
                .isEqualTo("The IPv4 subnet with id 1 is not part of the shared network with name 'net1' found");
        assertThat(f.run("network4-subnet-del", "{ \"name\": \"net2\", \"id\": 1 }").text())
                .isEqualTo("IPv4 subnet 192.0.2.0/24 (id 1) is now removed from shared network 'net2'");
        assertThat(subnet(1).sharedNetworkName()).isNull();

        // keep: the network's subnets become top-level subnets; delete: they go too
        assertThat(f.run("network4-del", "{ \"name\": \"net1\" }").text()).isEqualTo("IPv4 shared network 'net1' deleted");
        assertThat(subnet(2).sharedNetworkName()).isNull();
        assertThat(f.run("network4-del", "{ \"name\": \"net2\", \"subnets-action\": \"delete\" }").text())
                .isEqualTo("IPv4 shared network 'net2' deleted");
        assertThat(f.server.runtime().config().subnet(5)).isEmpty();
        assertThat(CommandFixture.json(f.run("network4-list", null))).isEqualTo(
                "{ \"arguments\": { \"shared-networks\": [  ] }, \"result\": 3, \"text\": \"0 IPv4 networks found\" }");
        assertThat(f.run("network4-del", "{ \"name\": \"net2\", \"subnets-action\": \"drop\" }").text())
                .isEqualTo("Invalid value for subnets-action parameter: drop, Supported values: 'keep' and 'delete'.");
        assertThat(f.run("network4-del", "{ \"name\": \"net9\" }").text()).isEqualTo("no shared network with name 'net9' found");
    }
}
