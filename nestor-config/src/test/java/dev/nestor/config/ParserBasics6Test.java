package dev.nestor.config;

import dev.nestor.codec.net.Ipv6;
import dev.nestor.codec.net.Ipv6Prefix;
import dev.nestor.common.Bytes;
import dev.nestor.config.model.DdnsConnectivity;
import dev.nestor.config.model.Dhcp6Config;
import dev.nestor.config.model.ExpiredLeasesProcessing;
import dev.nestor.config.model.GlobalParams6;
import dev.nestor.config.model.Lifetime;
import dev.nestor.config.model.MacSource;
import dev.nestor.config.model.PdPool6;
import dev.nestor.config.model.Pool6;
import dev.nestor.config.model.Reservation6;
import dev.nestor.config.model.Reservation6.IdentifierType;
import dev.nestor.config.model.ServerIdSpec;
import dev.nestor.config.model.Subnet6;
import dev.nestor.config.model.SubnetParams6;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParserBasics6Test {
    @Test
    void emptyDhcp6GetsKeaDefaults() {
        Dhcp6Config c = Cfg6.dhcp6("");
        assertThat(c.subnets()).isEmpty();
        assertThat(c.leaseDatabaseType()).isEqualTo("memfile");
        assertThat(c.leaseFileName()).isEqualTo("kea-leases6.csv");
        assertThat(c.interfaces().dhcpSocketType()).isEqualTo("udp");
        assertThat(c.interfaces().reDetect()).isTrue();
        assertThat(c.expiredLeasesProcessing()).isEqualTo(ExpiredLeasesProcessing.defaults());
        assertThat(c.dhcpDdns()).isEqualTo(DdnsConnectivity.defaults());
        GlobalParams6 g = c.globals();
        assertThat(g).isEqualTo(GlobalParams6.defaults());
        assertThat(g.hostReservationIdentifiers()).containsExactly(IdentifierType.HW_ADDRESS, IdentifierType.DUID);
        assertThat(g.declineProbationPeriod()).isEqualTo(86400);
        assertThat(g.macSources()).containsExactly(MacSource.ANY);
        assertThat(g.relaySuppliedOptions()).containsExactly(65);
        assertThat(g.serverId()).isEqualTo(new ServerIdSpec(ServerIdSpec.DuidType.LLT, Bytes.EMPTY, 0, 0, 0, true));
        SubnetParams6 scope = g.scope();
        assertThat(scope.calculateTeeTimes()).isTrue();
        assertThat(scope.t1Percent()).isEqualTo(0.5);
        assertThat(scope.t2Percent()).isEqualTo(0.8);
        assertThat(scope.preferredLifetime()).isNull();
        assertThat(scope.preferredFor(8000)).isEqualTo(5000);
        assertThat(scope.cacheThreshold()).isEqualTo(0.0);
        assertThat(c.optionDefinitions().byName("dhcp6", "dns-servers")).isPresent();
        assertThat(c.json()).isEqualTo("{}");
    }

    @Test
    void subnetWithPoolsPdPoolsAndReservations() {
        Dhcp6Config c = Cfg6.dhcp6("""
                "preferred-lifetime": 3000, "valid-lifetime": 4000, "renew-timer": 1000, "rebind-timer": 2000,
                "subnet6": [ {
                  "id": 12, "subnet": "2001:db8:1::/48", "interface": "eth0", "rapid-commit": true,
                  "pools": [ { "pool": "2001:db8:1::/64", "pool-id": 5 }, { "pool": "2001:db8:1:1::10 - 2001:db8:1:1::ff" } ],
                  "pd-pools": [ { "prefix": "2001:db8:8::", "prefix-len": 56, "delegated-len": 64,
                                  "excluded-prefix": "2001:db8:8:0:8000::", "excluded-prefix-len": 72,
                                  "client-classes": [ "cpe" ] } ],
                  "reservations": [ { "duid": "01:02:03:04:05:06:07:08", "ip-addresses": [ "2001:db8:1:2::100" ],
                                      "prefixes": [ "2001:db8:9::/56" ], "hostname": "cpe1" },
                                    { "hw-address": "aa:bb:cc:dd:ee:ff", "prefixes": [ "2001:db8:a::/48" ],
                                      "excluded-prefixes": [ "2001:db8:a:1::/64" ] } ] } ],
                "client-classes": [ { "name": "cpe", "test": "substring(option[1].hex, 0, 2) == 0x0003" } ]
                """);
        Subnet6 s = c.subnet(12).orElseThrow();
        assertThat(s.prefix()).isEqualTo(Ipv6Prefix.parse("2001:db8:1::/48"));
        assertThat(s.interfaceName()).isEqualTo("eth0");
        assertThat(s.interfaceId()).isNull();
        assertThat(s.params().rapidCommit()).isTrue();
        assertThat(s.params().validLifetime()).isEqualTo(Lifetime.fixed(4000));
        assertThat(s.params().preferredLifetime()).isEqualTo(Lifetime.fixed(3000));
        assertThat(s.params().renewTimer()).isEqualTo(1000L);
        assertThat(s.params().rebindTimer()).isEqualTo(2000L);

        Pool6 slash64 = s.pools().get(0);
        assertThat(slash64.first()).isEqualTo(Ipv6.parse("2001:db8:1::"));
        assertThat(slash64.last()).isEqualTo(Ipv6.parse("2001:db8:1:0:ffff:ffff:ffff:ffff"));
        assertThat(slash64.size()).isEqualTo(BigInteger.ONE.shiftLeft(64));
        assertThat(slash64.poolId()).isEqualTo(5);
        assertThat(s.pools().get(1).toString()).isEqualTo("2001:db8:1:1::10 - 2001:db8:1:1::ff");
        assertThat(s.inPool(Ipv6.parse("2001:db8:1:1::20"))).isTrue();
        assertThat(s.inPool(Ipv6.parse("2001:db8:1:1::100"))).isFalse();

        PdPool6 pd = s.pdPools().getFirst();
        assertThat(pd.prefix()).isEqualTo(Ipv6Prefix.parse("2001:db8:8::/56"));
        assertThat(pd.delegatedLength()).isEqualTo(64);
        assertThat(pd.capacity()).isEqualTo(BigInteger.valueOf(256));
        assertThat(pd.excludedPrefix()).isEqualTo(Ipv6Prefix.parse("2001:db8:8:0:8000::/72"));
        assertThat(pd.clientClasses()).containsExactly("cpe");
        assertThat(pd.path()).isEqualTo("Dhcp6.subnet6[0].pd-pools[0]");
        assertThat(s.pdPoolOf(Ipv6Prefix.parse("2001:db8:8:ff::/64"))).isSameAs(pd);
        assertThat(s.pdPoolOf(Ipv6Prefix.parse("2001:db8:8:ff::/60"))).isNull();

        Reservation6 byDuid = s.reservations().get(0);
        assertThat(byDuid.identifierType()).isEqualTo(IdentifierType.DUID);
        assertThat(byDuid.identifier()).isEqualTo(Bytes.fromHex("0102030405060708"));
        assertThat(byDuid.ipAddresses()).containsExactly(Ipv6.parse("2001:db8:1:2::100"));
        assertThat(byDuid.prefixes()).containsExactly(
                new Reservation6.PrefixReservation(Ipv6Prefix.parse("2001:db8:9::/56"), null));
        assertThat(byDuid.hostname()).isEqualTo("cpe1");
        assertThat(byDuid.subnetId()).isEqualTo(12);
        Reservation6 byMac = s.reservations().get(1);
        assertThat(byMac.hwAddress().toString()).isEqualTo("aa:bb:cc:dd:ee:ff");
        assertThat(byMac.prefixes().getFirst().excluded()).isEqualTo(Ipv6Prefix.parse("2001:db8:a:1::/64"));
    }

    @Test
    void globalServiceParameters() {
        Dhcp6Config c = Cfg6.dhcp6("""
                "server-id": { "type": "EN", "enterprise-id": 2495, "identifier": "0123456789", "persist": false,
                               "user-context": { "why": "test" } },
                "mac-sources": [ "duid", "rfc6939", "ipv6-link-local" ],
                "relay-supplied-options": [ "110", "dns-servers", 120 ],
                "host-reservation-identifiers": [ "duid", "flex-id" ],
                "interfaces-config": { "interfaces": [ "eth0/2001:db8::1", "eth1" ] },
                "lease-database": { "type": "memfile", "name": "/var/lib/nestor/leases6.csv", "lfc-interval": 3600 },
                "hooks-libraries": [ { "library": "/usr/lib/kea/hooks/libdhcp_lease_cmds.so" } ],
                "decline-probation-period": 600, "server-tag": "six",
                "dhcp-ddns": { "enable-updates": true, "server-ip": "::1", "server-port": 53001 }
                """);
        assertThat(c.dhcpDdns().enableUpdates()).isTrue();
        assertThat(c.dhcpDdns().serverIp()).isEqualTo("::1");
        assertThat(c.dhcpDdns().senderIp()).isEqualTo("::");
        GlobalParams6 g = c.globals();
        assertThat(g.serverId()).isEqualTo(new ServerIdSpec(ServerIdSpec.DuidType.EN, Bytes.fromHex("0123456789"),
                0, 0, 2495, false));
        assertThat(g.macSources()).containsExactly(MacSource.DUID, MacSource.CLIENT_LINK_ADDR_OPTION, MacSource.IPV6_LINK_LOCAL);
        assertThat(g.relaySuppliedOptions()).containsExactly(23, 65, 110, 120);
        assertThat(g.hostReservationIdentifiers()).containsExactly(IdentifierType.DUID, IdentifierType.FLEX_ID);
        assertThat(g.declineProbationPeriod()).isEqualTo(600);
        assertThat(g.serverTag()).isEqualTo("six");
        assertThat(c.interfaces().interfaces()).containsExactly("eth0/2001:db8::1", "eth1");
        assertThat(c.leaseFileName()).isEqualTo("/var/lib/nestor/leases6.csv");
        assertThat(c.leaseDatabase()).containsEntry("lfc-interval", "3600");
        assertThat(c.hooksLibraries()).extracting(h -> h.library()).containsExactly("/usr/lib/kea/hooks/libdhcp_lease_cmds.so");
    }

    @Test
    void unsupportedFeaturesAreRefusedByName() {
        assertThat(Cfg6.errors("""
                "dhcp4o6-port": 6767, "lease-database": { "type": "mysql", "name": "kea" },
                "hosts-database": { "type": "postgresql" }, "config-control": { "config-databases": [] },
                "client-classes": [ { "name": "t", "template-test": "option[1].hex" } ]
                """)).containsExactly(
                "Dhcp6.config-control: configuration backends (config-control) are not supported yet",
                "Dhcp6.client-classes[0].template-test: template client classes (template-test) are not supported yet",
                "Dhcp6.dhcp4o6-port: DHCPv4-over-DHCPv6 (dhcp4o6-port) is not supported yet",
                "Dhcp6.hosts-database: must specify a name for the database ('name') of a postgresql hosts database");
    }

    @Test
    void dhcp4OnlyKeywordsAreUnknownInDhcp6() {
        assertThat(Cfg6.errors("""
                "next-server": "192.0.2.1", "echo-client-id": true,
                "subnet4": [],
                "subnet6": [ { "id": 1, "subnet": "2001:db8::/64", "match-client-id": false } ],
                "interfaces-config": { "dhcp-socket-type": "raw" }
                """)).containsExactly(
                "Dhcp6: unknown parameter 'next-server' in Dhcp6",
                "Dhcp6: unknown parameter 'echo-client-id' in Dhcp6",
                "Dhcp6: unknown parameter 'subnet4' in Dhcp6",
                "Dhcp6.subnet6[0]: unknown parameter 'match-client-id' in subnet6",
                "Dhcp6.interfaces-config: unknown parameter 'dhcp-socket-type' in interfaces-config");
    }

    @Test
    void otherDaemonsAreIgnoredAndAMissingDhcp6IsAnError() throws Exception {
        var r = Dhcp6ConfigParser.parseWithNotes(ConfigText.parse("{\"Dhcp4\": {\"bogus\": 1}, \"Dhcp6\": {}}", null));
        assertThat(r.notes()).extracting(ConfigError::toString).containsExactly("Dhcp4: configuration for another daemon, ignored");
        assertThatThrownBy(() -> Dhcp6ConfigParser.parse(ConfigText.parse("{\"Dhcp4\": {}}", null)))
                .isInstanceOf(ConfigException.class)
                .hasMessage("no Dhcp6 configuration found (expected a top-level \"Dhcp6\" map)");
    }

    @Test
    void mixedFileServesBothDaemons() throws Exception {
        var root = ConfigText.parse("""
                { "Dhcp4": { "subnet4": [ { "id": 1, "subnet": "192.0.2.0/24" } ] },
                  "Dhcp6": { "subnet6": [ { "id": 1, "subnet": "2001:db8::/64" } ] } }
                """, null);
        assertThat(Dhcp4ConfigParser.parse(root).subnets()).hasSize(1);
        assertThat(Dhcp6ConfigParser.parse(root).subnets()).hasSize(1);
    }
}
