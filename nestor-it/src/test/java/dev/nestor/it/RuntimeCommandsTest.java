package dev.nestor.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nestor.it.harness.ClientLease;
import dev.nestor.it.harness.Dhclient;
import dev.nestor.it.harness.Dhcp4Config;
import dev.nestor.it.harness.Host;
import dev.nestor.it.harness.Json;
import dev.nestor.it.harness.LeaseFile;
import dev.nestor.it.harness.ServerKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hook-library command sets against the real daemon over its unix control socket: a reservation added at run
 * time with reservation-add is what the next real client (dhclient) gets, and lease4-add / lease4-del show up in
 * the memfile lease file.
 */
class RuntimeCommandsTest extends LabTest {
    static final String RESERVED_MAC = "02:00:00:c0:02:3c";
    static final String RESERVED_IP = "192.0.2.60";

    @BeforeAll
    void setUp() {
        createLab("192.0.2.1/24", "dhclient");
        Dhcp4Config config = Dhcp4Config.basic(lab).option("domain-name-servers", "192.0.2.53");
        ObjectNode subnet = config.subnet(1, "192.0.2.0/24", "192.0.2.100 - 192.0.2.199");
        Dhcp4Config.addOption(subnet, "routers", "192.0.2.1");
        startServer(config);
    }

    private JsonNode command(String name, String arguments) throws Exception {
        return server.control().command(name, (ObjectNode) Json.MAPPER.readTree(arguments));
    }

    @Test
    void reservationAddedAtRunTimeIsServedToTheNextClient() throws Exception {
        // Debian's Kea 2.2 has no host_cmds (a premium hook there) and no operation-target
        assumeTrue(kind == ServerKind.NESTOR, "host_cmds is built into nestor only");
        JsonNode added = command("reservation-add", "{ \"operation-target\": \"memory\", \"reservation\": { \"subnet-id\": 1, "
                + "\"hw-address\": \"" + RESERVED_MAC + "\", \"ip-address\": \"" + RESERVED_IP + "\", \"hostname\": \"added-host\" } }");
        assertThat(added.path("result").asInt()).as(added.toString()).isZero();
        assertThat(added.path("text").asText()).isEqualTo("Host added.");
        JsonNode got = command("reservation-get", "{ \"subnet-id\": 1, \"ip-address\": \"" + RESERVED_IP + "\" }");
        assertThat(got.path("arguments").path("hw-address").asText()).isEqualTo(RESERVED_MAC);

        Host h = lab.addClient("runtime-resv", RESERVED_MAC);
        ClientLease lease = client(new Dhclient(lab, h)).obtain();
        assertThat(lease.address()).as("address reserved at run time").isEqualTo(RESERVED_IP);
        assertThat(lease.hostname()).as("reserved hostname").isEqualTo("added-host");
    }

    @Test
    void leaseAddAndDelReachTheLeaseFile() throws Exception {
        String ip = "192.0.2.150";
        JsonNode added = command("lease4-add", "{ \"ip-address\": \"" + ip + "\", \"hw-address\": \"1a:1b:1c:1d:1e:1f\", "
                + "\"hostname\": \"manual\", \"valid-lft\": 3600 }");
        assertThat(added.path("result").asInt()).as(added.toString()).isZero();
        assertThat(added.path("text").asText()).isEqualTo("Lease for address " + ip + ", subnet-id 1 added.");
        LeaseFile.Row row = awaitLeases("added lease in the file", f -> f.current().containsKey(ip)).current().get(ip);
        assertThat(row.hwaddr()).isEqualTo("1a:1b:1c:1d:1e:1f");
        assertThat(row.validLifetime()).isEqualTo(3600);
        assertThat(row.hostname()).isEqualTo("manual");

        JsonNode deleted = command("lease4-del", "{ \"ip-address\": \"" + ip + "\" }");
        assertThat(deleted.path("text").asText()).isEqualTo("IPv4 lease deleted.");
        awaitLeases("deletion recorded in the file", f -> !f.current().containsKey(ip) && f.last(ip).orElseThrow().isDeletion());
        JsonNode again = command("lease4-get", "{ \"ip-address\": \"" + ip + "\" }");
        assertThat(again.path("result").asInt()).isEqualTo(3);
    }
}
