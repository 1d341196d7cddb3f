package dev.nestor.dhcp6.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nestor.control.Answer;
import dev.nestor.control.KeaJson;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * The DHCPv6 daemon's own commands: config-set / -test / -diff / -write / -reload, dhcp-disable / -enable,
 * server-tag-get, status-get, subnet6-select-test, class_cmds and stat-lease6-get, with Kea's texts.
 */
class ServerCommands6Test extends CommandTest6 {
    /** The fixture's config with {@code from} replaced by {@code to}, as command arguments. */
    static String config(String from, String to) {
        return CommandFixture6.CONFIG.replace(from, to);
    }

    @Test
    void configSetTestDiffAndReload() throws Exception {
        String hash = f.run("config-hash-get", null).arguments().path("hash").asText();
        String smaller = config("2001:db8:1::100 - 2001:db8:1::1ff", "2001:db8:1::100 - 2001:db8:1::17f")
                .replace("\"2001:db8:1::53\"", "\"2001:db8:1::54\"");
        Answer test = f.run("config-test", smaller);
        assertThat(test.text()).isEqualTo("Configuration seems sane. Control-sockets, hook-libraries, and D2 configuration"
                + " were sanity checked, but not applied.");
        assertThat(KeaJson.write(test.arguments().path("diff").path("pools-shrunk"))).isEqualTo("[ { \"id\": 1, "
                + "\"removed-addresses\": 128, \"removed-ranges\": [ \"2001:db8:1::180 - 2001:db8:1::1ff\" ], \"subnet\": \"2001:db8:1::/64\" } ]");
        assertThat(f.run("config-diff", smaller).text()).isEqualTo("0 subnet(s) added, 0 removed, 1 changed, 1 with shrunk pools,"
                + " 0 global parameter(s) changed; 0 current lease(s) outside the new pools");
        assertThat(f.run("config-hash-get", null).arguments().path("hash").asText()).as("nothing applied").isEqualTo(hash);
        assertThat(f.json("config-test", "{ \"Dhcp4\": { } }")).isEqualTo("{ \"result\": 1, \"text\": \"Missing mandatory 'Dhcp6' parameter.\" }");
        assertThat(f.run("config-set", config("\"id\": 2,", "\"id\": 0,")).text()).startsWith("Dhcp6.shared-networks[0].subnet6[0]");

        Answer set = f.run("config-set", smaller);
        assertThat(set.text()).isEqualTo("Configuration successful.");
        assertThat(f.server.runtime().config().subnet(1).orElseThrow().pools().getFirst().toString())
                .isEqualTo("2001:db8:1::100 - 2001:db8:1::17f");
        assertThat(f.run("config-get", null).arguments().path("hash").asText()).isEqualTo(set.arguments().path("hash").asText());

        JsonNode written = f.run("config-write", "{ \"filename\": \"copy.json\" }").arguments();
        assertThat(written.path("size").asLong()).isEqualTo(Files.size(dir.resolve("copy.json")));
        assertThat(f.run("config-write", "{ \"filename\": \"/tmp/x/y.json\" }").text()).startsWith("not allowed to write config into /tmp/x/y.json");

        Answer reload = f.run("config-reload", null);
        assertThat(reload.text()).startsWith("Configuration successful. Warning: run-time configuration changes").contains("discarded");
        assertThat(f.run("config-hash-get", null).arguments().path("hash").asText()).isEqualTo(hash);
    }

    @Test
    void serviceCommands() {
        assertThat(f.json("dhcp-disable", "{ \"max-period\": 30 }"))
                .isEqualTo("{ \"result\": 0, \"text\": \"DHCPv6 service disabled for 30 seconds\" }");
        JsonNode state = f.run("status-get", null).arguments().path("dhcp-state");
        assertThat(state.path("globally-disabled").asBoolean()).isTrue();
        assertThat(f.json("dhcp-enable", null)).isEqualTo("{ \"result\": 0, \"text\": \"DHCP service successfully enabled\" }");
        assertThat(f.server.networkState().isServiceEnabled()).isTrue();
        assertThat(f.json("server-tag-get", null)).isEqualTo("{ \"arguments\": { \"server-tag\": \"v6-tag\" }, \"result\": 0 }");
        assertThat(f.run("version-get", null).arguments().path("extended").asText()).contains("Nestor");
        assertThat(f.run("list-commands", null).arguments().toString()).contains("lease6-bulk-apply", "subnet6-select-test",
                "network6-subnet-add", "reservation-get-page", "class-list", "stat-lease6-get", "config-diff", "leases-reclaim");
    }

