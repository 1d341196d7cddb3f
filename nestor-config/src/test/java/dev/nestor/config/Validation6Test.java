package dev.nestor.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Validation6Test {
    private static String subnet(String extra) {
        return "\"subnet6\": [ { \"id\": 1, \"subnet\": \"2001:db8:1::/64\"" + extra + " } ]";
    }

    @Test
    void poolsOutsideTheSubnetMalformedOrWithHostBits() {
        assertThat(Cfg6.errors(subnet("""
                , "pools": [ { "pool": "2001:db8:2::1 - 2001:db8:2::9" }, { "pool": "banana" },
                             { "pool": "2001:db8:1::9 - 2001:db8:1::1" }, { "pool": "2001:db8:1::1/120" } ]
                """))).containsExactly(
                "Dhcp6.subnet6[0].pools[0].pool: pool 2001:db8:2::1 - 2001:db8:2::9 is not within subnet 2001:db8:1::/64",
                "Dhcp6.subnet6[0].pools[1].pool: Failed to parse pool definition: banana (expected 'first - last' or 'prefix/len')",
                "Dhcp6.subnet6[0].pools[2].pool: 2001:db8:1::9 - 2001:db8:1::1 is not a range",
                "Dhcp6.subnet6[0].pools[3].pool: Invalid Pool6 address boundaries: 2001:db8:1::1 is not the first address in prefix: 2001:db8:1::/120");
    }

    @Test
    void overlappingPoolsAndPdPoolsWithinASubnet() {
        assertThat(Cfg6.errors("""
                "subnet6": [
                  { "id": 1, "subnet": "2001:db8:1::/48",
                    "pools": [ { "pool": "2001:db8:1::/64" }, { "pool": "2001:db8:1::100 - 2001:db8:1::200" } ],
                    "pd-pools": [ { "prefix": "2001:db8:1::", "prefix-len": 56, "delegated-len": 64 },
                                  { "prefix": "2001:db8:1:f000::", "prefix-len": 52, "delegated-len": 60 },
                                  { "prefix": "2001:db8:1:f800::", "prefix-len": 56, "delegated-len": 64 } ] } ]
                """)).containsExactly(
                "Dhcp6.subnet6[0].pools[1].pool: pool 2001:db8:1::100 - 2001:db8:1::200 overlaps with pool 2001:db8:1:: - 2001:db8:1:0:ffff:ffff:ffff:ffff (Dhcp6.subnet6[0].pools[0])",
                "Dhcp6.subnet6[0].pd-pools[0].prefix: pd-pool 2001:db8:1::/56 overlaps with pool 2001:db8:1:: - 2001:db8:1:0:ffff:ffff:ffff:ffff (Dhcp6.subnet6[0].pools[0])",
                "Dhcp6.subnet6[0].pd-pools[0].prefix: pd-pool 2001:db8:1::/56 overlaps with pool 2001:db8:1::100 - 2001:db8:1::200 (Dhcp6.subnet6[0].pools[1])",
                "Dhcp6.subnet6[0].pd-pools[2].prefix: pd-pool 2001:db8:1:f800::/56 overlaps with pd-pool 2001:db8:1:f000::/52 (Dhcp6.subnet6[0].pd-pools[1])");
    }

    @Test
    void poolsAndPdPoolsMayNotOverlapAcrossSubnets() {
        assertThat(Cfg6.errors("""
                "subnet6": [
                  { "id": 1, "subnet": "2001:db8:1::/48", "pools": [ { "pool": "2001:db8:1::/64" } ],
                    "pd-pools": [ { "prefix": "2001:db8:1:f000::", "prefix-len": 52, "delegated-len": 60 } ] },
                  { "id": 2, "subnet": "2001:db8:2::/64",
                    "pd-pools": [ { "prefix": "2001:db8:1:f000::", "prefix-len": 60, "delegated-len": 64 } ] },
                  { "id": 3, "subnet": "2001:db8::/32", "pools": [ { "pool": "2001:db8:1::80 - 2001:db8:1::90" } ] } ]
                """)).containsExactly(
                "Dhcp6.subnet6[2].pools[0].pool: pool 2001:db8:1::80 - 2001:db8:1::90 overlaps with pool 2001:db8:1:: - 2001:db8:1:0:ffff:ffff:ffff:ffff of subnet 1 (Dhcp6.subnet6[0].pools[0])",
                "Dhcp6.subnet6[1].pd-pools[0].prefix: pd-pool 2001:db8:1:f000::/60 overlaps with pd-pool 2001:db8:1:f000::/52 of subnet 1 (Dhcp6.subnet6[0].pd-pools[0])");
        // PD pools need not lie inside their subnet, and disjoint ones are fine anywhere
        var c = Cfg6.dhcp6("""
                "subnet6": [ { "id": 1, "subnet": "2001:db8:1::/64", "pd-pools": [ { "prefix": "2001:db8:100::", "prefix-len": 40, "delegated-len": 56 } ] },
                             { "id": 2, "subnet": "2001:db8:2::/64", "pd-pools": [ { "prefix": "2001:db8:200::", "prefix-len": 40, "delegated-len": 56 } ] } ]
                """);
        assertThat(c.subnets()).allSatisfy(s -> assertThat(s.pdPools()).hasSize(1));
    }

    @Test
    void pdPoolLengthsAndExcludedPrefix() {
        assertThat(Cfg6.errors(subnet("""
                , "pd-pools": [
                  { "prefix": "2001:db8:a::", "prefix-len": 64, "delegated-len": 56 },
                  { "prefix": "2001:db8:b::1", "prefix-len": 48, "delegated-len": 64 },
                  { "prefix": "2001:db8:c::", "prefix-len": 48, "delegated-len": 64,
                    "excluded-prefix": "2001:db8:c::", "excluded-prefix-len": 64 },
                  { "prefix": "2001:db8:d::", "prefix-len": 48, "delegated-len": 64,
                    "excluded-prefix": "2001:db8:e::", "excluded-prefix-len": 72 },
                  { "prefix": "2001:db8:f::", "prefix-len": 48, "delegated-len": 64, "excluded-prefix": "2001:db8:f::" },
                  { "prefix-len": 48, "delegated-len": 129 } ]
                """))).containsExactly(
                "Dhcp6.subnet6[0].pd-pools[0].delegated-len: Delegated length (56) must be longer than or equal to prefix length (64)",
                "Dhcp6.subnet6[0].pd-pools[1].prefix: Invalid Pool6 address boundaries: 2001:db8:b::1 is not the first address in prefix: 2001:db8:b::/48",
                "Dhcp6.subnet6[0].pd-pools[2].excluded-prefix-len: Excluded prefix (64) must be longer than the delegated prefix length (64)",
                "Dhcp6.subnet6[0].pd-pools[3].excluded-prefix: excluded prefix 2001:db8:e::/72 must have the same common prefix part of 64 as the delegated prefix 2001:db8:d::/64",
                "Dhcp6.subnet6[0].pd-pools[4].excluded-prefix: invalid excluded prefix 2001:db8:f::/0: excluded-prefix and excluded-prefix-len go together",
                "Dhcp6.subnet6[0].pd-pools[5].delegated-len: value 129 is out of range 1..128",
                "Dhcp6.subnet6[0].pd-pools[5]: missing parameter 'prefix'");
    }

    @Test
    void reservationsOutsideTheSubnetBadPrefixesAndDuplicates() {
        assertThat(Cfg6.errors(subnet("""
                , "reservations": [
                  { "duid": "01:02:03", "ip-addresses": [ "2001:db8:2::1" ] },
                  { "duid": "01:02:03", "ip-addresses": [ "2001:db8:1::5" ] },
                  { "hw-address": "aa:bb:cc:dd:ee:ff", "ip-addresses": [ "2001:db8:1::5" ], "prefixes": [ "2001:db8:9::/56" ] },
                  { "flex-id": "'joe'", "prefixes": [ "2001:db8:9::/56", "ff02::/16", "2001:db8::" ] },
                  { "duid": "0a:0b", "excluded-prefixes": [ "2001:db8:9:1::/64" ] },
                  { "duid": "0a:0c", "prefixes": [ "2001:db8:7::/56" ], "excluded-prefixes": [ "2001:db8:6::/64" ] },
                  { "duid": "0a:0d", "hw-address": "01:02:03:04:05:06" },
                  { "hostname": "nobody" } ]
                """))).containsExactly(
                "Dhcp6.subnet6[0].reservations[3].prefixes[1]: invalid prefix reservation 'ff02::/16', expected an IPv6 prefix/length",
                "Dhcp6.subnet6[0].reservations[3].prefixes[2]: invalid prefix reservation '2001:db8::', expected an IPv6 prefix/length",
                "Dhcp6.subnet6[0].reservations[4].excluded-prefixes: 'excluded-prefixes' parameter requires the 'prefixes' parameter",
                "Dhcp6.subnet6[0].reservations[5].excluded-prefixes[0]: excluded prefix 2001:db8:6::/64 must be longer than and inside the delegated prefix 2001:db8:7::/56",
                "Dhcp6.subnet6[0].reservations[6]: the 'duid' and 'hw-address' are mutually exclusive",
                "Dhcp6.subnet6[0].reservations[7]: one of the supported identifiers must be specified for host reservation: duid, flex-id, hw-address",
                "Dhcp6.subnet6[0].reservations[0].ip-addresses[0]: specified reservation '2001:db8:2::1' is not within the IPv6 subnet '2001:db8:1::/64'",
                "Dhcp6.subnet6[0].reservations[1]: duplicate reservation: duid 01:02:03 is already reserved at Dhcp6.subnet6[0].reservations[0]",
                "Dhcp6.subnet6[0].reservations[2].ip-addresses[0]: duplicate reservation: address 2001:db8:1::5 is already reserved at Dhcp6.subnet6[0].reservations[1]");
    }

    @Test
    void sharedPrefixIsAllowedWhenReservationsNeedNotBeUnique() {
        var c = Cfg6.dhcp6("\"ip-reservations-unique\": false, " + subnet("""
                , "reservations": [ { "duid": "01:02", "prefixes": [ "2001:db8:9::/56" ] },
                                    { "duid": "01:03", "prefixes": [ "2001:db8:9::/56" ] } ]
                """));
        assertThat(c.subnet(1).orElseThrow().reservations()).hasSize(2);
        assertThat(Cfg6.errors(subnet("""
                , "reservations": [ { "duid": "01:02", "prefixes": [ "2001:db8:9::/56" ] },
                                    { "duid": "01:03", "prefixes": [ "2001:db8:9::/56" ] } ]
                """))).containsExactly("Dhcp6.subnet6[0].reservations[1].prefixes[0]: duplicate reservation: prefix 2001:db8:9::/56 is already reserved at Dhcp6.subnet6[0].reservations[0]");
    }

    @Test
    void subnetIdsPrefixesAndInterfaceRules() {
        assertThat(Cfg6.errors("""
                "subnet6": [ { "subnet": "2001:db8:1::/64" }, { "id": 2, "subnet": "2001:db8:1::/64" },
                             { "id": 2, "subnet": "2001:db8:3::/129" }, { "id": 4, "subnet": "192.0.2.0/24" },
                             { "id": 5, "subnet": "2001:db8:5::/64", "interface": "eth0", "interface-id": "relay1" } ]
                """)).containsExactly(
                "Dhcp6.subnet6[0]: missing parameter 'id' (Kea 3.0 requires an id for every subnet)",
                "Dhcp6.subnet6[2].subnet: Invalid prefix length specified for subnet: 129",
                "Dhcp6.subnet6[3].subnet: invalid IPv6 address in subnet '192.0.2.0/24'",
                "Dhcp6.subnet6[4]: parser error: interface (defined for locally reachable subnets) and interface-id (defined for subnets reachable via relays) cannot be defined at the same time for subnet 2001:db8:5::/64");
        assertThat(Cfg6.errors("""
                "subnet6": [ { "id": 1, "subnet": "2001:db8:1::/64" }, { "id": 1, "subnet": "2001:db8:2::/64" },
                             { "id": 3, "subnet": "2001:db8:1::/64" } ]
                """)).containsExactly(
                "Dhcp6.subnet6[1].id: ID of the new IPv6 subnet '1' is already in use (Dhcp6.subnet6[0])",
                "Dhcp6.subnet6[2].subnet: subnet with the prefix of '2001:db8:1::/64' already exists (Dhcp6.subnet6[0])");
        var r = Cfg6.withNotes("\"subnet6\": [ { \"id\": 1, \"subnet\": \"2001:db8::/32\" }, { \"id\": 2, \"subnet\": \"2001:db8:1::1/64\" } ]");
        assertThat(r.notes()).extracting(ConfigError::toString).containsExactly(
                "Dhcp6.subnet6[1].subnet: host bits set in 2001:db8:1::1/64, using 2001:db8:1::/64",
                "Dhcp6.subnet6[1].subnet: subnet 2001:db8:1::/64 overlaps with subnet 2001:db8::/32 (Dhcp6.subnet6[0])");
    }

    @Test
    void sharedNetworkRapidCommitAndInterfaceMustAgree() {
        assertThat(Cfg6.errors("""
                "shared-networks": [ { "name": "lan", "interface": "eth0", "subnet6": [
                    { "id": 1, "subnet": "2001:db8:1::/64" },
                    { "id": 2, "subnet": "2001:db8:2::/64", "rapid-commit": true },
                    { "id": 3, "subnet": "2001:db8:3::/64", "interface": "eth1" } ] },
                  { "name": "lan", "subnet6": [] }, { "subnet6": [] } ]
                """)).containsExactly(
                "Dhcp6.shared-networks[0].subnet6[1].rapid-commit: All subnets in a shared network must have the same rapid-commit value. Subnet 2001:db8:2::/64 has specified rapid-commit true, but earlier subnet in the same shared-network or the shared-network itself used rapid-commit false",
                "Dhcp6.shared-networks[0].subnet6[2].interface: Subnet 2001:db8:3::/64 has specified interface eth1, but earlier subnet in the same shared-network or the shared-network itself used eth0",
                "Dhcp6.shared-networks[1].name: A shared-network with name lan defined twice.",
                "Dhcp6.shared-networks[2]: shared-network is missing mandatory 'name' parameter");
    }

    @Test
    void lifetimeTripletsAndPreferredNotAboveValid() {
        assertThat(Cfg6.errors("""
                "preferred-lifetime": 3000, "min-preferred-lifetime": 4000,
                "subnet6": [ { "id": 1, "subnet": "2001:db8:1::/64", "preferred-lifetime": 5000, "valid-lifetime": 4000,
                               "min-preferred-lifetime": 100, "max-preferred-lifetime": 6000 },
                             { "id": 2, "subnet": "2001:db8:2::/64", "min-valid-lifetime": 10, "max-valid-lifetime": 20 } ]
                """)).containsExactly(
                "Dhcp6.min-preferred-lifetime: the value of min-preferred-lifetime (4000) is not less than (default) preferred-lifetime (3000)",
                "Dhcp6.subnet6[0].preferred-lifetime: preferred-lifetime (5000) must not be greater than valid-lifetime (4000)",
                // as in Kea, the global default (7200) is inherited and then falls outside the subnet's bounds
                "Dhcp6.subnet6[1].valid-lifetime: the value of (default) valid-lifetime (7200) is not between min-valid-lifetime (10) and max-valid-lifetime (20)");
        var r = Cfg6.withNotes("""
                "preferred-lifetime": 3000,
                "subnet6": [ { "id": 1, "subnet": "2001:db8:1::/64", "valid-lifetime": 2000 } ]
                """);
        assertThat(r.notes()).extracting(ConfigError::toString).containsExactly(
                "Dhcp6.subnet6[0].preferred-lifetime: effective preferred-lifetime (3000) is greater than valid-lifetime (2000); 5/8 of the valid lifetime is used");
        assertThat(r.config().subnet(1).orElseThrow().params().preferredFor(2000)).isEqualTo(1250);
    }

    @Test
    void allocatorsServerIdMacSourcesRelaysAndInterfaces() {
        assertThat(Cfg6.errors("""
                "allocator": "flq", "pd-allocator": "flq",
                "server-id": { "type": "UUID", "identifier": "xyz" },
                "mac-sources": [ "duid", "carrier-pigeon", "duid" ],
                "relay-supplied-options": [ "no-such-option", "70000" ],
                "interfaces-config": { "interfaces": [ "eth0/192.0.2.1" ] },
                "subnet6": [ { "id": 1, "subnet": "2001:db8:1::/64", "relay": { "ip-addresses": [ "192.0.2.1", "2001:db8:1::1", "2001:db8:1::1" ] } } ]
                """)).containsExactly(
                "Dhcp6.allocator: Free Lease Queue allocator is not supported for IPv6 address pools",
                "Dhcp6.mac-sources[1]: Failed to convert 'carrier-pigeon' to any recognized MAC source",
                "Dhcp6.mac-sources[2]: The mac-sources value 'duid' was specified twice",
                "Dhcp6.relay-supplied-options[0]: unable to find option code for the specified option name 'no-such-option' while parsing the list of enabled relay-supplied-options",
                "Dhcp6.relay-supplied-options[1]: invalid option code value specified '70000', it must be between 1 and 65535",
                "Dhcp6.server-id.type: unsupported DUID type 'UUID'. Expected: LLT, EN or LL",
                "Dhcp6.server-id.identifier: identifier specified in the DUID configuration 'xyz' is not a valid string of hexadecimal digits",
                "Dhcp6.subnet6[0].relay.ip-addresses[0]: address 192.0.2.1 is not an IPv6 address",
                "Dhcp6.subnet6[0].relay.ip-addresses[2]: cannot add address: 2001:db8:1::1, duplicate address",
                "Dhcp6.interfaces-config.interfaces[0]: invalid unicast address '192.0.2.1' in interface entry 'eth0/192.0.2.1', expected an IPv6 address");
    }
}
