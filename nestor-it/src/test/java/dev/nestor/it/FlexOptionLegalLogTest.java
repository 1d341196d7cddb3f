package dev.nestor.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nestor.it.harness.Cmd;
import dev.nestor.it.harness.Dhcp4Config;
import dev.nestor.it.harness.Host;
import dev.nestor.it.harness.Json;
import dev.nestor.it.harness.ServerKind;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * flex_option's full set (sub-options in a container it creates, supersede with csv-format under a client-class
 * guard, remove, source "response", destination "query") seen in the DHCPOFFER a raw client receives, and
 * legal_log's "Administrator ..." lines for lease4-add / lease4-del sent over the control socket, in the real
 * nestor-dhcp4 process.
 */
class FlexOptionLegalLogTest extends LabTest {
    private static final String PROBED_MAC = "02:00:00:00:20:01";
    private Path probe;

    @BeforeAll
    void setUp() throws Exception {
        Assumptions.assumeTrue(kind == ServerKind.NESTOR, "Nestor's bundled libraries (Kea needs its own .so files)");
        createLab("192.0.2.1/24", "python3");
        probe = lab.workDir().resolve("dhcp4-probe.py");
        try (InputStream in = FlexOptionLegalLogTest.class.getResourceAsStream("/dhcp4-probe.py")) {
            Files.write(probe, in.readAllBytes());
        }
        Dhcp4Config c = Dhcp4Config.basic(lab);
        ObjectNode subnet = c.subnet(1, "192.0.2.0/24", "192.0.2.100 - 192.0.2.149");
        Dhcp4Config.addOption(subnet, "routers", "192.0.2.1");
        ObjectNode cls = c.dhcp4().putArray("client-classes").addObject();
        cls.put("name", "probe").put("test", "pkt4.mac == 0x" + PROBED_MAC.replace(":", ""));
        var libs = c.dhcp4().putArray("hooks-libraries");
        libs.addObject().put("library", "libdhcp_flex_option.so").set("parameters", Json.parse("""
                {"options": [
                  {"code": 67, "add": "ifelse(option[host-name].exists, concat(option[host-name].text, '.boot'), '')"},
                  {"code": 43, "sub-options": [{"code": 1, "add": "'foobar'"}]},
                  {"code": 15, "supersede": "'flex.example'"},
                  {"code": 66, "supersede": "option[15].text", "source": "response"},
                  {"name": "domain-name-servers", "supersede": "'192.0.2.53, 192.0.2.54'", "csv-format": true, "client-class": "probe"},
                  {"code": 3, "remove": "pkt4.mac == 0x%s"},
                  {"code": 12, "remove": "option[host-name].text == 'hidden'", "destination": "query"} ]}
                """.formatted(PROBED_MAC.replace(":", ""))));
        libs.addObject().put("library", "libdhcp_legal_log.so").putObject("parameters")
                .put("path", lab.workDir().toString()).put("base-name", "kea-legal4");
        startServer(c);
    }

    private JsonNode offer(Host host, String hostname) {
        Cmd.Result r = lab.exec(host.netns(), Duration.ofSeconds(30), "python3", probe.toString(), host.iface(), host.mac(), hostname);
        assertThat(r.exit()).as(r.output()).isZero();
        return Json.parse(r.output().trim().lines().reduce((a, b) -> b).orElseThrow()).path("options");
    }

    private static String hex(String ascii) { return HexFormat.of().formatHex(ascii.getBytes(StandardCharsets.US_ASCII)); }

    @Test
    void theOfferCarriesTheOptionsFlexOptionAddedSupersededAndRemoved() {
        JsonNode o = offer(lab.addClient("probed", PROBED_MAC), "node1");
        assertThat(o.path("43").asText()).as("container 43 created with sub-option 1 'foobar'").isEqualTo("01" + "06" + hex("foobar"));
        assertThat(o.path("67").asText()).as("add from the query's host-name").isEqualTo(hex("node1.boot"));
        assertThat(o.path("15").asText()).as("supersede").isEqualTo(hex("flex.example"));
        assertThat(o.path("66").asText()).as("source response: read the reply's option 15").isEqualTo(hex("flex.example"));
        assertThat(o.path("6").asText()).as("csv-format, class 'probe'").isEqualTo("c0000235c0000236");
        assertThat(o.has("3")).as("routers removed for this MAC").isFalse();

        JsonNode other = offer(lab.addClient("other", "02:00:00:00:20:02"), "hidden");
        assertThat(other.has("67")).as("destination query removed host-name before the reply was built").isFalse();
        assertThat(other.path("3").asText()).as("routers kept").isEqualTo("c0000201");
        assertThat(other.has("6")).as("not in class 'probe'").isFalse();
        assertThat(other.path("43").asText()).isEqualTo("01" + "06" + hex("foobar"));
    }

    @Test
    void leaseCommandsGetKeasAdministratorLines() throws Exception {
        ObjectNode add = Json.MAPPER.createObjectNode().put("ip-address", "192.0.2.140").put("hw-address", "1a:1b:1c:1d:1e:1f")
                .put("subnet-id", 1).put("valid-lft", 600);
        assertThat(server.control().command("lease4-add", add).path("result").asInt()).isZero();
        assertThat(server.control().command("lease4-del", Json.MAPPER.createObjectNode().put("ip-address", "192.0.2.140"))
                .path("result").asInt()).isZero();
        // a failed command is not logged
        assertThat(server.control().command("lease4-del", Json.MAPPER.createObjectNode().put("ip-address", "192.0.2.141"))
                .path("result").asInt()).isNotZero();
        await("the legal log has the delete").atMost(Duration.ofSeconds(10)).until(() -> legalLog().stream().anyMatch(l -> l.contains("deleted")));
        List<String> lines = legalLog().stream().filter(l -> l.contains("Administrator")).toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} \\S+ Administrator added a lease of address: 192\\.0\\.2\\.140"
                + " to a device with hardware address: 1a:1b:1c:1d:1e:1f for 0 hrs 10 mins 0 secs");
        assertThat(lines.get(1)).endsWith(" Administrator deleted the lease for address: 192.0.2.140");
    }

    private List<String> legalLog() throws Exception {
        try (Stream<Path> s = Files.list(lab.workDir())) {
            Path log = s.filter(p -> p.getFileName().toString().matches("kea-legal4\\.\\d{8}\\.txt")).findFirst().orElseThrow();
            return Files.readAllLines(log);
        }
    }
}
