package dev.nestor.dhcp6.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nestor.control.Answer;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** lease_cmds for DHCPv6 over a real server runtime: Kea's texts and result codes, the lease JSON, statistics. */
class LeaseCommands6Test extends CommandTest6 {
    static final String DUID = "00:03:00:01:02:00:00:00:00:07";

    private Answer add(String ip, String more) {
        return f.run("lease6-add", "{ \"ip-address\": \"" + ip + "\", \"duid\": \"" + DUID + "\", \"iaid\": 7" + more + " }");
    }

    private Answer addPrefix(String prefix, int length, String more) {
        return add(prefix, ", \"type\": \"IA_PD\", \"prefix-len\": " + length + ", \"subnet-id\": 1" + more);
    }

    @Test
    void addedAddressIsShownAsKeaShowsItAndCounted() {
        assertThat(CommandFixture6.json(add("2001:db8:1::150", ", \"hw-address\": \"1a:1b:1c:1d:1e:1f\", \"hostname\": \"Host.Example.org\","
                + " \"fqdn-fwd\": true, \"preferred-lft\": 3000, \"user-context\": { \"a\": 1 }")))
                .isEqualTo("{ \"result\": 0, \"text\": \"Lease for address 2001:db8:1::150, subnet-id 1 added.\" }");

        assertThat(f.json("lease6-get", "{ \"ip-address\": \"2001:db8:1::150\" }")).isEqualTo("{ \"arguments\": { \"cltt\": 1800000000, "
                + "\"duid\": \"00:03:00:01:02:00:00:00:00:07\", \"fqdn-fwd\": true, \"fqdn-rev\": false, \"hostname\": \"host.example.org\", "
                + "\"hw-address\": \"1a:1b:1c:1d:1e:1f\", \"iaid\": 7, \"ip-address\": \"2001:db8:1::150\", \"preferred-lft\": 3000, "
                + "\"state\": 0, \"subnet-id\": 1, \"type\": \"IA_NA\", \"user-context\": { \"a\": 1 }, \"valid-lft\": 4000 }, "
                + "\"result\": 0, \"text\": \"IPv6 lease found.\" }");
        assertThat(f.stat("subnet[1].assigned-nas")).isEqualTo(1);
        assertThat(f.stat("assigned-nas")).isEqualTo(1);
        assertThat(f.stat("subnet[1].pool[0].assigned-nas")).as("pool level too").isEqualTo(1);
    }

    @Test
    void addedPrefixAndKeasRefusals() {
        assertThat(addPrefix("2001:db8:8000:100::", 56, "").text()).isEqualTo("Lease for prefix 2001:db8:8000:100::/56, subnet-id 1 added.");
        assertThat(f.run("lease6-get", "{ \"ip-address\": \"2001:db8:8000:100::\", \"type\": \"IA_PD\" }").arguments().path("prefix-len").asInt())
                .isEqualTo(56);
        assertThat(f.stat("subnet[1].assigned-pds")).isEqualTo(1);

        assertThat(CommandFixture6.json(addPrefix("2001:db8:8000:100::", 56, "")))
                .isEqualTo("{ \"result\": 4, \"text\": \"IPv6 lease already exists.\" }");
        assertThat(CommandFixture6.json(addPrefix("2001:db8:8000:1ff::", 56, ""))).isEqualTo("{ \"result\": 1, \"text\": "
                + "\"Prefix address: 2001:db8:8000:1ff:: exceeds prefix/prefix-len pair: 2001:db8:8000:100::/56\" }");
        assertThat(addPrefix("2001:db8:8000:200::", 56, ", \"state\": 1").text()).isEqualTo("Invalid declined state for PD prefix.");
        assertThat(add("2001:db8:8000:300::", ", \"type\": \"IA_PD\", \"prefix-len\": 56").text())
                .isEqualTo("Subnet-id is 0 or not specified. This is allowed for address leases only, not prefix leases.");
        assertThat(add("2001:db8:1::151", ", \"type\": \"IA_TA\"").text())
                .isEqualTo("Incorrect lease type: IA_TA, the only supported values are: IA_NA and IA_PD");

        Answer outside = add("2001:db8:2::5", ", \"subnet-id\": 1");
        assertThat(CommandFixture6.json(outside)).isEqualTo("{ \"result\": 4, \"text\": "
                + "\"The address 2001:db8:2::5 does not belong to subnet 2001:db8:1::/64, subnet-id=1\" }");
        assertThat(CommandFixture6.json(add("2001:db8:9::5", ""))).isEqualTo("{ \"result\": 4, \"text\": "
                + "\"subnet-id not specified and failed to find a subnet for address 2001:db8:9::5\" }");
        assertThat(add("2001:db8:1::152", ", \"subnet-id\": 9").text())
                .isEqualTo("Invalid subnet-id: No IPv6 subnet with subnet-id=9 currently configured.");
        assertThat(add("192.0.2.1", "").text()).isEqualTo("Non-IPv6 address specified: 192.0.2.1");
        assertThat(f.json("lease6-add", "{ \"ip-address\": \"2001:db8:1::153\", \"duid\": \"" + DUID + "\" }"))
                .isEqualTo("{ \"result\": 1, \"text\": \"missing parameter 'iaid'\" }");
        assertThat(f.run("lease6-add", "{ \"ip-address\": \"2001:db8:1::153\", \"duid\": \"01:02\", \"iaid\": 1 }").text())
                .isEqualTo("identifier is too short (2), at least 3 is required");
        assertThat(f.json("lease6-add", null)).isEqualTo("{ \"result\": 1, \"text\": \"no parameters specified for the command\" }");
        // in a shared network, found from the address
        assertThat(add("2001:db8:2::15", "").text()).isEqualTo("Lease for address 2001:db8:2::15, subnet-id 2 added.");
    }

