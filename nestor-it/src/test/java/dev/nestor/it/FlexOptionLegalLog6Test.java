package dev.nestor.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nestor.it.harness.Cmd;
import dev.nestor.it.harness.Dhcp6Config;
import dev.nestor.it.harness.Host;
import dev.nestor.it.harness.Json;
import dev.nestor.it.harness.ServerKind;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * flex_option in the real nestor-dhcp6 process: a vendor-opts (17) container created for a DOCSIS (vendor-4491)
 * sub-option and dns-servers superseded with csv-format, seen in the ADVERTISE a raw client receives; legal_log's
 * "Administrator added a lease of prefix ..." line for lease6-add.
 */
class FlexOptionLegalLog6Test extends LabTest {
    private Path probe;

    @BeforeAll
    void setUp() throws Exception {
        Assumptions.assumeTrue(kind == ServerKind.NESTOR, "Nestor's bundled libraries (Kea needs its own .so files)");
        createLab6("2001:db8:1::1/64", "python3");
        probe = lab.workDir().resolve("dhcp6-probe.py");
        try (InputStream in = FlexOptionLegalLog6Test.class.getResourceAsStream("/dhcp6-probe.py")) {
            Files.write(probe, in.readAllBytes());
        }
        Dhcp6Config c = Dhcp6Config.basic(lab);
        c.subnet(1, "2001:db8:1::/64", "2001:db8:1::100 - 2001:db8:1::1ff").put("interface", lab.serverIface());
        var libs = c.dhcp6().putArray("hooks-libraries");
        libs.addObject().put("library", "libdhcp_flex_option.so").set("parameters", Json.parse("""
                {"options": [
                  {"code": 17, "sub-options": [{"code": 33, "space": "vendor-4491", "add": "'cfg6'"}]},
                  {"name": "dns-servers", "supersede": "'2001:db8::53'", "csv-format": true} ]}"""));
        libs.addObject().put("library", "libdhcp_legal_log.so").putObject("parameters")
                .put("path", lab.workDir().toString()).put("base-name", "kea-legal6");
        startServer(c);
    }

    @Test
    void theAdvertiseCarriesTheVendorSubOptionAndTheSupersededDnsServers() {
        Host host = lab.addClient("probe6", "02:00:00:00:26:01");
        Cmd.Result r = lab.exec(host.netns(), Duration.ofSeconds(40), "python3", probe.toString(), host.iface(), host.mac());
        assertThat(r.exit()).as(r.output()).isZero();
        JsonNode o = Json.parse(r.output().trim().lines().reduce((a, b) -> b).orElseThrow()).path("options");
        // enterprise 4491 (0x118b), sub-option 33 (2-byte code and length) "cfg6"
        assertThat(o.path("17").get(0).asText()).isEqualTo("0000118b" + "0021" + "0004" + "63666736");
        assertThat(o.path("23").get(0).asText()).isEqualTo("20010db8000000000000000000000053");
        assertThat(o.has("3")).as("an address was offered as usual").isTrue();
    }

    @Test
    void lease6AddGetsKeasAdministratorLine() throws Exception {
        ObjectNode add = Json.MAPPER.createObjectNode().put("ip-address", "2001:db8:1::1f0").put("duid", "01:02:03:04")
                .put("iaid", 7).put("subnet-id", 1).put("valid-lft", 3600);
        JsonNode answer = server.control().command("lease6-add", add);
        assertThat(answer.path("result").asInt()).as(answer.toString()).isZero();
        await("the legal log has the line").atMost(Duration.ofSeconds(10)).until(() -> legalLog().stream().anyMatch(l -> l.contains("Administrator")));
        assertThat(legalLog()).anySatisfy(l -> assertThat(l).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} \\S+ Administrator added a lease of"
                + " address: 2001:db8:1::1f0 to a device with DUID: 01:02:03:04 for 1 hrs 0 mins 0 secs"));
    }

    private List<String> legalLog() throws Exception {
        try (Stream<Path> s = Files.list(lab.workDir())) {
            Path log = s.filter(p -> p.getFileName().toString().matches("kea-legal6\\.\\d{8}\\.txt")).findFirst().orElseThrow();
            return Files.readAllLines(log);
        }
    }
}
