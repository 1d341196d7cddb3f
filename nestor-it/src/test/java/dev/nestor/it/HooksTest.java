package dev.nestor.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nestor.it.harness.ClientLease;
import dev.nestor.it.harness.Cmd;
import dev.nestor.it.harness.Dhclient;
import dev.nestor.it.harness.Dhcp4Config;
import dev.nestor.it.harness.Host;
import dev.nestor.it.harness.Require;
import dev.nestor.it.harness.ServerKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The sample hook library (its own jar, on no class path of the server) loaded from "hooks-libraries" by the real
 * nestor-dhcp4 process: dhclient sees the option it adds, the MAC it drops gets nothing, its command answers on
 * the control socket, and 100 SIGHUP reconfigurations in a row each load a fresh instance while the server keeps
 * serving and lets the old class loaders go.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HooksTest extends LabTest {
    private static final String DROPPED_MAC = "02:00:00:00:00:66";
    private Dhcp4Config config;

    @BeforeAll
    void setUp() throws IOException {
        Assumptions.assumeTrue(kind == ServerKind.NESTOR, "hook library jars are Nestor's (Kea loads .so files)");
        createLab("192.0.2.1/24", "dhclient", "udhcpc");
        config = withSample(Dhcp4Config.basic(lab), "hello-0");
        ObjectNode subnet = config.subnet(1, "192.0.2.0/24", "192.0.2.100 - 192.0.2.199");
        Dhcp4Config.addOption(subnet, "routers", "192.0.2.1");
        startServer(config);
    }

    /** The jar nestor-hook-sample built: found by path, as an operator would configure it. */
    static Path sampleJar() throws IOException {
        Path target = ServerKind.repoRoot().resolve("nestor-hook-sample/target");
        Require.that(Files.isDirectory(target), "nestor-hook-sample is not built; run ./mvnw -q -DskipTests install first");
        try (Stream<Path> s = Files.list(target)) {
            List<Path> jars = s.filter(p -> p.getFileName().toString().matches("nestor-hook-sample-.*\\.jar")
                    && !p.getFileName().toString().endsWith("-tests.jar")).toList();
            Require.that(jars.size() == 1, "expected one nestor-hook-sample jar in " + target + ", found " + jars);
            return jars.getFirst();
        }
    }

    private static Dhcp4Config withSample(Dhcp4Config c, String greeting) throws IOException {
        Dhcp4Config out = c.copy();
        out.dhcp4().remove("hooks-libraries");
        ObjectNode lib = out.dhcp4().withArray("hooks-libraries").addObject();
        lib.put("library", sampleJar().toString());
        lib.putObject("parameters").put("option-code", 15).put("option-text", "sample.example")
                .put("drop-mac", DROPPED_MAC).put("greeting", greeting);
        return out;
    }

    @Test
    @Order(1)
    void dhclientSeesTheOptionTheLibraryAdds() {
        Host host = lab.addClient("plain", null);
        ClientLease lease = client(new Dhclient(lab, host)).obtain();
        assertThat(lease.address()).startsWith("192.0.2.");
        assertThat(lease.domainName()).as("option 15 added by the pkt4_send callout").isEqualTo("sample.example");
    }

    @Test
    @Order(2)
    void theDroppedMacGetsNothing() {
        Host host = lab.addClient("dropped", DROPPED_MAC);
        long before = hello().path("arguments").path("dropped").asLong();
        // udhcpc: two DISCOVERs one second apart, then gives up (-n) with a non-zero exit
        Cmd.Result r = lab.exec(host.netns(), Duration.ofSeconds(20), "udhcpc", "-f", "-n", "-q", "-t", "2", "-T", "1",
                "-i", host.iface(), "-s", "/bin/true");
        assertThat(r.exit()).as("udhcpc got no lease\n%s", r.output()).isNotZero();
        assertThat(hello().path("arguments").path("dropped").asLong()).isGreaterThanOrEqualTo(before + 2);
        assertThat(server.control().command("lease4-get-all").toString()).doesNotContain(DROPPED_MAC);
    }

    @Test
    @Order(3)
    void sampleHelloAnswersOnTheControlSocket() {
        JsonNode answer = hello();
        assertThat(answer.path("result").asInt()).isZero();
        assertThat(answer.path("text").asText()).isEqualTo("hello-0, nestor-it!");
        assertThat(answer.path("arguments").path("options-added").asLong()).isPositive();
        assertThat(server.control().command("list-commands").toString()).contains("sample-hello");
    }

    @Test
    @Order(4)
    void hundredReloadsInARowKeepServingAndLeakNoClassLoader() throws Exception {
        for (int i = 1; i <= 100; i++) {
            server.reload(withSample(config, "hello-" + i));
            String expected = "hello-" + i + ", nestor-it!";
            await("reload " + i).atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(20))
                    .until(() -> expected.equals(hello().path("text").asText()));
        }
        assertThat(server.isAlive()).isTrue();
        assertThat(hello().path("arguments").path("dropped").asLong()).as("a fresh instance: fresh state").isZero();
        Host host = lab.addClient("after", null);
        ClientLease lease = client(new Dhclient(lab, host)).obtain();
        assertThat(lease.domainName()).isEqualTo("sample.example");

        Path jcmd = jcmd();
        if (jcmd == null) return; // no JDK tools next to the server's java: the runtime's leak test covers this
        Cmd.Result histogram = Cmd.run(Duration.ofSeconds(60), jcmd.toString(), Long.toString(server.pid()), "GC.class_histogram");
        assertThat(histogram.exit()).as(histogram.output()).isZero();
        assertThat(instances(histogram.output(), "dev.nestor.hooks.sample.SampleHookLibrary")).as("live library instances").isBetween(1L, 2L);
        assertThat(instances(histogram.output(), "java.net.URLClassLoader")).as("live hook class loaders").isLessThanOrEqualTo(3);
    }

    private JsonNode hello() {
        ObjectNode args = dev.nestor.it.harness.Json.MAPPER.createObjectNode().put("name", "nestor-it");
        return server.control().command("sample-hello", args);
    }

    private static Path jcmd() {
        Cmd.Result java = Cmd.run(Duration.ofSeconds(30), ServerKind.repoRoot().resolve("bin/nestor-java").toString());
        if (java.exit() != 0) return null;
        Path j = Path.of(java.output().trim().lines().reduce((a, b) -> b).orElse("")).resolveSibling("jcmd");
        return Files.isExecutable(j) ? j : null;
    }

    /** Instance count of a class in a GC.class_histogram ("num: #instances #bytes class name"). */
    private static long instances(String histogram, String className) {
        Matcher m = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+\\d+\\s+" + Pattern.quote(className) + "(\\s|$)", Pattern.MULTILINE).matcher(histogram);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }
}
