package dev.nestor.dhcp4.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nestor.common.net.Ipv4;
import dev.nestor.control.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** host_cmds over a real server runtime: reservations change the running config, with Kea's answers. */
class HostCommands4Test {
    @TempDir
    Path dir;
    CommandFixture f;

    @BeforeEach
    void start() throws Exception {
        f = new CommandFixture(dir);
    }

    @AfterEach
    void close() {
        f.close();
    }

    private Answer add(String reservation, String target) {
        return f.run("reservation-add", "{ \"reservation\": " + reservation
                + (target == null ? "" : ", \"operation-target\": \"" + target + "\"") + " }");
    }

    @Test
    void addingToMemoryReachesTheRunningServer() {
        Answer a = add("{ \"subnet-id\": 1, \"hw-address\": \"1A:1B:1C:1D:1E:1F\", \"ip-address\": \"192.0.2.20\", "
                + "\"hostname\": \"beta\", \"option-data\": [ { \"name\": \"domain-name-servers\", \"data\": \"192.0.2.53\" } ] }", "memory");
        assertThat(CommandFixture.json(a)).isEqualTo("{ \"result\": 0, \"text\": \"Host added.\" }");
        // the running config serves it, and it is marked as a runtime change
        assertThat(f.server.runtime().hosts().byAddress(1, Ipv4.parse("192.0.2.20"))).isPresent();
        assertThat(f.changes.isDirty()).isTrue();

        Answer got = f.run("reservation-get", "{ \"subnet-id\": 1, \"identifier-type\": \"hw-address\", \"identifier\": \"1a:1b:1c:1d:1e:1f\" }");
        assertThat(CommandFixture.json(got)).isEqualTo("{ \"arguments\": { \"boot-file-name\": \"\", \"client-classes\": [  ], "
                + "\"hostname\": \"beta\", \"hw-address\": \"1a:1b:1c:1d:1e:1f\", \"ip-address\": \"192.0.2.20\", "
                + "\"next-server\": \"0.0.0.0\", \"option-data\": [ { \"data\": \"192.0.2.53\", \"name\": \"domain-name-servers\" } ], "
                + "\"server-hostname\": \"\", \"subnet-id\": 1 }, \"result\": 0, \"text\": \"Host found.\" }");
        assertThat(f.run("reservation-get", "{ \"subnet-id\": 1, \"ip-address\": \"192.0.2.20\" }").text()).isEqualTo("Host found.");
    }

    @Test
    void modifyingCommandsNeedAMemoryTargetAsKeaWithoutHostDatabase() {
        String r = "{ \"subnet-id\": 1, \"hw-address\": \"1a:1b:1c:1d:1e:1f\" }";
        assertThat(CommandFixture.json(add(r, null)))
                .isEqualTo("{ \"result\": 1, \"text\": \"Host database not available, cannot add host.\" }");
        assertThat(add(r, "database").text()).isEqualTo("Host database not available, cannot add host.");
        assertThat(add(r, "all").text()).isEqualTo("Host added.");
        assertThat(add(r, "disk").text())
                .isEqualTo("The 'operation-target' value (disk) is not within expected set: (memory, database, all, default)");
        assertThat(f.run("reservation-del", "{ \"subnet-id\": 1, \"ip-address\": \"192.0.2.10\" }").text())
                .isEqualTo("Unable to delete a host because there is no hosts-databases configured.");
        assertThat(f.run("reservation-update", "{ \"reservation\": " + r + " }").text())
                .isEqualTo("host database not available, cannot update host");
        // a read from the database finds nothing; the default (all) finds the config's hosts
        assertThat(f.run("reservation-get", "{ \"subnet-id\": 1, \"ip-address\": \"192.0.2.10\", \"operation-target\": \"database\" }").result())
                .isEqualTo(Answer.EMPTY);
    }

