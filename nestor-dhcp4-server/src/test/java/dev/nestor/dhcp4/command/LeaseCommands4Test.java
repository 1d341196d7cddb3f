package dev.nestor.dhcp4.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nestor.control.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** lease_cmds over a real server runtime: Kea's texts and result codes, the lease JSON, statistics. */
class LeaseCommands4Test {
    @TempDir
    Path dir;
    CommandFixture f;

    private CommandFixture f() throws Exception {
        if (f == null) f = new CommandFixture(dir);
        return f;
    }

    @AfterEach
    void close() {
        if (f != null) f.close();
    }

    private Answer add(String ip, String hw, String more) throws Exception {
        return f().run("lease4-add", "{ \"ip-address\": \"" + ip + "\", \"hw-address\": \"" + hw + "\"" + more + " }");
    }

    @Test
    void addedLeaseIsShownAsKeaShowsIt() throws Exception {
        Answer a = add("192.0.2.50", "1a:1b:1c:1d:1e:1f",
                ", \"client-id\": \"01:02:03\", \"hostname\": \"MyHost.Example.org\", \"fqdn-fwd\": true, \"user-context\": { \"a\": 1 }");
        assertThat(CommandFixture.json(a)).isEqualTo("{ \"result\": 0, \"text\": \"Lease for address 192.0.2.50, subnet-id 1 added.\" }");

        Answer got = f.run("lease4-get", "{ \"ip-address\": \"192.0.2.50\" }");
        assertThat(CommandFixture.json(got)).isEqualTo("{ \"arguments\": { \"client-id\": \"01:02:03\", \"cltt\": 1800000000, "
                + "\"fqdn-fwd\": true, \"fqdn-rev\": false, \"hostname\": \"myhost.example.org\", \"hw-address\": \"1a:1b:1c:1d:1e:1f\", "
                + "\"ip-address\": \"192.0.2.50\", \"state\": 0, \"subnet-id\": 1, \"user-context\": { \"a\": 1 }, \"valid-lft\": 4000 }, "
                + "\"result\": 0, \"text\": \"IPv4 lease found.\" }");
        assertThat(f.stat("subnet[1].assigned-addresses")).isEqualTo(1);
    }

    @Test
    void addChecksTheSubnetAsKeaDoes() throws Exception {
        add("192.0.2.50", "1a:1b:1c:1d:1e:1f", "");
        assertThat(CommandFixture.json(add("192.0.2.50", "1a:1b:1c:1d:1e:20", "")))
                .isEqualTo("{ \"result\": 4, \"text\": \"IPv4 lease already exists.\" }");
        assertThat(add("10.0.0.1", "1a:1b:1c:1d:1e:1f", "").text())
                .isEqualTo("subnet-id not specified and failed to find a subnet for address 10.0.0.1");
        Answer wrong = add("198.51.100.5", "1a:1b:1c:1d:1e:1f", ", \"subnet-id\": 1");
        assertThat(wrong.result()).isEqualTo(Answer.CONFLICT);
        assertThat(wrong.text()).isEqualTo("The address 198.51.100.5 does not belong to subnet 192.0.2.0/24, subnet-id=1");
        assertThat(add("192.0.2.51", "1a:1b:1c:1d:1e:1f", ", \"subnet-id\": 9").text())
                .isEqualTo("Invalid subnet-id: No IPv4 subnet with subnet-id=9 currently configured.");
        // subnet-id absent: found from the address, in a shared network too
        assertThat(add("198.51.100.5", "1a:1b:1c:1d:1e:1f", "").text()).isEqualTo("Lease for address 198.51.100.5, subnet-id 2 added.");

        assertThat(CommandFixture.json(f.run("lease4-add", "{ \"ip-address\": \"192.0.2.52\" }")))
                .isEqualTo("{ \"result\": 1, \"text\": \"missing parameter 'hw-address'\" }");
        assertThat(CommandFixture.json(f.run("lease4-add", null)))
                .isEqualTo("{ \"result\": 1, \"text\": \"no parameters specified for the command\" }");
        assertThat(add("192.0.2.52", "1a:1b:1c:1d:1e:1f", ", \"state\": 4").text()).isEqualTo("DHCPv4 leases do not support registered state");
        assertThat(add("192.0.2.52", "1a:1b:1c:1d:1e:1f", ", \"fqdn-rev\": true").text())
                .isEqualTo("No hostname specified and either forward or reverse fqdn was set to true.");
        assertThat(add("192.0.2.52", "zz:1b", "").text()).isEqualTo("'z' is not a valid hexadecimal digit in decoded string 'zz:1b'");
    }

    @Test
    void expireSetsTheClientLastTransmissionTime() throws Exception {
        add("192.0.2.60", "1a:1b:1c:1d:1e:1f", ", \"valid-lft\": 100, \"expire\": 1900000000");
        JsonNode lease = f.run("lease4-get", "{ \"ip-address\": \"192.0.2.60\" }").arguments();
        assertThat(lease.get("cltt").asLong()).isEqualTo(1_900_000_000L - 100);
        assertThat(lease.get("valid-lft").asLong()).isEqualTo(100);
    }

