package dev.nestor.config;

import dev.nestor.common.net.Ipv4;
import dev.nestor.config.model.Dhcp4Config;
import dev.nestor.config.model.Lifetime;
import dev.nestor.config.model.Subnet4;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InheritanceTest {
    private static final String CONFIG = """
            "valid-lifetime": 1000, "max-valid-lifetime": 5000, "renew-timer": 100, "rebind-timer": 200,
            "match-client-id": false, "next-server": "192.0.2.254", "boot-file-name": "global.efi",
            "ddns-qualifying-suffix": "example.org.", "cache-threshold": 0.1, "allocator": "random",
            "subnet4": [
              { "id": 1, "subnet": "192.0.2.0/24", "rebind-timer": 300 }
            ],
            "shared-networks": [
              { "name": "net", "valid-lifetime": 2000, "authoritative": true, "interface": "eth1",
                "relay": { "ip-addresses": [ "198.51.100.1" ] }, "ddns-generated-prefix": "net",
                "client-classes": [ "office" ], "evaluate-additional-classes": [ "late" ],
                "option-data": [ { "name": "domain-name", "data": "net.example" } ],
                "subnet4": [
                  { "id": 10, "subnet": "198.51.100.0/25", "renew-timer": 50, "allocator": "flq" },
                  { "id": 11, "subnet": "198.51.100.128/25", "valid-lifetime": 4000,
                    "relay": { "ip-addresses": [ "198.51.100.129" ] },
                    "pools": [ { "pool": "198.51.100.130 - 198.51.100.140", "ddns-send-updates": false } ] }
                ] }
            ]
            """;

    @Test
    void topLevelSubnetInheritsFromGlobal() {
        Subnet4 s = Cfg.dhcp4(CONFIG).subnet(1).orElseThrow();
        assertThat(s.params().validLifetime()).isEqualTo(new Lifetime(1000, 1000, 5000));
        assertThat(s.params().renewTimer()).isEqualTo(100);
        assertThat(s.params().rebindTimer()).isEqualTo(300);
        assertThat(s.params().matchClientId()).isFalse();
        assertThat(s.params().nextServer()).isEqualTo(Ipv4.parse("192.0.2.254"));
        assertThat(s.params().bootFileName()).isEqualTo("global.efi");
        assertThat(s.params().cacheThreshold()).isEqualTo(0.1);
        assertThat(s.params().allocator()).isEqualTo("random");
        assertThat(s.params().authoritative()).isFalse();
        assertThat(s.params().ddns().qualifyingSuffix()).isEqualTo("example.org.");
        assertThat(s.params().ddns().generatedPrefix()).isEqualTo("myhost");
        assertThat(s.relayAddresses()).isEmpty();
        assertThat(s.interfaceName()).isNull();
    }

    @Test
    void subnetInNetworkInheritsNetworkThenGlobalAndItsOwnValuesWin() {
        Dhcp4Config c = Cfg.dhcp4(CONFIG);
        Subnet4 a = c.subnet(10).orElseThrow();
        assertThat(a.sharedNetworkName()).isEqualTo("net");
        assertThat(a.path()).isEqualTo("Dhcp4.shared-networks[0].subnet4[0]");
        assertThat(a.params().validLifetime()).isEqualTo(new Lifetime(2000, 2000, 5000));
        assertThat(a.params().renewTimer()).isEqualTo(50);
        assertThat(a.params().rebindTimer()).isEqualTo(200);
        assertThat(a.params().authoritative()).isTrue();
        assertThat(a.params().allocator()).isEqualTo("flq");
        assertThat(a.params().ddns().generatedPrefix()).isEqualTo("net");
        assertThat(a.params().ddns().qualifyingSuffix()).isEqualTo("example.org.");
        assertThat(a.interfaceName()).isEqualTo("eth1");
        assertThat(a.relayAddresses()).containsExactly(Ipv4.parse("198.51.100.1"));
        // the network's guard and options stay on the network
        assertThat(a.clientClasses()).isEmpty();
        assertThat(a.options()).isEmpty();

        Subnet4 b = c.subnet(11).orElseThrow();
        assertThat(b.params().validLifetime()).isEqualTo(new Lifetime(4000, 4000, 5000));
        assertThat(b.relayAddresses()).containsExactly(Ipv4.parse("198.51.100.129"));
        var pool = b.pools().getFirst();
        assertThat(pool.ddns()).isNotNull();
        assertThat(pool.ddns().sendUpdates()).isFalse();
        assertThat(pool.ddns().generatedPrefix()).isEqualTo("net");
        assertThat(pool.ddns().qualifyingSuffix()).isEqualTo("example.org.");
        assertThat(pool.hostnameCharSet()).isNull();
    }

    @Test
    void sharedNetworkRecordsItsMembersInOrder() {
        Dhcp4Config c = Cfg.dhcp4(CONFIG);
        var net = c.sharedNetwork("net").orElseThrow();
        assertThat(net.subnetIds()).containsExactly(10L, 11L);
        assertThat(net.interfaceName()).isEqualTo("eth1");
        assertThat(net.clientClasses()).containsExactly("office");
        assertThat(net.evaluateAdditionalClasses()).containsExactly("late");
        assertThat(net.options()).extracting(o -> o.name()).containsExactly("domain-name");
        assertThat(net.params().validLifetime().defaultValue()).isEqualTo(2000);
        assertThat(c.subnetsOf(net)).extracting(Subnet4::id).containsExactly(10L, 11L);
        assertThat(c.subnets()).extracting(Subnet4::id).containsExactly(1L, 10L, 11L);
        assertThat(c.sharedNetwork("other")).isEmpty();
    }

    @Test
    void lifetimeTripletRulesFollowKea() {
        // Kea sets the global default valid-lifetime (7200) first; max then defaults to it
        assertThat(Cfg.dhcp4("\"min-valid-lifetime\": 300").globals().scope().validLifetime())
                .isEqualTo(new Lifetime(7200, 300, 7200));
        assertThat(Cfg.dhcp4("\"valid-lifetime\": 600, \"min-valid-lifetime\": 300, \"max-valid-lifetime\": 900")
                .globals().scope().validLifetime()).isEqualTo(new Lifetime(600, 300, 900));
    }

    @Test
    void teeTimesAndDdnsKnobsInherit() {
        var s = Cfg.dhcp4("""
                "calculate-tee-times": true, "t1-percent": 0.4, "t2-percent": 0.8, "ddns-send-updates": false,
                "ddns-replace-client-name": "when-not-present", "ddns-update-on-renew": true, "ddns-ttl-percent": 0.5,
                "ddns-conflict-resolution-mode": "no-check-without-dhcid", "hostname-char-set": "[^a-z]",
                "hostname-char-replacement": "x", "store-extended-info": true, "offer-lifetime": 60, "cache-max-age": 30,
                "reservations-global": true, "reservations-in-subnet": false, "reservations-out-of-pool": true,
                "subnet4": [ { "id": 1, "subnet": "192.0.2.0/24", "t1-percent": 0.3 } ]
                """).subnet(1).orElseThrow().params();
        assertThat(s.calculateTeeTimes()).isTrue();
        assertThat(s.t1Percent()).isEqualTo(0.3);
        assertThat(s.t2Percent()).isEqualTo(0.8);
        assertThat(s.ddns().sendUpdates()).isFalse();
        assertThat(s.ddns().replaceClientName()).isEqualTo("when-not-present");
        assertThat(s.ddns().updateOnRenew()).isTrue();
        assertThat(s.ddns().ttlPercent()).isEqualTo(0.5);
        assertThat(s.ddns().conflictResolutionMode()).isEqualTo("no-check-without-dhcid");
        assertThat(s.hostnameCharSet()).isEqualTo("[^a-z]");
        assertThat(s.hostnameCharReplacement()).isEqualTo("x");
        assertThat(s.storeExtendedInfo()).isTrue();
        assertThat(s.offerLifetime()).isEqualTo(60);
        assertThat(s.cacheMaxAge()).isEqualTo(30);
        assertThat(s.reservationsGlobal()).isTrue();
        assertThat(s.reservationsInSubnet()).isFalse();
        assertThat(s.reservationsOutOfPool()).isTrue();
    }

    @Test
    void deprecatedClassKeywordsAreAcceptedWithNotes() {
        var r = Cfg.withNotes("""
                "subnet4": [ { "id": 1, "subnet": "192.0.2.0/24", "client-class": "office",
                  "require-client-classes": [ "late" ],
                  "pools": [ { "pool": "192.0.2.1 - 192.0.2.9", "client-class": "printers" } ] } ],
                "client-classes": [ { "name": "office", "test": "option[60].text == 'o'" },
                                    { "name": "late", "only-if-required": true } ]
                """);
        var s = r.config().subnet(1).orElseThrow();
        assertThat(s.clientClasses()).containsExactly("office");
        assertThat(s.evaluateAdditionalClasses()).containsExactly("late");
        assertThat(s.pools().getFirst().clientClasses()).containsExactly("printers");
        assertThat(r.config().clientClass("late").orElseThrow().onlyInAdditionalList()).isTrue();
        assertThat(r.notes()).extracting(ConfigError::toString).contains(
                "Dhcp4.subnet4[0].client-class: 'client-class' is deprecated, use 'client-classes'",
                "Dhcp4.subnet4[0].pools[0]: client class 'printers' is not defined in client-classes");
    }
}
