package dev.nestor.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nestor.it.harness.Cmd;
import dev.nestor.it.harness.Dhclient6;
import dev.nestor.it.harness.Dhcp6Config;
import dev.nestor.it.harness.Host;
import dev.nestor.it.harness.Json;
import dev.nestor.it.harness.ServerKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hook libraries in the real nestor-dhcp6 process with dhclient -6: the sample jar (loaded by path) adds a
 * dns-servers option to every reply (pkt6_send), drops one client (pkt6_receive) and answers its command; the bundled
 * run_script and legal_log see the committed lease (leases6_committed) with Kea's variables and line.
 */
class Hooks6Test extends LabTest {
    private static final String DROPPED_MAC = "02:00:00:00:06:66";
    private Path env;

    @BeforeAll
    void setUp() throws Exception {
        Assumptions.assumeTrue(kind == ServerKind.NESTOR, "hook library jars are Nestor's (Kea loads .so files)");
        createLab6("2001:db8:1::1/64", "dhclient");
        Dhcp6Config config = Dhcp6Config.basic(lab);
        config.subnet(1, "2001:db8:1::/64", "2001:db8:1::100 - 2001:db8:1::1ff").put("interface", lab.serverIface());
        env = lab.workDir().resolve("script6-env.txt");
        Path script = lab.workDir().resolve("lease6-hook.sh");
        Files.writeString(script, "#!/bin/sh\n[ \"$1\" = leases6_committed ] || exit 0\n{ echo \"HOOK=$1\"; /usr/bin/env; echo END; } >> " + env + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        var libs = config.dhcp6().putArray("hooks-libraries");
        libs.addObject().put("library", HooksTest.sampleJar().toString()).putObject("parameters")
                .put("option-code", 23).put("option-hex", "20010db8000000000000000000000099")
                .put("drop-mac", DROPPED_MAC).put("greeting", "hello6");
        libs.addObject().put("library", "libdhcp_run_script.so").putObject("parameters").put("name", script.toString());
        libs.addObject().put("library", "libdhcp_legal_log.so").putObject("parameters")
                .put("path", lab.workDir().toString()).put("base-name", "kea-forensic6");
        startServer(config);
    }

    @Test
    void theLibrariesSeeTheV6ExchangeAndChangeTheReply() throws Exception {
        Host host = lab.addClient("h6", "02:00:00:00:06:01");
        Dhclient6 c = client(new Dhclient6(lab, host, false));
        Dhclient6.Bound bound = c.obtain6();
        assertThat(bound.dnsServers()).as("dns-servers added by the sample's pkt6_send callout").containsExactly("2001:db8::99");

        await("run_script saw the lease").atMost(Duration.ofSeconds(15)).until(() -> Files.exists(env) && Files.readString(env).contains("END"));
        assertThat(Files.readString(env)).contains("HOOK=leases6_committed", "QUERY6_TYPE=REQUEST", "QUERY6_CLIENT_ID=" + c.duid(),
                "LEASES6_SIZE=1", "LEASES6_AT0_ADDRESS=" + bound.address(), "LEASES6_AT0_TYPE=IA_NA", "LEASES6_AT0_DUID=" + c.duid());

        Path log;
        try (Stream<Path> s = Files.list(lab.workDir())) {
            log = s.filter(p -> p.getFileName().toString().matches("kea-forensic6\\.\\d{8}\\.txt")).findFirst().orElseThrow();
        }
        assertThat(Files.readString(log)).contains("Address: " + bound.address() + " has been assigned for 0 hrs 10 mins 0 secs to a device with DUID: " + c.duid());

        JsonNode hello = server.control().command("sample-hello", Json.MAPPER.createObjectNode().put("name", "v6"));
        assertThat(hello.path("text").asText()).isEqualTo("hello6, v6!");
        assertThat(hello.path("arguments").path("options-added").asLong()).isPositive();
    }

    @Test
    void theDroppedClientGetsNothing() {
        Host host = lab.addClient("drop6", DROPPED_MAC);
        Cmd.Result r = lab.exec(host.netns(), Duration.ofSeconds(20), "timeout", "6", "dhclient", "-6", "-1", "-d", "-v",
                "-lf", lab.workDir().resolve("drop6.leases").toString(), "-pf", lab.workDir().resolve("drop6.pid").toString(),
                "-sf", "/bin/true", host.iface());
        assertThat(r.output()).as("no ADVERTISE received").doesNotContain("RCV: Advertise");
        ObjectNode args = Json.MAPPER.createObjectNode().put("name", "v6");
        assertThat(server.control().command("sample-hello", args).path("arguments").path("dropped").asLong()).isPositive();
    }

    @Test
    void aDhcp4OnlyLibraryIsRefusedByTheV6Server() throws Exception {
        Dhcp6Config c = (Dhcp6Config) server.config().copy();
        c.dhcp6().remove("hooks-libraries");
        c.dhcp6().putArray("hooks-libraries").addObject().put("library", "libdhcp_bootp.so");
        server.reload(c);
        await("refused").atMost(Duration.ofSeconds(15))
                .until(() -> Files.readString(server.log()).contains("pkt4_receive is not fired by the DHCP6 server"));
        assertThat(server.control().command("sample-hello").path("result").asInt()).as("the running libraries stay").isZero();
    }
}
