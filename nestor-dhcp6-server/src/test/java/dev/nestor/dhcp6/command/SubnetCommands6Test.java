package dev.nestor.dhcp6.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nestor.config.model.Subnet6;
import org.junit.jupiter.api.Test;

/** subnet_cmds for DHCPv6: subnet6-* and network6-*, with Kea's texts, changing the running config. */
class SubnetCommands6Test extends CommandTest6 {
    Subnet6 subnet(long id) {
        return f.server.runtime().config().subnet(id).orElseThrow();
    }

    @Test
    void listAndGet() {
        assertThat(f.json("subnet6-list", null)).isEqualTo("{ \"arguments\": { \"subnets\": [ "
                + "{ \"id\": 1, \"shared-network-name\": null, \"subnet\": \"2001:db8:1::/64\" }, "
                + "{ \"id\": 2, \"shared-network-name\": \"net1\", \"subnet\": \"2001:db8:2::/64\" } ] }, "
                + "\"result\": 0, \"text\": \"2 IPv6 subnets found\" }");
        var got = f.run("subnet6-get", "{ \"subnet\": \"2001:db8:1::/64\" }");
        assertThat(got.text()).isEqualTo("Info about IPv6 subnet 2001:db8:1::/64 (id 1) returned");
        assertThat(got.arguments().path("subnet6").get(0).path("pd-pools").get(0).path("delegated-len").asInt()).isEqualTo(56);
        assertThat(got.arguments().path("subnet6").get(0).has("reservations")).as("hosts are not part of the subnet").isFalse();
        assertThat(f.json("subnet6-get", "{ \"id\": 5 }")).isEqualTo("{ \"result\": 3, \"text\": \"No subnet with id 5 found\" }");
        assertThat(f.run("subnet6-get", "{ \"id\": 1, \"subnet\": \"x\" }").text())
                .isEqualTo("invalid number of arguments 2 for the 'subnet6-get' command. Expecting 'id' or 'subnet'");
    }

    @Test
    void addUpdateDeltaAndDelete() {
        String s3 = "{ \"subnet6\": [ { \"id\": 3, \"subnet\": \"2001:db8:3::/64\", \"pools\": [ { \"pool\": \"2001:db8:3::/120\" } ] } ] }";
        assertThat(f.json("subnet6-add", s3)).isEqualTo("{ \"arguments\": { \"subnets\": [ { \"id\": 3, \"subnet\": \"2001:db8:3::/64\" } ] }, "
                + "\"result\": 0, \"text\": \"IPv6 subnet added\" }");
        assertThat(f.json("subnet6-add", s3)).isEqualTo("{ \"result\": 1, \"text\": \"ID of the new IPv6 subnet '3' is already in use\" }");
        assertThat(f.run("subnet6-add", s3.replace("\"id\": 3", "\"id\": 4")).text())
                .isEqualTo("subnet with the prefix of '2001:db8:3::/64' already exists");
        assertThat(f.run("subnet6-add", "{ \"subnet6\": [ { \"id\": 4, \"subnet\": \"2001:db8:4::/64\", \"reservations\": [ ] } ] }").text())
                .isEqualTo("must not specify host reservations with 'subnet6-add'. Use 'reservation-add' to add a reservation to a subnet");

        assertThat(f.json("subnet6-delta-add", "{ \"subnet6\": [ { \"id\": 3, \"subnet\": \"2001:db8:3::/64\", \"pd-pools\": [ "
                + "{ \"prefix\": \"2001:db8:9000::\", \"prefix-len\": 48, \"delegated-len\": 60 } ] } ] }"))
                .isEqualTo("{ \"arguments\": { \"subnets\": [ { \"id\": 3, \"subnet\": \"2001:db8:3::/64\" } ] }, "
                        + "\"result\": 0, \"text\": \"IPv6 subnet updated\" }");
        assertThat(subnet(3).pdPools()).hasSize(1);
        assertThat(subnet(3).pools()).as("the delta keeps the rest").hasSize(1);
        f.run("subnet6-delta-del", "{ \"subnet6\": [ { \"id\": 3, \"subnet\": \"2001:db8:3::/64\", \"pd-pools\": [ "
                + "{ \"prefix\": \"2001:db8:9000::\", \"prefix-len\": 48, \"delegated-len\": 60 } ] } ] }");
        assertThat(subnet(3).pdPools()).isEmpty();
        assertThat(f.run("subnet6-update", "{ \"subnet6\": [ { \"id\": 1, \"subnet\": \"2001:db8:1::/64\", \"valid-lifetime\": 99 } ] }").text())
                .isEqualTo("IPv6 subnet updated");
        assertThat(subnet(1).params().validLifetime().defaultValue()).isEqualTo(99);
        assertThat(subnet(1).reservations()).as("kept across the update").hasSize(1);
        assertThat(subnet(1).pools()).as("replaced whole").isEmpty();

        assertThat(f.json("subnet6-del", "{ \"id\": 3 }")).isEqualTo("{ \"arguments\": { \"subnets\": [ { \"id\": 3, \"subnet\": \"2001:db8:3::/64\" } ] }, "
                + "\"result\": 0, \"text\": \"IPv6 subnet 2001:db8:3::/64 (id 3) deleted\" }");
        assertThat(f.stat("subnet[3].total-nas")).as("statistics of a deleted subnet go").isEqualTo(Long.MIN_VALUE);
        assertThat(f.json("subnet6-del", "{ \"id\": 3 }")).isEqualTo("{ \"result\": 3, \"text\": \"no subnet with id 3 found\" }");
    }