    @Test
    void subnet6SelectTest() {
        assertThat(f.json("subnet6-select-test", "{ \"interface\": \"eth1\" }"))
                .isEqualTo("{ \"result\": 0, \"text\": \"selected subnet '2001:db8:1::/64' id 1\" }");
        assertThat(f.run("subnet6-select-test", "{ \"link\": \"2001:db8:2::1\" }").text())
                .isEqualTo("selected shared network 'net1' starting with subnet '2001:db8:2::/64' id 2");
        assertThat(f.run("subnet6-select-test", "{ \"remote\": \"2001:db8:1::77\" }").text()).isEqualTo("selected subnet '2001:db8:1::/64' id 1");
        assertThat(f.json("subnet6-select-test", "{ \"remote\": \"2001:db8:7::1\" }"))
                .isEqualTo("{ \"result\": 3, \"text\": \"no subnet selected\" }");
        assertThat(f.run("subnet6-select-test", "{ \"remote\": \"192.0.2.1\" }").text()).isEqualTo("bad 'remote' entry: not IPv6");
        assertThat(f.run("subnet6-select-test", "{ \"bogus\": 1 }").text()).isEqualTo("unknown entry 'bogus'");
        assertThat(f.run("subnet6-select-test", null).text()).isEqualTo("empty arguments");
    }

    @Test
    void classCommands() {
        assertThat(f.json("class-list", null)).isEqualTo("{ \"arguments\": { \"client-classes\": [ { \"name\": \"voip\" }, { \"name\": \"phones\" } ] }, "
                + "\"result\": 0, \"text\": \"2 classes found\" }");
        assertThat(f.json("class-add", "{ \"client-classes\": [ { \"name\": \"cams\", \"test\": \"member('voip')\" } ] }"))
                .isEqualTo("{ \"result\": 0, \"text\": \"Class 'cams' added\" }");
        assertThat(f.run("class-del", "{ \"name\": \"voip\" }").text()).isEqualTo("Class 'voip' is used by class 'phones'");
        assertThat(f.run("class-get", "{ \"name\": \"cams\" }").text()).isEqualTo("Class 'cams' definition returned");
        assertThat(f.json("class-del", "{ \"name\": \"cams\" }")).isEqualTo("{ \"result\": 0, \"text\": \"Class 'cams' deleted\" }");
        assertThat(f.server.runtime().config().clientClasses()).hasSize(2);
    }

    @Test
    void statLease6Get() {
        f.run("lease6-add", "{ \"ip-address\": \"2001:db8:1::150\", \"duid\": \"01:02:03\", \"iaid\": 1 }");
        f.run("lease6-add", "{ \"ip-address\": \"2001:db8:8000:100::\", \"type\": \"IA_PD\", \"prefix-len\": 56, \"subnet-id\": 1,"
                + " \"duid\": \"01:02:03\", \"iaid\": 2 }");
        assertThat(f.json("stat-lease6-get", "{ \"subnet-id\": 1 }")).isEqualTo("{ \"arguments\": { \"result-set\": { \"columns\": [ "
                + "\"subnet-id\", \"total-nas\", \"cumulative-assigned-nas\", \"assigned-nas\", \"declined-addresses\", \"total-pds\", "
                + "\"cumulative-assigned-pds\", \"assigned-pds\" ], \"rows\": [ [ 1, 256, 0, 1, 0, 256, 0, 1 ] ], "
                + "\"timestamp\": \"2027-01-15 10:00:00.123456\" } }, \"result\": 0, \"text\": \"stat-lease6-get[subnet-id=1]: 1 rows found\" }");
        assertThat(f.json("stat-lease6-get", "{ \"subnet-id\": 9 }")).isEqualTo("{ \"arguments\": {  }, \"result\": 3, "
                + "\"text\": \"stat-lease6-get[subnet-id=9]: no matching data, subnet-id: 9 does not exist\" }");
    }
}
