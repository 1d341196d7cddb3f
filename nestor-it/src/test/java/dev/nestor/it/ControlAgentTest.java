package dev.nestor.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nestor.it.harness.ControlClient;
import dev.nestor.it.harness.Json;
import dev.nestor.it.harness.LocalDaemon;
import dev.nestor.it.harness.Require;
import dev.nestor.it.harness.TestCerts;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * nestor-agent in front of a real nestor-dhcp4, driven by ISC's own {@code kea-shell} (unchanged, from Debian's
 * kea-ctrl-agent package) and by {@code nestor-shell}: the agent answers its own commands, forwards commands with
 * a {@code service} list to the daemon's unix socket, enforces basic authentication, and after a config-set
 * listens with TLS and a required client certificate.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ControlAgentTest {
    Path dir;
    TestCerts certs;
    LocalDaemon dhcp4;
    LocalDaemon agent;
    int agentPort;

    /** Output (stdout and stderr) and exit status of one shell run. */
    record Shell(int exit, String output) {
        JsonNode answers() {
            return Json.parse(output.strip());
        }
    }

    @BeforeAll
    void start() throws Exception {
        for (String[] m : new String[][] {{"nestor-dhcp4", "nestor-daemon-dhcp4"}, {"nestor-agent", "nestor-daemon-agent"},
                {"nestor-shell", "nestor-shell"}}) {
            String why = LocalDaemon.unavailable(m[0], m[1]);
            Require.that(why == null, String.valueOf(why));
        }
        Require.tools("kea-shell", "openssl");
        dir = Files.createTempDirectory("nestor-agent-it-");
        certs = TestCerts.create(Files.createDirectory(dir.resolve("pki")));
        int dhcpPort = LocalDaemon.freePort();
        ObjectNode doc = Json.MAPPER.createObjectNode();
        ObjectNode d = doc.putObject("Dhcp4");
        d.putObject("interfaces-config").put("dhcp-socket-type", "udp").putArray("interfaces").add("lo");
        d.putObject("lease-database").put("type", "memfile").put("name", dir.resolve("leases4.csv").toString()).put("lfc-interval", 0);
        d.putObject("control-socket").put("socket-type", "unix").put("socket-name", dir.resolve("ctrl4.sock").toString());
        d.put("server-tag", "behind-agent");
        d.putArray("subnet4").addObject().put("id", 1).put("subnet", "127.0.0.0/8").putArray("pools").addObject().put("pool", "127.0.0.100 - 127.0.0.150");
        Path dhcp4Config = dir.resolve("dhcp4.json");
        Files.writeString(dhcp4Config, Json.pretty(doc));
        ControlClient unix = new ControlClient(dir.resolve("ctrl4.sock"));
        dhcp4 = LocalDaemon.start("nestor-dhcp4", List.of("-c", dhcp4Config.toString(), "-p", Integer.toString(dhcpPort),
                "-P", Integer.toString(dhcpPort + 1)), dir.resolve("dhcp4.log"), unix::answers);

        agentPort = LocalDaemon.freePort();
        Path agentConfig = dir.resolve("agent.json");
        Files.writeString(agentConfig, Json.pretty(agentDocument(agentPort, false)));
        agent = LocalDaemon.start("nestor-agent", List.of("-c", agentConfig.toString()), dir.resolve("agent.log"),
                () -> keaShell(agentPort, List.of("--auth-user", "admin", "--auth-password", "adm1n"), "list-commands", "").exit() == 0);
    }

    @AfterAll
    void stop() {
        if (agent != null) agent.close();
        if (dhcp4 != null) dhcp4.close();
        LocalDaemon.deleteTree(dir);
    }

    ObjectNode agentDocument(int port, boolean tls) {
        ObjectNode doc = Json.MAPPER.createObjectNode();
        ObjectNode ca = doc.putObject("Control-agent").put("http-host", "127.0.0.1").put("http-port", port);
        ca.putObject("authentication").put("type", "basic").put("realm", "nestor-agent")
                .putArray("clients").addObject().put("user", "admin").put("password", "adm1n");
        if (tls) {
            ca.put("trust-anchor", certs.ca().toString()).put("cert-file", certs.serverCert().toString())
                    .put("key-file", certs.serverKey().toString()).put("cert-required", true);
        }
        ca.putObject("control-sockets").putObject("dhcp4").put("socket-type", "unix").put("socket-name", dir.resolve("ctrl4.sock").toString());
        ca.putArray("loggers").addObject().put("name", "kea-ctrl-agent").put("severity", "INFO")
                .putArray("output_options").addObject().put("output", "stdout");
        return doc;
    }

    static final List<String> AUTH = List.of("--auth-user", "admin", "--auth-password", "adm1n");

    Shell keaShell(int port, List<String> options, String command, String stdin) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of(Require.which("kea-shell").toString(), "--host", "127.0.0.1", "--port", Integer.toString(port)));
        argv.addAll(options);
        argv.add(command);
        return run(argv, stdin);
    }

    Shell nestorShell(int port, List<String> options, String command, String stdin) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of(dev.nestor.it.harness.ServerKind.repoRoot().resolve("bin/nestor-shell").toString(),
                "--host", "127.0.0.1", "--port", Integer.toString(port)));
        argv.addAll(options);
        argv.add(command);
        return run(argv, stdin);
    }

    static Shell run(List<String> argv, String stdin) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(argv + " did not finish within 30 s");
        }
        return new Shell(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    static List<String> with(List<String> a, String... more) {
        List<String> out = new ArrayList<>(a);
        out.addAll(List.of(more));
        return out;
    }

    @Test
    @Order(1)
    void keaShellTalksToTheAgentAndThroughItToTheDaemon() throws Exception {
        Shell own = keaShell(agentPort, AUTH, "list-commands", "");
        assertThat(own.exit()).as(own.output()).isZero();
        List<String> names = new ArrayList<>();
        own.answers().get(0).path("arguments").forEach(n -> names.add(n.asText()));
        assertThat(names).containsExactly("build-report", "config-get", "config-hash-get", "config-reload", "config-set",
                "config-test", "config-write", "list-commands", "shutdown", "status-get", "version-get");

        Shell version = keaShell(agentPort, with(AUTH, "--service", "dhcp4"), "version-get", "");
        JsonNode v = version.answers();
        assertThat(v.size()).as(version.output()).isEqualTo(1);
        assertThat(v.get(0).path("result").asInt()).isZero();
        assertThat(v.get(0).path("arguments").path("extended").asText()).contains("Nestor");

        Shell tag = keaShell(agentPort, with(AUTH, "--service", "dhcp4"), "server-tag-get", "");
        assertThat(tag.answers().get(0).path("arguments").path("server-tag").asText()).isEqualTo("behind-agent");

        Shell two = keaShell(agentPort, with(AUTH, "--service", "dhcp4", "--service", "dhcp6"), "status-get", "");
        JsonNode answers = two.answers();
        assertThat(answers.size()).as(two.output()).isEqualTo(2);
        assertThat(answers.get(0).path("arguments").path("pid").asLong()).isEqualTo(dhcp4.pid());
        assertThat(answers.get(1).path("result").asInt()).isEqualTo(1);
        assertThat(answers.get(1).path("text").asText()).isEqualTo("forwarding socket is not configured for the server type dhcp6");

        // arguments on stdin, the way kea-shell users write them (the inside of the map)
        Shell reclaim = keaShell(agentPort, with(AUTH, "--service", "dhcp4"), "leases-reclaim", "\"remove\": true\n");
        assertThat(reclaim.answers().get(0).path("text").asText()).as(reclaim.output()).isEqualTo("Reclamation of expired leases is complete.");
        Shell select = keaShell(agentPort, with(AUTH, "--service", "dhcp4"), "subnet4-select-test", "\"remote\": \"127.0.0.9\"");
        assertThat(select.answers().get(0).path("text").asText()).isEqualTo("selected subnet '127.0.0.0/8' id 1");

        Shell unknown = keaShell(agentPort, AUTH, "lease4-get-all", "");
        assertThat(unknown.answers().get(0).path("result").asInt()).isEqualTo(2);
        assertThat(unknown.answers().get(0).path("text").asText()).contains("You did not include \"service\" parameter");

        Shell agentConfig = keaShell(agentPort, AUTH, "config-get", "");
        assertThat(agentConfig.answers().get(0).path("arguments").path("Control-agent").path("http-port").asInt()).isEqualTo(agentPort);
        Shell agentStatus = keaShell(agentPort, AUTH, "status-get", "");
        assertThat(agentStatus.answers().get(0).path("arguments").path("pid").asLong()).isEqualTo(agent.pid());
    }

    @Test
    @Order(2)
    void credentialsAreRequired() throws Exception {
        Shell none = keaShell(agentPort, List.of(), "list-commands", "");
        assertThat(none.exit()).isEqualTo(1);
        assertThat(none.output()).contains("HTTP Error 401: Unauthorized");
        Shell wrong = keaShell(agentPort, List.of("--auth-user", "admin", "--auth-password", "guess"), "list-commands", "");
        assertThat(wrong.exit()).isEqualTo(1);
        assertThat(wrong.output()).contains("HTTP Error 401");
        Shell nestorNone = nestorShell(agentPort, List.of("--service", "dhcp4"), "version-get", "");
        assertThat(nestorNone.exit()).isEqualTo(1);
        assertThat(nestorNone.output()).contains("HTTP Error 401: Unauthorized");
    }

    @Test
    @Order(3)
    void nestorShellTakesKeaShellsOptions() throws Exception {
        Shell version = nestorShell(agentPort, with(AUTH, "--service", "dhcp4"), "version-get", "");
        assertThat(version.exit()).as(version.output()).isZero();
        assertThat(version.answers().get(0).path("result").asInt()).isZero();
        Shell reclaim = nestorShell(agentPort, with(AUTH, "--service", "dhcp4"), "leases-reclaim", "\"remove\": false");
        assertThat(reclaim.answers().get(0).path("arguments").path("reclaimed").asInt()).as(reclaim.output()).isZero();
        Shell whole = nestorShell(agentPort, with(AUTH, "--service", "dhcp4"), "statistic-get", "{\"name\": \"pkt4-received\"}");
        assertThat(whole.answers().get(0).path("arguments").has("pkt4-received")).as(whole.output()).isTrue();
        Shell own = nestorShell(agentPort, AUTH, "list-commands", "");
        assertThat(own.answers().get(0).path("arguments").toString()).contains("config-set");
    }

    @Test
    @Order(4)
    void configSetTurnsOnTlsWithClientCertificates() throws Exception {
        int tlsPort = LocalDaemon.freePort();
        String inside = Json.MAPPER.writeValueAsString(agentDocument(tlsPort, true).get("Control-agent"));
        Shell test = keaShell(agentPort, AUTH, "config-test", "\"Control-agent\": " + inside);
        assertThat(test.answers().get(0).path("text").asText()).as(test.output()).isEqualTo("Configuration check successful");
        Shell set = keaShell(agentPort, AUTH, "config-set", "\"Control-agent\": " + inside);
        assertThat(set.answers().get(0).path("text").asText()).as(set.output()).isEqualTo("Configuration applied successfully.");

        List<String> tls = with(AUTH, "--ca", certs.ca().toString(), "--cert", certs.clientCert().toString(),
                "--key", certs.clientKey().toString(), "--service", "dhcp4");
        await("agent listening with TLS on the new port").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(300))
                .until(() -> keaShell(tlsPort, tls, "version-get", "").exit() == 0);
        Shell version = keaShell(tlsPort, tls, "version-get", "");
        assertThat(version.answers().get(0).path("result").asInt()).as(version.output()).isZero();

        Shell noCert = keaShell(tlsPort, with(AUTH, "--ca", certs.ca().toString(), "--service", "dhcp4"), "version-get", "");
        assertThat(noCert.exit()).as("kea-shell without a client certificate: %s", noCert.output()).isEqualTo(1);
        assertThat(noCert.output()).startsWith("Failed to run: ");

        Shell nestorTls = nestorShell(tlsPort, tls, "config-hash-get", "");
        assertThat(nestorTls.answers().get(0).path("arguments").path("hash").asText()).as(nestorTls.output()).hasSize(64);
        Shell nestorNoCert = nestorShell(tlsPort, with(AUTH, "--ca", certs.ca().toString()), "version-get", "");
        assertThat(nestorNoCert.exit()).isEqualTo(1);

        Shell shutdown = keaShell(tlsPort, with(AUTH, "--ca", certs.ca().toString(), "--cert", certs.clientCert().toString(),
                "--key", certs.clientKey().toString()), "shutdown", "");
        assertThat(shutdown.answers().get(0).path("text").asText()).isEqualTo("Control Agent is shutting down");
        assertThat(agent.awaitExit(Duration.ofSeconds(20))).isZero();
        assertThat(dhcp4.isAlive()).as("the daemon is not affected by the agent stopping").isTrue();
    }
}