    @Test
    void getAndDelByAddressOrByDuidAndIaid() {
        add("2001:db8:1::150", "");
        String byId = "{ \"identifier-type\": \"duid\", \"identifier\": \"" + DUID + "\", \"iaid\": 7, \"subnet-id\": 1 }";
        assertThat(f.run("lease6-get", byId).arguments().path("ip-address").asText()).isEqualTo("2001:db8:1::150");
        assertThat(f.json("lease6-get", "{ \"ip-address\": \"2001:db8:1::99\" }")).isEqualTo("{ \"result\": 3, \"text\": \"Lease not found.\" }");
        assertThat(f.json("lease6-get", "{ \"ip-address\": \"192.0.2.1\" }"))
                .isEqualTo("{ \"result\": 1, \"text\": \"Invalid IPv6 address specified: 192.0.2.1\" }");
        assertThat(f.run("lease6-get", "{ \"identifier-type\": \"hw-address\", \"identifier\": \"01:02:03:04:05:06\", \"subnet-id\": 1 }")
                .text()).isEqualTo("Query by hw-address is not allowed in v6.");
        assertThat(f.run("lease6-get", "{ \"identifier-type\": \"circuit-id\", \"identifier\": \"01\", \"subnet-id\": 1 }").text())
                .isEqualTo("Incorrect identifier type: circuit-id, the only supported values are: hw-address, duid, client-id");
        assertThat(f.run("lease6-get", "{ \"identifier-type\": \"duid\", \"identifier\": \"" + DUID + "\", \"subnet-id\": 1, \"iaid\": -1 }")
                .text()).isEqualTo("'iaid' parameter is not a 32 bit unsigned integer.");

        assertThat(f.json("lease6-del", byId)).isEqualTo("{ \"result\": 0, \"text\": \"IPv6 lease deleted.\" }");
        assertThat(f.json("lease6-del", byId)).isEqualTo("{ \"result\": 3, \"text\": \"IPv6 lease not found.\" }");
        assertThat(f.json("lease6-del", "{ \"ip-address\": \"2001:db8:1::150\" }")).isEqualTo("{ \"result\": 3, \"text\": \"IPv6 lease not found.\" }");
        assertThat(f.stat("subnet[1].assigned-nas")).isZero();
    }