    @Test
    void addIsCheckedAsKeaChecksIt() {
        assertThat(add("{ \"hw-address\": \"1a:1b:1c:1d:1e:1f\", \"ip-address\": \"192.0.2.20\" }", "memory").text())
                .isEqualTo("Mandatory 'subnet-id' parameter missing. The address '192.0.2.20' belongs to subnet '192.0.2.0/24' id 1.");
        assertThat(add("{ \"hw-address\": \"1a:1b:1c:1d:1e:1f\", \"ip-address\": \"10.1.1.1\" }", "memory").text())
                .isEqualTo("Mandatory 'subnet-id' parameter missing. The address '10.1.1.1' belongs to no configured subnet.");
        assertThat(add("{ \"hw-address\": \"1a:1b:1c:1d:1e:1f\", \"hostname\": \"g\" }", "memory").text())
                .isEqualTo("Host added. subnet-id not specified, assumed global (subnet-id 0).");
        assertThat(f.server.runtime().config().globalReservations()).hasSize(1);

        assertThat(add("{ \"subnet-id\": 7, \"hw-address\": \"1a:1b:1c:1d:1e:1f\" }", "memory").text())
                .isEqualTo("IPv4 subnet with ID of '7' is not configured");
        assertThat(add("{ \"subnet-id\": 1, \"hw-address\": \"1a:1b:1c:1d:1e:1f\", \"ip-address\": \"198.51.100.5\" }", "memory").text())
                .isEqualTo("specified reservation '198.51.100.5' is not matching the IPv4 subnet prefix '192.0.2.0/24'");
        assertThat(add("{ \"subnet-id\": 1, \"hw-address\": \"02:00:00:00:00:01\" }", "memory").text())
                .isEqualTo("failed to add new host using the HW address '02:00:00:00:00:01' to the IPv4 subnet id '1' as this host"
                        + " has already been added");
        assertThat(add("{ \"subnet-id\": 1, \"client-id\": \"01:02:03\", \"ip-address\": \"192.0.2.10\" }", "memory").text())
                .isEqualTo("failed to add new host using the HW address '(null) and DUID '(null)' to the IPv4 subnet id '1' for the"
                        + " address 192.0.2.10: There's already a reservation for this address");
        add("{ \"subnet-id\": 1, \"client-id\": \"01:02:03\" }", "memory");
        assertThat(add("{ \"subnet-id\": 1, \"client-id\": \"01:02:03\" }", "memory").text())
                .isEqualTo("failed to add duplicate IPv4 host using identifier: client-id=010203");
        assertThat(f.run("reservation-add", null).text()).isEqualTo("no parameters specified for the command");
        assertThat(f.run("reservation-add", "{ \"operation-target\": \"memory\" }").text()).isEqualTo("reservation must be specified");
    }

    @Test
    void aReservationTheConfigRefusesLeavesTheRunningConfigAlone() {
        String before = f.server.runtime().config().json();
        Answer a = add("{ \"subnet-id\": 1, \"hw-address\": \"1a:1b:1c:1d:1e:1f\", "
                + "\"option-data\": [ { \"name\": \"no-such-option\", \"data\": \"1\" } ] }", "memory");
        assertThat(a.result()).isEqualTo(Answer.ERROR);
        assertThat(a.text()).contains("Dhcp4.subnet4[0].reservations[1].option-data[0]");
        assertThat(f.server.runtime().config().json()).isEqualTo(before);
        assertThat(f.changes.isDirty()).isFalse();
    }

    @Test
    void updateAndDelete() {
        Answer u = f.run("reservation-update", "{ \"operation-target\": \"memory\", \"reservation\": "
                + "{ \"subnet-id\": 1, \"hw-address\": \"02:00:00:00:00:01\", \"ip-address\": \"192.0.2.11\", \"hostname\": \"alpha2\" } }");
        assertThat(CommandFixture.json(u)).isEqualTo("{ \"result\": 0, \"text\": \"Host updated.\" }");
        assertThat(f.server.runtime().hosts().byAddress(1, Ipv4.parse("192.0.2.11")).orElseThrow().hostname()).isEqualTo("alpha2");
        assertThat(f.server.runtime().hosts().byAddress(1, Ipv4.parse("192.0.2.10"))).isEmpty();

        assertThat(f.run("reservation-update", "{ \"operation-target\": \"memory\", \"reservation\": "
                + "{ \"subnet-id\": 1, \"hw-address\": \"02:00:00:00:00:99\" } }").text()).isEqualTo("Host not updated (not found).");
        assertThat(f.run("reservation-update", "{ \"operation-target\": \"memory\", \"reservation\": "
                + "{ \"hw-address\": \"02:00:00:00:00:01\" } }").text()).isEqualTo("Mandatory 'subnet-id' parameter missing. Use"
                + " `reservation-get-by-id' or 'reservation-get-by-address' to get the list of reservations with given identifier or address.");

        String del = "{ \"subnet-id\": 1, \"identifier-type\": \"hw-address\", \"identifier\": \"02:00:00:00:00:01\", \"operation-target\": \"memory\" }";
        assertThat(CommandFixture.json(f.run("reservation-del", del))).isEqualTo("{ \"result\": 0, \"text\": \"Host deleted.\" }");
        assertThat(CommandFixture.json(f.run("reservation-del", del)))
                .isEqualTo("{ \"result\": 3, \"text\": \"Host not deleted (not found).\" }");
        assertThat(f.server.runtime().config().subnet(1).orElseThrow().reservations()).isEmpty();
    }

