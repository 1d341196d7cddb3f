package dev.nestor.it;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * flex_id and limits in the real nestor-dhcp6 process. flex_id: the identifier expression takes the MAC out of the
 * client's DUID-LL, a "flex-id" reservation gives that client its address, and with replace-client-id the ADVERTISE
 * still carries the client's own DUID. limits: a client class over its rate is dropped, and the drops show in
 * pkt6-limit-exceeded and pkt6-receive-drop through statistic-get on the control socket.
 */
class FlexIdLimits6Test extends LabTest {
    static final String RESERVED_MAC = "02:00:00:00:27:01";
    static final String LIMITED_MAC = "02:00:00:00:27:02";
    private Path probe;

    @BeforeAll
    void setUp() throws Exception {
        Assumptions.assumeTrue(kind == ServerKind.NESTOR, "Nestor's bundled libraries (Kea needs its own .so files)");
        createLab6("2001:db8:1::1/64", "python3", "timeout");
        probe = lab.workDir().resolve("dhcp6-probe.py");
        try (InputStream in = FlexIdLimits6Test.class.getResourceAsStream("/dhcp6-probe.py")) {
            Files.write(probe, in.readAllBytes());
        }
        Dhcp6Config c = Dhcp6Config.basic(lab);
        c.dhcp6().putArray("host-reservation-identifiers").add("duid").add("flex-id");
        ObjectNode subnet = c.subnet(1, "2001:db8:1::/64", "2001:db8:1::100 - 2001:db8:1::1ff").put("interface", lab.serverIface());
        // the probe's DUID-LL is 00:03:00:01 + MAC: the flex-id is the MAC, written here in hex
        subnet.putArray("reservations").addObject().put("flex-id", RESERVED_MAC).putArray("ip-addresses").add("2001:db8:1::77");
        c.dhcp6().putArray("client-classes").addObject().put("name", "limited")
                .put("test", "substring(option[1].hex,4,6) == 0x" + LIMITED_MAC.replace(":", ""))
                .putObject("user-context").putObject("limits").put("rate-limit", "1 packet per minute");
        var libs = c.dhcp6().putArray("hooks-libraries");
        libs.addObject().put("library", "libdhcp_flex_id.so").set("parameters", Json.parse("""
                {"identifier-expression": "substring(option[1].hex,4,6)", "replace-client-id": true}"""));
        libs.addObject().put("library", "libdhcp_limits.so");
        startServer(c);
    }

    private Cmd.Result probe(Host host, int seconds) {
        return lab.exec(host.netns(), Duration.ofSeconds(40), "timeout", Integer.toString(seconds), "python3", probe.toString(),
                host.iface(), host.mac());
    }

    private static JsonNode advertise(Cmd.Result r) {
        assertThat(r.exit()).as(r.output()).isZero();
        return Json.parse(r.output().trim().lines().reduce((a, b) -> b).orElseThrow());
    }

    @Test
    void theFlexIdReservationGivesTheClientItsAddressUnderItsOwnDuid() {
        Host host = lab.addClient("flex6", RESERVED_MAC);
        JsonNode adv = advertise(probe(host, 30));
        // IA_NA option 5 (IAADDR): the address first
        assertThat(adv.path("ia_na").path("5").get(0).asText()).startsWith("20010db8000100000000000000000077");
        // replace-client-id: the server worked with 00:00 + MAC, the client gets its DUID-LL back
        assertThat(adv.path("options").path("1").get(0).asText()).isEqualTo("00030001" + RESERVED_MAC.replace(":", ""));
    }

    @Test
    void queriesOverTheClassRateAreDroppedAndCounted() {
        Host host = lab.addClient("limited6", LIMITED_MAC);
        JsonNode first = advertise(probe(host, 30));
        assertThat(first.path("options").has("3")).as("the first query of the minute is answered").isTrue();
        assertThat(stat("pkt6-limit-exceeded")).isZero();
        long dropsBefore = stat("pkt6-receive-drop");

        // the probe repeats its SOLICIT every second: within the minute every one is dropped
        Cmd.Result second = probe(host, 4);
        assertThat(second.exit()).as(second.output()).isNotZero();
        long exceeded = stat("pkt6-limit-exceeded");
        assertThat(exceeded).isPositive();
        assertThat(stat("pkt6-receive-drop") - dropsBefore).isGreaterThanOrEqualTo(exceeded);
    }

    private long stat(String name) {
        JsonNode answer = server.control().command("statistic-get", Json.MAPPER.createObjectNode().put("name", name));
        assertThat(answer.path("result").asInt()).as(answer.toString()).isZero();
        JsonNode samples = answer.path("arguments").path(name);
        assertThat(samples.isArray() && !samples.isEmpty()).as(answer.toString()).isTrue();
        return samples.get(0).get(0).asLong();
    }
}