    @Test
    void updateReplacesOrCreatesWithForceCreate() {
        add("2001:db8:1::150", "");
        assertThat(f.json("lease6-update", "{ \"ip-address\": \"2001:db8:1::150\", \"duid\": \"" + DUID + "\", \"iaid\": 8,"
                + " \"valid-lft\": 100 }")).isEqualTo("{ \"result\": 0, \"text\": \"IPv6 lease updated.\" }");
        assertThat(f.run("lease6-get", "{ \"ip-address\": \"2001:db8:1::150\" }").arguments().path("iaid").asInt()).isEqualTo(8);
        assertThat(f.json("lease6-update", "{ \"ip-address\": \"2001:db8:1::160\", \"duid\": \"" + DUID + "\", \"iaid\": 8 }"))
                .isEqualTo("{ \"result\": 4, \"text\": \"failed to update the lease with address 2001:db8:1::160 either because the"
                        + " lease has been deleted or it has changed in the database, in both cases a retry might succeed\" }");
        assertThat(f.json("lease6-update", "{ \"ip-address\": \"2001:db8:1::160\", \"duid\": \"" + DUID + "\", \"iaid\": 8,"
                + " \"force-create\": true }")).isEqualTo("{ \"result\": 0, \"text\": \"IPv6 lease added.\" }");
        assertThat(f.run("lease6-update", "{ \"ip-address\": \"2001:db8:1::160\", \"duid\": \"" + DUID + "\", \"iaid\": 8, \"state\": 4 }")
                .text()).isEqualTo("address in use: 2001:db8:1::160 can't be registered");
        assertThat(f.stat("subnet[1].assigned-nas")).isEqualTo(2);
    }

    @Test
    void listsPagesAndLookups() {
        add("2001:db8:1::150", ", \"hostname\": \"one\", \"hw-address\": \"02:00:00:00:00:01\"");
        add("2001:db8:1::151", "");
        add("2001:db8:2::15", "");
        assertThat(f.run("lease6-get-all", null).text()).isEqualTo("3 IPv6 lease(s) found.");
        assertThat(f.run("lease6-get-all", "{ \"subnets\": [ 2 ] }").text()).isEqualTo("1 IPv6 lease(s) found.");
        assertThat(f.json("lease6-get-all", "{ \"subnets\": [ 5 ] }"))
                .isEqualTo("{ \"arguments\": { \"leases\": [  ] }, \"result\": 3, \"text\": \"0 IPv6 lease(s) found.\" }");

        Answer page = f.run("lease6-get-page", "{ \"from\": \"start\", \"limit\": 2 }");
        assertThat(page.arguments().path("count").asInt()).isEqualTo(2);
        assertThat(page.arguments().path("leases").get(1).path("ip-address").asText()).isEqualTo("2001:db8:1::151");
        Answer next = f.run("lease6-get-page", "{ \"from\": \"2001:db8:1::151\", \"limit\": 2 }");
        assertThat(next.arguments().path("leases").get(0).path("ip-address").asText()).isEqualTo("2001:db8:2::15");
        assertThat(f.run("lease6-get-page", "{ \"from\": \"192.0.2.1\", \"limit\": 2 }").text())
                .isEqualTo("'from' parameter value 192.0.2.1 is not an IPv6 address");
        assertThat(f.run("lease6-get-page", "{ \"from\": \"start\", \"limit\": 0 }").text()).isEqualTo("'limit' parameter must not be 0.");

        assertThat(f.run("lease6-get-by-duid", "{ \"duid\": \"" + DUID + "\" }").text()).isEqualTo("3 IPv6 lease(s) found.");
        assertThat(f.run("lease6-get-by-duid", "{ \"duid\": \"zz\" }").text())
                .isEqualTo("bad 'duid' parameter: 'zz' is not a valid string of hexadecimal digits");
        assertThat(f.run("lease6-get-by-hostname", "{ \"hostname\": \"ONE\" }").text()).isEqualTo("1 IPv6 lease(s) found.");
        assertThat(f.run("lease6-get-by-hw-address", "{ \"hw-address\": \"02:00:00:00:00:01\" }").text()).isEqualTo("1 IPv6 lease(s) found.");
        assertThat(f.run("lease6-get-by-hostname", "{ }").text()).isEqualTo("'hostname' parameter not specified");
    }