    @Test
    void updateReplacesOrCreatesAndKeepsStatisticsRight() throws Exception {
        String lease = "{ \"ip-address\": \"192.0.2.70\", \"hw-address\": \"1a:1b:1c:1d:1e:1f\", \"hostname\": \"h1\"";
        Answer missing = f().run("lease4-update", lease + " }");
        assertThat(missing.result()).isEqualTo(Answer.CONFLICT);
        assertThat(missing.text()).isEqualTo("failed to update the lease with address 192.0.2.70 either because the lease has been"
                + " deleted or it has changed in the database, in both cases a retry might succeed");

        assertThat(CommandFixture.json(f.run("lease4-update", lease + ", \"force-create\": true }")))
                .isEqualTo("{ \"result\": 0, \"text\": \"IPv4 lease added.\" }");
        assertThat(f.stat("subnet[1].assigned-addresses")).isEqualTo(1);

        assertThat(f.run("lease4-update", lease + ", \"state\": 1 }").text()).isEqualTo("IPv4 lease updated.");
        assertThat(f.stat("subnet[1].assigned-addresses")).isEqualTo(1);
        assertThat(f.stat("subnet[1].declined-addresses")).isEqualTo(1);
        assertThat(f.stat("declined-addresses")).isEqualTo(1);

        assertThat(f.run("lease4-update", lease + ", \"state\": 2 }").text()).isEqualTo("IPv4 lease updated.");
        assertThat(f.stat("subnet[1].assigned-addresses")).isZero();
        assertThat(f.stat("declined-addresses")).isZero();
        assertThat(f.run("lease4-get", "{ \"ip-address\": \"192.0.2.70\" }").arguments().get("state").asInt()).isEqualTo(2);
    }

    @Test
    void deleteByAddressOrIdentifier() throws Exception {
        add("192.0.2.80", "1a:1b:1c:1d:1e:1f", ", \"client-id\": \"01:aa:bb\"");
        add("192.0.2.81", "2a:1b:1c:1d:1e:1f", "");
        assertThat(f.stat("subnet[1].assigned-addresses")).isEqualTo(2);

        assertThat(CommandFixture.json(f.run("lease4-del",
                "{ \"identifier-type\": \"hw-address\", \"identifier\": \"2a:1b:1c:1d:1e:1f\", \"subnet-id\": 1 }")))
                .isEqualTo("{ \"result\": 0, \"text\": \"IPv4 lease deleted.\" }");
        assertThat(f.run("lease4-del", "{ \"identifier-type\": \"client-id\", \"identifier\": \"01:aa:bb\", \"subnet-id\": 1 }").text())
                .isEqualTo("IPv4 lease deleted.");
        assertThat(CommandFixture.json(f.run("lease4-del", "{ \"ip-address\": \"192.0.2.80\" }")))
                .isEqualTo("{ \"result\": 3, \"text\": \"IPv4 lease not found.\" }");
        assertThat(f.stat("subnet[1].assigned-addresses")).isZero();

        assertThat(f.run("lease4-del", "{ \"identifier-type\": \"duid\", \"identifier\": \"01:02:03\", \"subnet-id\": 1 }").text())
                .isEqualTo("Delete by duid is not allowed in v4.");
        assertThat(f.run("lease4-del", "{ \"identifier-type\": \"flex-id\", \"identifier\": \"01\", \"subnet-id\": 1 }").text())
                .isEqualTo("Incorrect identifier type: flex-id, the only supported values are: hw-address, duid, client-id");
        assertThat(f.run("lease4-get", "{ \"identifier-type\": \"hw-address\", \"identifier\": \"01\" }").text())
                .isEqualTo("Mandatory 'subnet-id' parameter missing.");
        assertThat(f.run("lease4-get", "{ \"ip-address\": \"2001:db8::1\" }").text()).isEqualTo("Invalid IPv4 address specified: 2001:db8::1");
        assertThat(CommandFixture.json(f.run("lease4-get", "{ \"ip-address\": \"192.0.2.99\" }")))
                .isEqualTo("{ \"result\": 3, \"text\": \"Lease not found.\" }");
    }

