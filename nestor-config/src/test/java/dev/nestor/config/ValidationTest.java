package dev.nestor.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ValidationTest {
    private static String subnet(String extra) {
        return "\"subnet4\": [ { \"id\": 1, \"subnet\": \"192.0.2.0/24\"" + extra + " } ]";
    }

    @Test
    void poolThatIsNotARange() {
        assertThat(Cfg.errors("""
                "subnet4": [ { "id": 1, "subnet": "10.0.0.0/24" }, { "id": 2, "subnet": "10.0.1.0/24" },
                  { "id": 3, "subnet": "192.0.2.0/24", "pools": [ { "pool": "192.0.2.10 - 192.0.2.5" } ] } ]
                """)).containsExactly("Dhcp4.subnet4[2].pools[0].pool: 192.0.2.10 - 192.0.2.5 is not a range");
    }

    @Test
    void poolOutsideItsSubnetAndMalformedPool() {
        assertThat(Cfg.errors(subnet(", \"pools\": [ { \"pool\": \"192.0.3.1 - 192.0.3.5\" }, { \"pool\": \"banana\" } ]")))
                .containsExactly(
                        "Dhcp4.subnet4[0].pools[0].pool: pool 192.0.3.1 - 192.0.3.5 is not within subnet 192.0.2.0/24",
                        "Dhcp4.subnet4[0].pools[1].pool: Failed to parse pool definition: banana (expected 'first - last' or 'prefix/len')");
    }

    @Test
    void overlappingPoolsWithinAndAcrossSubnets() {
        assertThat(Cfg.errors("""
                "subnet4": [
                  { "id": 1, "subnet": "10.0.0.0/16", "pools": [ { "pool": "10.0.0.10 - 10.0.0.20" }, { "pool": "10.0.0.15 - 10.0.0.30" } ] },
                  { "id": 2, "subnet": "10.0.1.0/24", "pools": [ { "pool": "10.0.1.0/28" } ] },
                  { "id": 3, "subnet": "10.0.0.0/8", "pools": [ { "pool": "10.0.1.8 - 10.0.1.9" } ] } ]
                """)).containsExactly(
                "Dhcp4.subnet4[0].pools[1].pool: pool 10.0.0.15 - 10.0.0.30 overlaps with pool 10.0.0.10 - 10.0.0.20 (Dhcp4.subnet4[0].pools[0])",
                "Dhcp4.subnet4[2].pools[0].pool: pool 10.0.1.8 - 10.0.1.9 overlaps with pool 10.0.1.0 - 10.0.1.15 of subnet 2 (Dhcp4.subnet4[1].pools[0])");
    }

    @Test
    void duplicateSubnetIdsAndPrefixesButNestedPrefixesOnlyNoted() {
        assertThat(Cfg.errors("""
                "subnet4": [ { "id": 1, "subnet": "192.0.2.0/24" }, { "id": 1, "subnet": "198.51.100.0/24" },
                             { "id": 3, "subnet": "192.0.2.0/24" } ]
                """)).containsExactly(
                "Dhcp4.subnet4[1].id: ID of the new IPv4 subnet '1' is already in use (Dhcp4.subnet4[0])",
                "Dhcp4.subnet4[2].subnet: subnet with the prefix of '192.0.2.0/24' already exists (Dhcp4.subnet4[0])");
        var r = Cfg.withNotes("\"subnet4\": [ { \"id\": 1, \"subnet\": \"10.0.0.0/8\" }, { \"id\": 2, \"subnet\": \"10.1.0.0/16\" } ]");
        assertThat(r.notes()).extracting(ConfigError::toString)
                .containsExactly("Dhcp4.subnet4[1].subnet: subnet 10.1.0.0/16 overlaps with subnet 10.0.0.0/8 (Dhcp4.subnet4[0])");
    }

    @Test
    void subnetIdIsMandatoryAsInKea3() {
        assertThat(Cfg.errors("\"subnet4\": [ { \"subnet\": \"192.0.2.0/24\" }, { \"id\": 0, \"subnet\": \"192.0.3.0/24\" } ]"))
                .containsExactly("Dhcp4.subnet4[0]: missing parameter 'id' (Kea 3.0 requires an id for every subnet)",
                        "Dhcp4.subnet4[1].id: value 0 is out of range 1..4294967294");
    }

    @Test
    void badSubnetText() {
        assertThat(Cfg.errors("\"subnet4\": [ { \"id\": 1, \"subnet\": \"192.0.2.0\" }, { \"id\": 2, \"subnet\": \"192.0.2.0/33\" }, { \"id\": 3 } ]"))
                .containsExactly("Dhcp4.subnet4[0].subnet: Invalid subnet syntax (prefix/len expected): 192.0.2.0",
                        "Dhcp4.subnet4[1].subnet: Invalid prefix length specified for subnet: 33",
                        "Dhcp4.subnet4[2]: mandatory 'subnet' parameter is missing for a subnet being configured");
    }

    @Test
    void reservationOutsideSubnetAndDuplicates() {
        assertThat(Cfg.errors(subnet("""
                , "reservations": [
                  { "hw-address": "aa:bb:cc:dd:ee:ff", "ip-address": "192.0.3.1" },
                  { "hw-address": "AA:BB:CC:DD:EE:FF", "ip-address": "192.0.2.5" },
                  { "client-id": "01:02", "ip-address": "192.0.2.5" } ]
                """))).containsExactly(
                "Dhcp4.subnet4[0].reservations[0].ip-address: specified reservation '192.0.3.1' is not within the IPv4 subnet '192.0.2.0/24'",
                "Dhcp4.subnet4[0].reservations[1]: duplicate reservation: hw-address aa:bb:cc:dd:ee:ff is already reserved at Dhcp4.subnet4[0].reservations[0]",
                "Dhcp4.subnet4[0].reservations[2].ip-address: duplicate reservation: address 192.0.2.5 is already reserved at Dhcp4.subnet4[0].reservations[1]");
    }

    @Test
    void duplicateAddressesAllowedWhenIpReservationsAreNotUnique() {
        var c = Cfg.dhcp4("\"ip-reservations-unique\": false, " + subnet("""
                , "reservations": [ { "hw-address": "aa:bb:cc:dd:ee:01", "ip-address": "192.0.2.5" },
                                    { "hw-address": "aa:bb:cc:dd:ee:02", "ip-address": "192.0.2.5" } ]
                """));
        assertThat(c.subnet(1).orElseThrow().reservations()).hasSize(2);
    }

    @Test
    void lifetimeBounds() {
        assertThat(Cfg.errors("\"valid-lifetime\": 100, \"min-valid-lifetime\": 200, " + subnet(", \"valid-lifetime\": 500, \"max-valid-lifetime\": 400")))
                .containsExactly(
                        "Dhcp4.min-valid-lifetime: the value of min-valid-lifetime (200) is not less than (default) valid-lifetime (100)",
                        "Dhcp4.subnet4[0].valid-lifetime: the value of (default) valid-lifetime (500) is not between min-valid-lifetime (200) and max-valid-lifetime (400)");
    }

    @Test
    void renewAfterRebindIsOnlyAWarningLikeKea() {
        var r = Cfg.withNotes(subnet(", \"renew-timer\": 500, \"rebind-timer\": 400"));
        assertThat(r.config().subnet(1).orElseThrow().params().renewTimer()).isEqualTo(500);
        assertThat(r.notes()).extracting(ConfigError::toString).containsExactly(
                "Dhcp4.subnet4[0].renew-timer: renew-timer (500) is greater than rebind-timer (400); the server will not send T1");
    }

    @Test
    void typeAndRangeErrorsAreCollectedTogether() {
        assertThat(Cfg.errors("""
                "renew-timer": "soon", "authoritative": "yes", "t1-percent": "half", "decline-probation-period": -1,
                "allocator": "best", "cache-threshold": 1.5, "next-server": "nowhere"
                """)).containsExactlyInAnyOrder(
                "Dhcp4.renew-timer: must be an integer",
                "Dhcp4.authoritative: must be a boolean (true or false)",
                "Dhcp4.t1-percent: must be a number",
                "Dhcp4.decline-probation-period: value -1 is out of range 0..4294967295",
                "Dhcp4.allocator: supported allocators are: iterative, random and flq (got 'best')",
                "Dhcp4.cache-threshold: cache-threshold: 1.5 is invalid, it must be greater than or equal to 0.0 and less than 1.0",
                "Dhcp4.next-server: invalid parameter next-server : nowhere");
    }

    @Test
    void teePercentsAreCheckedWhenCalculated() {
        assertThat(Cfg.errors("\"calculate-tee-times\": true, \"t1-percent\": 0.9, \"t2-percent\": 0.5"))
                .containsExactly("Dhcp4.t1-percent: t1-percent:  0.9 is invalid, it must be less than t2-percent: 0.5");
    }

    @Test
    void unknownParametersAreErrorsInEveryScope() {
        assertThat(Cfg.errors("""
                "bogus": 1,
                "subnet4": [ { "id": 1, "subnet": "192.0.2.0/24", "colour": "red",
                  "pools": [ { "pool": "192.0.2.1 - 192.0.2.2", "size": 2 } ],
                  "option-data": [ { "name": "routers", "data": "192.0.2.1", "weight": 1 } ],
                  "reservations": [ { "hw-address": "01:02:03:04:05:06", "nick": "x" } ] } ],
                "interfaces-config": { "interfaces": [], "speed": 1 }
                """)).containsExactlyInAnyOrder(
                "Dhcp4: unknown parameter 'bogus' in Dhcp4",
                "Dhcp4.subnet4[0]: unknown parameter 'colour' in subnet4",
                "Dhcp4.subnet4[0].pools[0]: unknown parameter 'size' in pools",
                "Dhcp4.subnet4[0].option-data[0]: unknown parameter 'weight' in option-data",
                "Dhcp4.subnet4[0].reservations[0]: unknown parameter 'nick' in reservations",
                "Dhcp4.interfaces-config: unknown parameter 'speed' in interfaces-config");
    }

    @Test
    void commentAndUserContextAreAcceptedWhereKeaAcceptsThem() {
        Cfg.dhcp4("""
                "comment": "c", "user-context": { "a": 1 },
                "interfaces-config": { "interfaces": [], "comment": "c" },
                "subnet4": [ { "id": 1, "subnet": "192.0.2.0/24", "comment": "c", "user-context": {},
                  "pools": [ { "pool": "192.0.2.1 - 192.0.2.2", "comment": "c" } ],
                  "option-data": [ { "name": "routers", "data": "192.0.2.1", "comment": "c" } ],
                  "reservations": [ { "hw-address": "01:02:03:04:05:06", "comment": "c" } ] } ],
                "client-classes": [ { "name": "a", "comment": "c", "user-context": {} } ]
                """);
    }

    @Test
    void unsupportedFeaturesNameTheFeature() {
        assertThat(Cfg.errors("""
                "lease-database": { "type": "mysql", "name": "kea" },
                "hosts-database": { "type": "mysql", "name": "kea" },
                "config-control": { "config-databases": [] },
                "dhcp4o6-port": 6767,
                "subnet4": [ { "id": 1, "subnet": "192.0.2.0/24", "4o6-subnet": "2001:db8::/64" } ],
                "client-classes": [ { "name": "t", "template-test": "option[60].text" } ]
                """)).containsExactlyInAnyOrder(
                "Dhcp4.config-control: configuration backends (config-control) are not supported yet",
                "Dhcp4.dhcp4o6-port: DHCPv4-over-DHCPv6 (dhcp4o6-port) is not supported yet",
                "Dhcp4.subnet4[0].4o6-subnet: DHCPv4-over-DHCPv6 (4o6-subnet) is not supported yet",
                "Dhcp4.client-classes[0].template-test: template client classes (template-test) are not supported yet");
    }

    @Test
    void sharedNetworkRules() {
        assertThat(Cfg.errors("""
                "shared-networks": [
                  { "name": "a", "authoritative": true, "interface": "eth0",
                    "subnet4": [ { "id": 1, "subnet": "192.0.2.0/24", "authoritative": false },
                                 { "id": 2, "subnet": "192.0.3.0/24", "interface": "eth1" } ] },
                  { "name": "a", "subnet4": [] },
                  { "subnet4": [] } ]
                """)).containsExactly(
                "Dhcp4.shared-networks[0].subnet4[0].authoritative: Subnet 192.0.2.0/24 has different authoritative setting false than the shared-network itself: true",
                "Dhcp4.shared-networks[0].subnet4[1].interface: Subnet 192.0.3.0/24 has specified interface eth1, but earlier subnet in the same shared-network or the shared-network itself used eth0",
                "Dhcp4.shared-networks[1].name: A shared-network with name a defined twice.",
                "Dhcp4.shared-networks[2]: shared-network is missing mandatory 'name' parameter");
    }

    @Test
    void clientClassRules() {
        assertThat(Cfg.errors("""
                "client-classes": [
                  { "name": "a", "test": "member('ALL')" },
                  { "name": "a" },
                  { "name": "KNOWN", "test": "member('ALL')" },
                  { "name": "b", "only-if-required": true, "only-in-additional-list": true },
                  { "name": "c", "option-def": [ { "name": "x", "code": 5, "type": "uint8" } ] },
                  { "test": "true" } ]
                """)).containsExactly(
                "Dhcp4.client-classes[1].name: client class 'a' is already defined",
                "Dhcp4.client-classes[2].test: built-in class 'KNOWN' test expression must be empty",
                "Dhcp4.client-classes[3]: cannot specify both 'only-if-required' and 'only-in-additional-list'. Use only the latter.",
                "Dhcp4.client-classes[4].option-def[0]: Not allowed option definition for code '5' in space 'dhcp4'",
                "Dhcp4.client-classes[5]: missing parameter 'name'");
    }

    @Test
    void guardWithBothOldAndNewKeywordIsAnError() {
        assertThat(Cfg.errors(subnet(", \"client-class\": \"a\", \"client-classes\": [\"b\"]")))
                .containsExactly("Dhcp4.subnet4[0]: cannot specify both 'client-class' and 'client-classes'. Use only the latter.");
    }

    @Test
    void hostReservationIdentifierList() {
        assertThat(Cfg.errors("\"host-reservation-identifiers\": [\"hw-address\", \"mac\", \"hw-address\"]"))
                .containsExactly("Dhcp4.host-reservation-identifiers[1]: invalid host reservation identifier name 'mac'",
                        "Dhcp4.host-reservation-identifiers[2]: duplicate host reservation identifier 'hw-address'");
    }
}