    @Test
    void wipeClearsSubnetsAndTheirCounters() {
        add("2001:db8:1::150", "");
        addPrefix("2001:db8:8000:100::", 56, "");
        add("2001:db8:2::15", "");
        assertThat(f.json("lease6-wipe", "{ \"subnet-id\": 1 }"))
                .isEqualTo("{ \"result\": 0, \"text\": \"Deleted 2 IPv6 lease(s) from subnet(s) 1\" }");
        assertThat(f.stat("subnet[1].assigned-nas")).isZero();
        assertThat(f.stat("subnet[1].assigned-pds")).isZero();
        assertThat(f.stat("assigned-nas")).as("global counter drops by the subnet's").isEqualTo(1);
        assertThat(f.json("lease6-wipe", null)).isEqualTo("{ \"result\": 0, \"text\": \"Deleted 1 IPv6 lease(s) from subnet(s) 1 2\" }");
        assertThat(f.json("lease6-wipe", null)).isEqualTo("{ \"result\": 3, \"text\": \"Deleted 0 IPv6 lease(s) from subnet(s) 1 2\" }");
    }

    @Test
    void writeDumpsKeasLeaseFileIntoTheDataDirectory() throws Exception {
        add("2001:db8:1::150", ", \"hostname\": \"a,b\", \"hw-address\": \"02:00:00:00:00:01\"");
        assertThat(f.json("lease6-write", "{ \"filename\": \"dump.csv\" }"))
                .isEqualTo("{ \"result\": 0, \"text\": \"IPv6 lease database into '" + dir.toAbsolutePath().normalize().resolve("dump.csv") + "'.\" }");
        List<String> lines = Files.readAllLines(dir.resolve("dump.csv"));
        assertThat(lines).containsExactly(LeaseCommands6.HEADER,
                "2001:db8:1::150," + DUID + ",4000,1800004000,1,4000,0,7,128,0,0,a&#x2cb,02:00:00:00:00:01,0,,1,0,0");
        assertThat(f.run("lease6-write", "{ \"filename\": \"/tmp/elsewhere/dump.csv\" }").text())
                .startsWith("'filename' parameter is invalid: invalid path specified: '/tmp/elsewhere'");
    }

    @Test
    void bulkApplyDeletesAndAddsAndListsWhatFailed() {
        add("2001:db8:1::150", "");
        add("2001:db8:1::151", ", \"state\": 4");
        String args = "{ \"deleted-leases\": [ { \"ip-address\": \"2001:db8:1::150\" }, { \"ip-address\": \"2001:db8:1::199\" } ],"
                + " \"leases\": [ { \"ip-address\": \"2001:db8:1::152\", \"duid\": \"" + DUID + "\", \"iaid\": 3 },"
                + " { \"ip-address\": \"2001:db8:1::151\", \"duid\": \"" + DUID + "\", \"iaid\": 3 } ] }";
        assertThat(f.json("lease6-bulk-apply", args)).isEqualTo("{ \"arguments\": { "
                + "\"failed-deleted-leases\": [ { \"error-message\": \"lease not found\", \"ip-address\": \"2001:db8:1::199\", \"result\": 3, \"type\": \"IA_NA\" } ], "
                + "\"failed-leases\": [ { \"error-message\": \"illegal reuse of registered address 2001:db8:1::151\", \"ip-address\": \"2001:db8:1::151\", "
                + "\"result\": 1, \"type\": \"IA_NA\" } ] }, \"result\": 0, \"text\": \"Bulk apply of 2 IPv6 leases completed.\" }");
        JsonNode all = f.run("lease6-get-all", null).arguments().path("leases");
        assertThat(all).hasSize(2);

        // a malformed entry fails the whole command before anything changes
        String bad = "{ \"deleted-leases\": [ { \"ip-address\": \"2001:db8:1::152\" } ],"
                + " \"leases\": [ { \"ip-address\": \"2001:db8:9::1\", \"duid\": \"" + DUID + "\", \"iaid\": 3 } ] }";
        assertThat(f.json("lease6-bulk-apply", bad)).isEqualTo("{ \"result\": 1, \"text\": "
                + "\"subnet-id not specified and failed to find a subnet for address 2001:db8:9::1\" }");
        assertThat(f.run("lease6-get", "{ \"ip-address\": \"2001:db8:1::152\" }").result()).isZero();
        assertThat(f.json("lease6-bulk-apply", "{ }"))
                .isEqualTo("{ \"result\": 1, \"text\": \"neither 'deleted-leases' nor 'leases' parameter specified\" }");
    }
}
