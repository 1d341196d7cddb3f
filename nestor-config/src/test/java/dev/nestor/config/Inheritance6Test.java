package dev.nestor.config;

import dev.nestor.codec.net.Ipv6;
import dev.nestor.config.model.Dhcp6Config;
import dev.nestor.config.model.Lifetime;
import dev.nestor.config.model.SharedNetwork6;
import dev.nestor.config.model.Subnet6;
import dev.nestor.config.model.SubnetParams6;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Inheritance6Test {
    private static final Dhcp6Config CONFIG = Cfg6.dhcp6("""
            "preferred-lifetime": 3000, "min-preferred-lifetime": 2000, "max-preferred-lifetime": 4000,
            "valid-lifetime": 6000, "renew-timer": 1000, "t2-percent": 0.7, "pd-allocator": "random",
            "ddns-qualifying-suffix": "example.org.", "store-extended-info": true,
            "subnet6": [ { "id": 1, "subnet": "2001:db8:1::/64" } ],
            "shared-networks": [ {
              "name": "floor1", "interface-id": "relay-port-7", "rapid-commit": true, "valid-lifetime": 8000,
              "relay": { "ip-addresses": [ "2001:db8:ff::1" ] }, "allocator": "random",
              "subnet6": [ { "id": 10, "subnet": "2001:db8:10::/64", "preferred-lifetime": 3500 },
                           { "id": 11, "subnet": "2001:db8:11::/64", "calculate-tee-times": false,
                             "relay": { "ip-addresses": [ "2001:db8:ff::2" ] },
                             "ddns-qualifying-suffix": "floor1.example.org." } ] } ]
            """);

    @Test
    void topLevelSubnetTakesGlobalValuesAndV6Defaults() {
        SubnetParams6 p = CONFIG.subnet(1).orElseThrow().params();
        assertThat(p.preferredLifetime()).isEqualTo(new Lifetime(3000, 2000, 4000));
        assertThat(p.validLifetime()).isEqualTo(Lifetime.fixed(6000));
        assertThat(p.renewTimer()).isEqualTo(1000L);
        assertThat(p.rebindTimer()).isNull();
        assertThat(p.calculateTeeTimes()).isTrue();
        assertThat(p.t1Percent()).isEqualTo(0.5);
        assertThat(p.t2Percent()).isEqualTo(0.7);
        assertThat(p.rapidCommit()).isFalse();
        assertThat(p.allocator()).isEqualTo("iterative");
        assertThat(p.pdAllocator()).isEqualTo("random");
        assertThat(p.storeExtendedInfo()).isTrue();
        assertThat(p.ddns().qualifyingSuffix()).isEqualTo("example.org.");
        assertThat(CONFIG.globals().scope()).isEqualTo(p);
    }

    @Test
    void networkValuesFlowIntoItsSubnetsAndSubnetValuesWin() {
        SharedNetwork6 net = CONFIG.sharedNetwork("floor1").orElseThrow();
        assertThat(net.subnetIds()).containsExactly(10L, 11L);
        assertThat(net.interfaceId()).isEqualTo("relay-port-7");
        assertThat(net.params().rapidCommit()).isTrue();
        assertThat(net.params().validLifetime()).isEqualTo(Lifetime.fixed(8000));

        Subnet6 s10 = CONFIG.subnet(10).orElseThrow();
        assertThat(s10.sharedNetworkName()).isEqualTo("floor1");
        assertThat(s10.params().rapidCommit()).isTrue();
        assertThat(s10.params().validLifetime()).isEqualTo(Lifetime.fixed(8000));
        // each bound of the triplet is inherited on its own, as in Kea
        assertThat(s10.params().preferredLifetime()).isEqualTo(new Lifetime(3500, 2000, 4000));
        assertThat(s10.params().allocator()).isEqualTo("random");
        assertThat(s10.interfaceId()).isEqualTo("relay-port-7");
        assertThat(s10.interfaceIdBytes().toArray()).isEqualTo("relay-port-7".getBytes());
        assertThat(s10.relayAddresses()).containsExactly(Ipv6.parse("2001:db8:ff::1"));

        Subnet6 s11 = CONFIG.subnet(11).orElseThrow();
        assertThat(s11.params().calculateTeeTimes()).isFalse();
        assertThat(s11.params().preferredLifetime()).isEqualTo(new Lifetime(3000, 2000, 4000));
        assertThat(s11.relayAddresses()).containsExactly(Ipv6.parse("2001:db8:ff::2"));
        assertThat(s11.params().ddns().qualifyingSuffix()).isEqualTo("floor1.example.org.");
        assertThat(CONFIG.subnetsOf(net)).extracting(Subnet6::id).containsExactly(10L, 11L);
    }
}