    @Test
    void queries() {
        add("{ \"subnet-id\": 2, \"hw-address\": \"02:00:00:00:00:01\", \"ip-address\": \"198.51.100.50\", \"hostname\": \"Alpha\" }", "memory");
        add("{ \"subnet-id\": 0, \"flex-id\": \"'gadget'\", \"hostname\": \"gadget\" }", "memory");

        Answer byId = f.run("reservation-get-by-id", "{ \"identifier-type\": \"hw-address\", \"identifier\": \"02:00:00:00:00:01\" }");
        assertThat(byId.text()).isEqualTo("2 IPv4 host(s) found.");
        assertThat(subnetIds(byId.arguments())).containsExactly(1L, 2L);
        assertThat(f.run("reservation-get-by-id", "{ \"identifier-type\": \"flex-id\", \"identifier\": \"'gadget'\" }")
                .arguments().get("hosts").get(0).get("flex-id").asText()).isEqualTo("676164676574");
        assertThat(f.run("reservation-get-by-id", "{ \"identifier-type\": \"hw-address\", \"identifier\": \"01\", \"subnet-id\": 1 }").text())
                .isEqualTo("'subnet-id' is forbidden in reservation-get-by-id");

        assertThat(subnetIds(f.run("reservation-get-by-hostname", "{ \"hostname\": \"ALPHA\" }").arguments())).containsExactly(1L, 2L);
        assertThat(subnetIds(f.run("reservation-get-by-hostname", "{ \"hostname\": \"alpha\", \"subnet-id\": 2 }").arguments()))
                .containsExactly(2L);
        assertThat(subnetIds(f.run("reservation-get-by-address", "{ \"ip-address\": \"198.51.100.50\" }").arguments())).containsExactly(2L);
        assertThat(f.run("reservation-get-all", "{ \"subnet-id\": 0 }").text()).isEqualTo("1 IPv4 host(s) found.");
        assertThat(CommandFixture.json(f.run("reservation-get-all", "{ \"subnet-id\": 3 }")))
                .isEqualTo("{ \"result\": 1, \"text\": \"IPv4 subnet with ID of '3' is not configured\" }");
        assertThat(f.run("reservation-get-all", "{ }").text()).isEqualTo("missing parameter 'subnet-id'");

        Answer page = f.run("reservation-get-page", "{ \"limit\": 2 }");
        assertThat(page.text()).isEqualTo("2 IPv4 host(s) found.");
        JsonNode next = page.arguments().get("next");
        assertThat(next.get("source-index").asInt()).isZero();
        Answer rest = f.run("reservation-get-page", "{ \"limit\": 2, \"from\": " + next.get("from").asLong() + " }");
        assertThat(rest.arguments().get("count").asInt()).isEqualTo(1);
        assertThat(rest.arguments().get("hosts").get(0).get("subnet-id").asLong()).isZero();
        Answer end = f.run("reservation-get-page", "{ \"limit\": 2, \"from\": " + rest.arguments().get("next").get("from").asLong() + " }");
        assertThat(CommandFixture.json(end))
                .isEqualTo("{ \"arguments\": { \"count\": 0, \"hosts\": [  ] }, \"result\": 3, \"text\": \"0 IPv4 host(s) found.\" }");

        assertThat(f.run("reservation-get", "{ \"ip-address\": \"192.0.2.10\" }").text()).isEqualTo("missing parameter 'subnet-id', use"
                + " 'reservation-get-by-address' with 'ip-address' set to \"192.0.2.10\" to get the list of reservations with this address");
        assertThat(CommandFixture.json(f.run("reservation-get", "{ \"subnet-id\": 1, \"ip-address\": \"192.0.2.99\" }")))
                .isEqualTo("{ \"result\": 3, \"text\": \"Host not found.\" }");
        assertThat(f.run("reservation-get", "{ \"subnet-id\": 1, \"identifier-type\": \"mac\", \"identifier\": \"01\" }").text())
                .isEqualTo("Value of 'identifier-type' was not recognized.");
    }

    private static java.util.List<Long> subnetIds(JsonNode args) {
        java.util.List<Long> out = new java.util.ArrayList<>();
        args.get("hosts").forEach(h -> out.add(h.get("subnet-id").asLong()));
        return out;
    }
}