    @Test
    void sharedNetworks() {
        assertThat(f.json("network6-list", null))
                .isEqualTo("{ \"arguments\": { \"shared-networks\": [ { \"name\": \"net1\" } ] }, \"result\": 0, \"text\": \"1 IPv6 network found\" }");
        assertThat(f.run("network6-get", "{ \"name\": \"net1\" }").text()).isEqualTo("Info about IPv6 shared network 'net1' returned");
        assertThat(f.json("network6-add", "{ \"shared-networks\": [ { \"name\": \"net2\", \"subnet6\": [ ] } ] }"))
                .isEqualTo("{ \"arguments\": { \"shared-networks\": [ { \"name\": \"net2\" } ] }, \"result\": 0, "
                        + "\"text\": \"A new IPv6 shared network 'net2' added\" }");
        assertThat(f.run("network6-subnet-add", "{ \"name\": \"net2\", \"id\": 1 }").text())
                .isEqualTo("IPv6 subnet 2001:db8:1::/64 (id 1) is now part of shared network 'net2'");
        assertThat(subnet(1).sharedNetworkName()).isEqualTo("net2");
        assertThat(f.run("network6-subnet-del", "{ \"name\": \"net1\", \"id\": 1 }").text())
                .isEqualTo("The IPv6 subnet with id 1 is not part of the shared network with name 'net1' found");
        assertThat(f.run("network6-subnet-del", "{ \"name\": \"net2\", \"id\": 1 }").text())
                .isEqualTo("IPv6 subnet 2001:db8:1::/64 (id 1) is now removed from shared network 'net2'");
        assertThat(f.json("network6-del", "{ \"name\": \"net1\", \"subnets-action\": \"delete\" }"))
                .isEqualTo("{ \"arguments\": { \"shared-networks\": [ { \"name\": \"net1\" } ] }, \"result\": 0, "
                        + "\"text\": \"IPv6 shared network 'net1' deleted\" }");
        assertThat(f.server.runtime().config().subnet(2)).isEmpty();
        assertThat(f.run("network6-del", "{ \"name\": \"net1\" }").text()).isEqualTo("no shared network with name 'net1' found");
    }
}
