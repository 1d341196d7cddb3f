package dev.nestor.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nestor.it.harness.Cmd;
import dev.nestor.it.harness.Dhclient6;
import dev.nestor.it.harness.Dhcp6Config;
import dev.nestor.it.harness.Host;
import dev.nestor.it.harness.Json;
import dev.nestor.it.harness.LeaseFile6;
import dev.nestor.it.harness.LocalDaemon;
import dev.nestor.it.harness.Require;
import dev.nestor.it.harness.ServerKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * nestor-dhcp6 managed as operators manage Kea: Kea's commands over its own HTTP control socket (basic
 * authentication) and through nestor-agent with ISC's unchanged {@code kea-shell --service dhcp6}, in an IPv6 lab.
 * A lease added with lease6-add is in the v6 lease file; a config-set that changes the DNS servers option is what
 * the next {@code dhclient -6} gets, and the lease added before survives it. The HTTP listener, the agent and
 * kea-shell run inside the server's namespace, on its loopback interface.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Dhcp6ManagementTest extends LabTest {
    static final String USER = "admin";
    static final String PASSWORD = "v6-secret";
    static final String DUID = "00:03:00:01:02:00:00:00:66:01";

    int httpPort;
    int agentPort;
    Dhcp6Config config;

    @BeforeAll
    void setUp() throws Exception {
        Assumptions.assumeTrue(kind == ServerKind.NESTOR, "nestor-dhcp6's HTTP control sockets and nestor-agent are Nestor's");
        createLab6("2001:db8:1::1/64", "dhclient", "kea-shell", "curl");
        String why = LocalDaemon.unavailable("nestor-agent", "nestor-daemon-agent");
        Require.that(why == null, String.valueOf(why));
        httpPort = LocalDaemon.freePort();
        agentPort = LocalDaemon.freePort();
        config = Dhcp6Config.lan(lab);
        ObjectNode d = config.dhcp6();
        d.remove("control-socket");
        ArrayNode sockets = d.putArray("control-sockets");
        sockets.addObject().put("socket-type", "unix").put("socket-name", lab.workDir().resolve("ctrl6.sock").toString());
        ObjectNode http = sockets.addObject().put("socket-type", "http").put("socket-address", "127.0.0.1").put("socket-port", httpPort);
        http.putObject("authentication").put("type", "basic").put("realm", "nestor-dhcp6")
                .putArray("clients").addObject().put("user", USER).put("password", PASSWORD);
        startServer(config);
        startAgent();
    }

    /** nestor-agent in the server namespace, forwarding "dhcp6" to the daemon's unix socket. */
    void startAgent() throws Exception {
        ObjectNode doc = Json.MAPPER.createObjectNode();
        ObjectNode ca = doc.putObject("Control-agent").put("http-host", "127.0.0.1").put("http-port", agentPort);
        ca.putObject("control-sockets").putObject("dhcp6").put("socket-type", "unix")
                .put("socket-name", lab.workDir().resolve("ctrl6.sock").toString());
        Path file = lab.workDir().resolve("agent.json");
        Files.writeString(file, Json.pretty(doc));
        Path log = lab.workDir().resolve("agent.log");
        dump.add("nestor-agent log", () -> readQuietly(log));
        lab.start(lab.serverNs(), List.of(ServerKind.repoRoot().resolve("bin/nestor-agent").toString(), "-c", file.toString()),
                log, Map.of(), true);
        await("nestor-agent answers").atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(300))
                .until(() -> keaShell(agentPort, List.of(), "list-commands", "").exit() == 0);
    }

    static String readQuietly(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p) : "(none)";
        } catch (Exception e) {
            return e.toString();
        }
    }

    /** kea-shell inside the server namespace; arguments on stdin as kea-shell users write them. */
    Cmd.Result keaShell(int port, List<String> options, String command, String stdin) {
        List<String> argv = new ArrayList<>(List.of("kea-shell", "--host", "127.0.0.1", "--port", Integer.toString(port)));
        argv.addAll(options);
        argv.add(command);
        String line = "printf '%s' " + shellQuote(stdin) + " | " + String.join(" ", argv.stream().map(Dhcp6ManagementTest::shellQuote).toList());
        return lab.exec(lab.serverNs(), Duration.ofSeconds(30), "sh", "-c", line);
    }

    /** One command to the daemon's own HTTP listener with curl; the answer list Kea wraps it in. */
    JsonNode http(String command, JsonNode arguments, String credentials) {
        ObjectNode req = Json.MAPPER.createObjectNode().put("command", command);
        req.putArray("service").add("dhcp6");
        if (arguments != null) req.set("arguments", arguments);
        List<String> argv = new ArrayList<>(List.of("curl", "-s", "-X", "POST", "-H", "Content-Type: application/json",
                "--data-binary", req.toString()));
        if (credentials != null) argv.addAll(List.of("-u", credentials));
        argv.add("http://127.0.0.1:" + httpPort + "/");
        Cmd.Result r = lab.exec(lab.serverNs(), Duration.ofSeconds(30), argv.toArray(String[]::new));
        assertThat(r.exit()).as("curl %s: %s", command, r.output()).isZero();
        return Json.parse(r.output());
    }

    JsonNode http(String command, JsonNode arguments) {
        JsonNode list = http(command, arguments, USER + ":" + PASSWORD);
        assertThat(list.isArray() && list.size() == 1).as("one answer in a list: %s", list).isTrue();
        return list.get(0);
    }

    static String shellQuote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    @Test
    @Order(1)
    void httpControlSocketAnswersKeaCommandsWithAuthentication() {
        JsonNode names = http("list-commands", null).path("arguments");
        assertThat(names.toString()).contains("\"lease6-add\"", "\"lease6-bulk-apply\"", "\"reservation-add\"", "\"subnet6-list\"",
                "\"network6-add\"", "\"class-add\"", "\"stat-lease6-get\"", "\"config-set\"", "\"subnet6-select-test\"");
        assertThat(http("status-get", null).path("arguments").path("pid").asLong()).isEqualTo(server.pid());
        assertThat(http("subnet6-select-test", Json.parse("{\"interface\": \"" + lab.serverIface() + "\"}")).path("text").asText())
                .isEqualTo("selected subnet '2001:db8:1::/64' id 1");
        JsonNode refused = http("version-get", null, null);
        assertThat(refused.path("result").asInt()).as("no credentials: %s", refused).isEqualTo(401);
    }

    @Test
    @Order(2)
    void leaseAddedOverHttpIsInTheLeaseFileAndSeenThroughTheAgent() {
        JsonNode add = http("lease6-add", Json.parse("{\"ip-address\": \"2001:db8:1::1a0\", \"duid\": \"" + DUID + "\", \"iaid\": 66,"
                + " \"valid-lft\": 3600, \"hostname\": \"added.example.org\"}"));
        assertThat(add.path("text").asText()).as("%s", add).isEqualTo("Lease for address 2001:db8:1::1a0, subnet-id 1 added.");
        LeaseFile6 file = awaitLeases6("lease6-add written", f -> f.currentFor(DUID).size() == 1);
        LeaseFile6.Row row = file.currentFor(DUID).getFirst();
        assertThat(row.address()).isEqualTo("2001:db8:1::1a0");
        assertThat(row.iaid()).isEqualTo(66);
        assertThat(row.validLifetime()).isEqualTo(3600);
        assertThat(row.subnetId()).isEqualTo(1);

        Cmd.Result shell = keaShell(agentPort, List.of("--service", "dhcp6"), "lease6-get", "\"ip-address\": \"2001:db8:1::1a0\"");
        assertThat(shell.exit()).as(shell.output()).isZero();
        JsonNode answers = Json.parse(shell.output().strip());
        assertThat(answers.get(0).path("text").asText()).as(shell.output()).isEqualTo("IPv6 lease found.");
        assertThat(answers.get(0).path("arguments").path("hostname").asText()).isEqualTo("added.example.org");
        Cmd.Result version = keaShell(agentPort, List.of("--service", "dhcp6"), "version-get", "");
        assertThat(Json.parse(version.output().strip()).get(0).path("arguments").path("extended").asText()).contains("Nestor");
    }

    @Test
    @Order(3)
    void configSetChangesTheOptionTheNextClientGets() throws Exception {
        JsonNode running = http("config-get", null).path("arguments");
        ObjectNode next = Json.MAPPER.createObjectNode();
        ObjectNode dhcp6 = (ObjectNode) running.path("Dhcp6").deepCopy();
        for (JsonNode o : dhcp6.path("option-data")) {
            if (o.path("name").asText().equals("dns-servers")) ((ObjectNode) o).put("data", "2001:db8:1::54");
        }
        next.set("Dhcp6", dhcp6);
        JsonNode set = http("config-set", next);
        assertThat(set.path("text").asText()).as("%s", set).isEqualTo("Configuration successful.");

        Host h = lab.addClient("m6", "02:00:00:00:66:02");
        Dhclient6.Bound bound = client(new Dhclient6(lab, h, false)).obtain6();
        assertThat(bound.dnsServers()).as("the option after config-set").containsExactly("2001:db8:1::54");
        assertThat(http("lease6-get", Json.parse("{\"ip-address\": \"2001:db8:1::1a0\"}")).path("result").asInt())
                .as("the lease added before the config-set stays").isZero();
        JsonNode broken = http("config-set", Json.parse("{\"Dhcp6\": {\"subnet6\": [{\"id\": 1, \"subnet\": \"2001:db8:1::/64\","
                + " \"pools\": [{\"pool\": \"2001:db8:2::1 - 2001:db8:2::9\"}]}]}}"));
        assertThat(broken.path("result").asInt()).isEqualTo(1);
        assertThat(broken.path("text").asText()).startsWith("Dhcp6.subnet6[0].pools[0]");
        assertThat(http("config-get", null).path("arguments").path("Dhcp6").path("option-data").toString()).contains("2001:db8:1::54");
    }
}