    @Test
    void listsPagesAndLookups() throws Exception {
        add("192.0.2.3", "00:00:00:00:00:03", ", \"hostname\": \"Printer\"");
        add("192.0.2.1", "00:00:00:00:00:01", ", \"client-id\": \"ff:01\"");
        add("198.51.100.2", "00:00:00:00:00:01", "");

        Answer all = f.run("lease4-get-all", null);
        assertThat(all.text()).isEqualTo("3 IPv4 lease(s) found.");
        assertThat(addresses(all)).containsExactly("192.0.2.1", "192.0.2.3", "198.51.100.2");
        assertThat(addresses(f.run("lease4-get-all", "{ \"subnets\": [ 2 ] }"))).containsExactly("198.51.100.2");
        assertThat(CommandFixture.json(f.run("lease4-get-all", "{ \"subnets\": [ 7 ] }")))
                .isEqualTo("{ \"arguments\": { \"leases\": [  ] }, \"result\": 3, \"text\": \"0 IPv4 lease(s) found.\" }");
        assertThat(f.run("lease4-get-all", "{ }").text()).isEqualTo("'subnets' parameter not specified");

        Answer page1 = f.run("lease4-get-page", "{ \"from\": \"start\", \"limit\": 2 }");
        assertThat(page1.arguments().get("count").asInt()).isEqualTo(2);
        assertThat(addresses(page1)).containsExactly("192.0.2.1", "192.0.2.3");
        Answer page2 = f.run("lease4-get-page", "{ \"from\": \"192.0.2.3\", \"limit\": 2 }");
        assertThat(addresses(page2)).containsExactly("198.51.100.2");
        Answer page3 = f.run("lease4-get-page", "{ \"from\": \"198.51.100.2\", \"limit\": 2 }");
        assertThat(CommandFixture.json(page3))
                .isEqualTo("{ \"arguments\": { \"count\": 0, \"leases\": [  ] }, \"result\": 3, \"text\": \"0 IPv4 lease(s) found.\" }");
        assertThat(f.run("lease4-get-page", "{ \"from\": \"start\", \"limit\": 0 }").text()).isEqualTo("'limit' parameter must not be 0.");
        assertThat(f.run("lease4-get-page", "{ \"from\": \"nowhere\", \"limit\": 1 }").text())
                .isEqualTo("'from' parameter value is neither 'start' keyword nor a valid IPv4 address");

        assertThat(addresses(f.run("lease4-get-by-hw-address", "{ \"hw-address\": \"00:00:00:00:00:01\" }")))
                .containsExactly("192.0.2.1", "198.51.100.2");
        assertThat(addresses(f.run("lease4-get-by-client-id", "{ \"client-id\": \"ff:01\" }"))).containsExactly("192.0.2.1");
        assertThat(addresses(f.run("lease4-get-by-hostname", "{ \"hostname\": \"PRINTER\" }"))).containsExactly("192.0.2.3");
        assertThat(f.run("lease4-get-by-hostname", "{ \"hostname\": \"\" }").text()).isEqualTo("'hostname' parameter is empty");
        assertThat(f.run("lease4-get-by-hw-address", null).text()).isEqualTo("Command arguments missing or a not a map.");
    }

    @Test
    void wipeEmptiesSubnetsAndResetsTheirCounters() throws Exception {
        add("192.0.2.5", "00:00:00:00:00:05", ", \"state\": 1");
        add("192.0.2.6", "00:00:00:00:00:06", "");
        add("198.51.100.6", "00:00:00:00:00:06", "");
        assertThat(CommandFixture.json(f.run("lease4-wipe", "{ \"subnet-id\": 1 }")))
                .isEqualTo("{ \"result\": 0, \"text\": \"Deleted 2 IPv4 lease(s) from subnet(s) 1\" }");
        assertThat(f.stat("subnet[1].assigned-addresses")).isZero();
        assertThat(f.stat("declined-addresses")).isZero();
        assertThat(f.run("lease4-wipe", "{ \"subnet-id\": 1 }").result()).isEqualTo(Answer.EMPTY);
        assertThat(f.run("lease4-wipe", null).text()).isEqualTo("Deleted 1 IPv4 lease(s) from subnet(s) 1 2");
        assertThat(f.run("lease4-get-all", null).result()).isEqualTo(Answer.EMPTY);
    }

    @Test
    void writeDumpsAMemfileCsvIntoTheDataDirectory() throws Exception {
        add("192.0.2.7", "00:00:00:00:00:07", ", \"hostname\": \"a,b\"");
        Answer a = f.run("lease4-write", "{ \"filename\": \"dump.csv\" }");
        Path dump = dir.toAbsolutePath().normalize().resolve("dump.csv");
        assertThat(a.text()).isEqualTo("IPv4 lease database into '" + dump + "'.");
        List<String> lines = Files.readAllLines(dump);
        assertThat(lines).containsExactly(
                "address,hwaddr,client_id,valid_lifetime,expire,subnet_id,fqdn_fwd,fqdn_rev,hostname,state,user_context,pool_id",
                "192.0.2.7,00:00:00:00:00:07,,4000,1800004000,1,0,0,a&#x2cb,0,,0");

        assertThat(f.run("lease4-write", "{ \"filename\": \"/etc/dump.csv\" }").text())
                .isEqualTo("'filename' parameter is invalid: invalid path specified: '/etc', supported path is '"
                        + dir.toAbsolutePath().normalize() + "'");
        assertThat(f.run("lease4-write", "{ }").text()).isEqualTo("'filename' parameter not specified");
    }

    private static List<String> addresses(Answer a) {
        List<String> out = new java.util.ArrayList<>();
        a.arguments().get("leases").forEach(l -> out.add(l.get("ip-address").asText()));
        return out;
    }
}
