package dev.nestor.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nestor.control.http.HttpCommandClient;
import dev.nestor.control.http.PemTls;
import dev.nestor.it.harness.ControlClient;
import dev.nestor.it.harness.Json;
import dev.nestor.it.harness.LocalDaemon;
import dev.nestor.it.harness.Require;
import dev.nestor.it.harness.TestCerts;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The management API of the real nestor-dhcp4 process over every kind of control channel at once (Kea 3.0
 * {@code control-sockets}): a unix socket, HTTP with basic authentication, HTTPS requiring a client certificate
 * and HTTPS with an optional one. The server serves DHCP on the loopback interface on an unprivileged port, so
 * no namespace or root is needed. Every command is sent through the unix socket and through HTTP and must get the
 * same answer; stateful commands (dhcp-disable, config-set, config-reload, shutdown) run last, in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ControlChannelTest {
    Path dir;
    TestCerts certs;
    LocalDaemon server;
    int dhcpPort;
    int httpPort;
    int httpsRequiredPort;
    int httpsOptionalPort;
    Path configFile;
    ControlClient unix;
    HttpCommandClient http;
    final List<AutoCloseable> closeables = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        Require.that(LocalDaemon.unavailable("nestor-dhcp4", "nestor-daemon-dhcp4") == null,
                String.valueOf(LocalDaemon.unavailable("nestor-dhcp4", "nestor-daemon-dhcp4")));
        Require.tools("openssl");
        dir = Files.createTempDirectory("nestor-ctrl-it-");
        certs = TestCerts.create(Files.createDirectory(dir.resolve("pki")));
        Files.writeString(dir.resolve("bob.user"), "bob\n");
        Files.writeString(dir.resolve("bob.password"), "b0b-pw\n");
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            dhcpPort = s.getLocalPort();
        }
        httpPort = LocalDaemon.freePort();
        httpsRequiredPort = LocalDaemon.freePort();
        httpsOptionalPort = LocalDaemon.freePort();
        configFile = dir.resolve("nestor-dhcp4.json");
        Files.writeString(configFile, Json.pretty(config(httpPort, "127.0.0.100 - 127.0.0.150", "before.example")));
        unix = new ControlClient(dir.resolve("ctrl4.sock"));
        server = LocalDaemon.start("nestor-dhcp4", List.of("-c", configFile.toString(), "-p", Integer.toString(dhcpPort),
                "-P", Integer.toString(dhcpPort + 1)), dir.resolve("server.log"), () -> unix.answers() && httpAnswers(httpPort));
        http = client(null, "alice", "alice-pw");
    }

    @AfterAll
    void stop() throws Exception {
        for (AutoCloseable c : closeables) c.close();
        if (server != null) server.close();
        LocalDaemon.deleteTree(dir);
    }

    /** The daemon's config: loopback DHCP, one plain subnet, a shared network for relayed clients, four channels. */
    ObjectNode config(int port, String pool, String domain) {
        ObjectNode doc = Json.MAPPER.createObjectNode();
        ObjectNode d = doc.putObject("Dhcp4");
        d.putObject("interfaces-config").put("dhcp-socket-type", "udp").putArray("interfaces").add("lo");
        d.putObject("lease-database").put("type", "memfile").put("name", dir.resolve("leases4.csv").toString()).put("lfc-interval", 0);
        d.put("server-tag", "nestor-it").put("valid-lifetime", 600);
        ArrayNode sockets = d.putArray("control-sockets");
        sockets.addObject().put("socket-type", "unix").put("socket-name", dir.resolve("ctrl4.sock").toString());
        ObjectNode h = sockets.addObject().put("socket-type", "http").put("socket-address", "127.0.0.1").put("socket-port", port);
        ObjectNode auth = h.putObject("authentication").put("type", "basic").put("realm", "nestor-it").put("directory", dir.toString());
        auth.putArray("clients").add(Json.MAPPER.createObjectNode().put("user", "alice").put("password", "alice-pw"))
                .add(Json.MAPPER.createObjectNode().put("user-file", "bob.user").put("password-file", "bob.password"));
        sockets.addObject().put("socket-type", "https").put("socket-address", "127.0.0.1").put("socket-port", httpsRequiredPort)
                .put("trust-anchor", certs.ca().toString()).put("cert-file", certs.serverCert().toString())
                .put("key-file", certs.serverKey().toString()).put("cert-required", true);
        sockets.addObject().put("socket-type", "https").put("socket-address", "127.0.0.1").put("socket-port", httpsOptionalPort)
                .put("trust-anchor", certs.ca().toString()).put("cert-file", certs.serverCert().toString())
                .put("key-file", certs.serverKey().toString()).put("cert-required", false);
        d.putArray("option-data").addObject().put("name", "domain-name").put("data", domain);
        ObjectNode s1 = d.putArray("subnet4").addObject().put("id", 1).put("subnet", "127.0.0.0/8");
        s1.putArray("pools").addObject().put("pool", pool);
        ObjectNode net = d.putArray("shared-networks").addObject().put("name", "relayed");
        ObjectNode s2 = net.putArray("subnet4").addObject().put("id", 2).put("subnet", "198.51.100.0/24");
        s2.putArray("pools").addObject().put("pool", "198.51.100.10 - 198.51.100.20");
        s2.putObject("relay").putArray("ip-addresses").add("198.51.100.1");
        d.putArray("loggers").addObject().put("name", "kea-dhcp4").put("severity", "INFO")
                .putArray("output-options").addObject().put("output", "stdout");
        return doc;
    }

    HttpCommandClient client(SSLContext ssl, String user, String password) {
        HttpCommandClient c = new HttpCommandClient(ssl, user, password, Duration.ofSeconds(10));
        closeables.add(c);
        return c;
    }

    boolean httpAnswers(int port) {
        try {
            return client(null, "alice", "alice-pw").post(uri("http", port), "{\"command\": \"list-commands\"}").status() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    static URI uri(String scheme, int port) {
        return URI.create(scheme + "://127.0.0.1:" + port + "/");
    }

    /** The one answer of an HTTP request (Kea wraps it in a list). */
    JsonNode viaHttp(String command, JsonNode args) throws IOException {
        ObjectNode req = Json.MAPPER.createObjectNode().put("command", command);
        if (args != null) req.set("arguments", args);
        HttpCommandClient.Response r = http.post(uri("http", httpPort), req.toString());
        assertThat(r.status()).as("HTTP status of %s: %s", command, r.body()).isEqualTo(200);
        JsonNode list = Json.parse(r.body());
        assertThat(list.isArray() && list.size() == 1).as("answer wrapped in a one-element list: %s", r.body()).isTrue();
        return list.get(0);
    }

    JsonNode viaUnix(String command, JsonNode args) {
        return unix.command(command, (ObjectNode) args);
    }

    /** Sends through both channels, checks both give {@code result}, returns the unix answer. */
    JsonNode both(String command, JsonNode args, int result) throws IOException {
        JsonNode u = viaUnix(command, args);
        JsonNode h = viaHttp(command, args);
        assertThat(u.path("result").asInt()).as("unix answer to %s: %s", command, u).isEqualTo(result);
        assertThat(h.path("result").asInt()).as("http answer to %s: %s", command, h).isEqualTo(result);
        assertThat(h.path("text").asText()).as("same text on both channels for %s", command).isEqualTo(u.path("text").asText());
        return u;
    }

    static ObjectNode args(String json) {
        return (ObjectNode) Json.parse(json);
    }

    @Test
    @Order(1)
    void everyCommandAnswersAlikeOnUnixAndHttp() throws Exception {
        JsonNode list = both("list-commands", null, 0);
        List<String> names = new ArrayList<>();
        list.path("arguments").forEach(n -> names.add(n.asText()));
        assertThat(names).contains("build-report", "config-diff", "config-get", "config-hash-get", "config-reload", "config-set",
                "config-test", "config-write", "dhcp-disable", "dhcp-enable", "leases-reclaim", "list-commands", "server-tag-get",
                "shutdown", "statistic-get", "statistic-get-all", "statistic-reset", "statistic-remove", "status-get",
                "subnet4-select-test", "version-get", "lease4-get", "lease4-get-all");

        JsonNode version = both("version-get", null, 0);
        assertThat(version.path("text").asText()).isNotBlank();
        assertThat(version.path("arguments").path("extended").asText()).startsWith(version.path("text").asText());
        assertThat(both("build-report", null, 0).path("text").asText()).contains("Nestor");

        JsonNode status = viaHttp("status-get", null);
        assertThat(status.path("arguments").path("pid").asLong()).isEqualTo(server.pid());
        assertThat(status.path("arguments").path("dhcp-state").path("globally-disabled").asBoolean()).isFalse();
        assertThat(status.path("arguments").path("sockets").path("status").asText()).isEqualTo("ready");
        assertThat(status.path("arguments").has("uptime") && status.path("arguments").has("reload")).isTrue();

        JsonNode config = both("config-get", null, 0);
        assertThat(config.path("arguments").path("Dhcp4").path("server-tag").asText()).isEqualTo("nestor-it");
        String hash = config.path("arguments").path("hash").asText();
        assertThat(both("config-hash-get", null, 0).path("arguments").path("hash").asText()).isEqualTo(hash).hasSize(64);
        assertThat(both("server-tag-get", null, 0).path("arguments").path("server-tag").asText()).isEqualTo("nestor-it");

        assertThat(both("subnet4-select-test", args("{\"remote\": \"127.0.0.5\"}"), 0).path("text").asText())
                .isEqualTo("selected subnet '127.0.0.0/8' id 1");
        assertThat(both("subnet4-select-test", args("{\"relay\": \"198.51.100.1\"}"), 0).path("text").asText())
                .isEqualTo("selected shared network 'relayed' starting with subnet '198.51.100.0/24' id 2");
        assertThat(both("subnet4-select-test", args("{\"address\": \"203.0.113.7\"}"), 3).path("text").asText())
                .isEqualTo("no subnet selected");
        assertThat(both("subnet4-select-test", args("{\"bogus\": 1}"), 1).path("text").asText()).isEqualTo("unknown entry 'bogus'");

        assertThat(both("leases-reclaim", args("{\"remove\": true}"), 0).path("text").asText())
                .isEqualTo("Reclamation of expired leases is complete.");
        assertThat(both("lease4-get", args("{\"ip-address\": \"127.0.0.101\"}"), 3).path("text").asText()).isEqualTo("Lease not found.");
        assertThat(both("lease4-get-all", null, 3).path("text").asText()).isEqualTo("0 IPv4 lease(s) found.");
        assertThat(both("statistic-get-all", null, 0).path("arguments").has("pkt4-received")).isTrue();
        assertThat(both("statistic-get", args("{\"name\": \"pkt4-received\"}"), 0).path("arguments").has("pkt4-received")).isTrue();
        assertThat(both("no-such-command", null, 2).path("text").asText()).isEqualTo("'no-such-command' command not supported.");

        // config-test and config-diff: the proposed config shrinks the pool and changes an option; nothing is applied
        ObjectNode proposed = config(httpPort, "127.0.0.100 - 127.0.0.119", "after.example");
        JsonNode test = both("config-test", proposed, 0);
        assertThat(test.path("text").asText()).isEqualTo("Configuration seems sane. Control-sockets, hook-libraries, and D2"
                + " configuration were sanity checked, but not applied.");
        JsonNode diff = test.path("arguments").path("diff");
        assertThat(diff.path("pools-shrunk").get(0).path("removed-addresses").asLong()).isEqualTo(31);
        assertThat(diff.path("pools-shrunk").get(0).path("removed-ranges").get(0).asText()).isEqualTo("127.0.0.120 - 127.0.0.150");
        assertThat(diff.path("subnets-changed").get(0).path("changed").toString()).isEqualTo("[\"pools\"]");
        assertThat(diff.path("global-changes").toString()).isEqualTo("[\"option-data\"]");
        JsonNode cdiff = both("config-diff", proposed, 0);
        assertThat(cdiff.path("arguments")).isEqualTo(diff);
        assertThat(cdiff.path("text").asText()).contains("0 current lease(s) outside the new pools");
        assertThat(both("config-hash-get", null, 0).path("arguments").path("hash").asText()).as("config-test applies nothing").isEqualTo(hash);

        ObjectNode broken = config(httpPort, "127.0.0.200 - 127.0.0.100", "x.example");
        assertThat(both("config-test", broken, 1).path("text").asText()).startsWith("Dhcp4.subnet4[0].pools[0].pool: ");
        assertThat(both("config-test", args("{\"Dhcp6\": {}}"), 1).path("text").asText()).isEqualTo("Missing mandatory 'Dhcp4' parameter.");

        // config-write: into the config file's directory only
        JsonNode written = viaHttp("config-write", args("{\"filename\": \"" + dir.resolve("copy.json") + "\"}"));
        assertThat(written.path("result").asInt()).as("%s", written).isZero();
        assertThat(written.path("arguments").path("size").asLong()).isEqualTo(Files.size(dir.resolve("copy.json")));
        assertThat(Json.read(dir.resolve("copy.json")).path("Dhcp4").path("server-tag").asText()).isEqualTo("nestor-it");
        assertThat(both("config-write", args("{\"filename\": \"/tmp/elsewhere/x.json\"}"), 1).path("text").asText())
                .startsWith("not allowed to write config into /tmp/elsewhere/x.json: ");
    }

    @Test
    @Order(2)
    void httpRefusesMissingAndWrongCredentials() throws Exception {
        String cmd = "{\"command\": \"version-get\"}";
        HttpCommandClient.Response none = client(null, null, null).post(uri("http", httpPort), cmd);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.wwwAuthenticate()).isEqualTo("Basic realm=\"nestor-it\"");
        assertThat(none.body()).isEqualTo("{ \"result\": 401, \"text\": \"Unauthorized\" }");
        HttpCommandClient.Response wrong = client(null, "alice", "not-her-password").post(uri("http", httpPort), cmd);
        assertThat(wrong.status()).isEqualTo(401);
        HttpCommandClient.Response unknown = client(null, "mallory", "alice-pw").post(uri("http", httpPort), cmd);
        assertThat(unknown.status()).isEqualTo(401);
        // credentials read from user-file / password-file
        assertThat(client(null, "bob", "b0b-pw").post(uri("http", httpPort), cmd).status()).isEqualTo(200);
        // a command for another daemon is refused by the daemon's own HTTP channel
        JsonNode other = Json.parse(http.post(uri("http", httpPort), "{\"command\": \"version-get\", \"service\": [\"dhcp6\"]}").body()).get(0);
        assertThat(other.path("text").asText()).isEqualTo("unsupported service 'dhcp6', expected 'dhcp4'");
        // malformed JSON: an answer, and the listener keeps serving
        HttpCommandClient.Response bad = http.post(uri("http", httpPort), "{\"command\": \"version-get\"");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(Json.parse(bad.body()).path("result").asInt()).isEqualTo(1);
        assertThat(viaHttp("version-get", null).path("result").asInt()).isZero();
    }

    @Test
    @Order(3)
    void httpsWithAndWithoutAClientCertificate() throws Exception {
        String cmd = "{\"command\": \"status-get\"}";
        SSLContext withCert = PemTls.clientContext(certs.ca(), certs.clientCert(), certs.clientKey());
        SSLContext noCert = PemTls.clientContext(certs.ca(), null, null);
        SSLContext rogue = PemTls.clientContext(certs.ca(), certs.rogueCert(), certs.rogueKey());

        HttpCommandClient.Response ok = client(withCert, null, null).post(uri("https", httpsRequiredPort), cmd);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(Json.parse(ok.body()).get(0).path("arguments").path("pid").asLong()).isEqualTo(server.pid());
        assertThatThrownBy(() -> client(noCert, null, null).post(uri("https", httpsRequiredPort), cmd))
                .as("cert-required: a client without a certificate is refused").isInstanceOf(IOException.class);
        assertThatThrownBy(() -> client(rogue, null, null).post(uri("https", httpsRequiredPort), cmd))
                .as("a certificate from another CA is refused").isInstanceOf(IOException.class);

        assertThat(client(noCert, null, null).post(uri("https", httpsOptionalPort), cmd).status())
                .as("cert-required false: no client certificate needed").isEqualTo(200);
        assertThat(client(withCert, null, null).post(uri("https", httpsOptionalPort), cmd).status()).isEqualTo(200);
        assertThatThrownBy(() -> client(null, null, null).post(uri("http", httpsOptionalPort), cmd))
                .as("plain HTTP on the TLS port").isInstanceOf(IOException.class);
    }

    @Test
    @Order(4)
    void dhcpDisableDropsQueriesUntilEnabled() throws Exception {
        long dropsBefore = unix.statistic("pkt4-service-disabled");
        assertThat(viaHttp("dhcp-disable", null).path("text").asText()).isEqualTo("DHCPv4 service disabled");
        JsonNode state = viaUnix("status-get", null).path("arguments").path("dhcp-state");
        assertThat(state.path("globally-disabled").asBoolean()).isTrue();
        assertThat(state.path("disabled-by-user").asBoolean()).isTrue();

        sendDiscover();
        await("query counted as dropped while disabled").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> unix.statistic("pkt4-service-disabled") > dropsBefore);

        assertThat(viaUnix("dhcp-enable", null).path("text").asText()).isEqualTo("DHCP service successfully enabled");
        assertThat(viaUnix("status-get", null).path("arguments").path("dhcp-state").path("globally-disabled").asBoolean()).isFalse();

        assertThat(viaUnix("dhcp-disable", args("{\"max-period\": 1, \"origin\": \"user\"}")).path("text").asText())
                .isEqualTo("DHCPv4 service disabled for 1 seconds");
        await("max-period re-enables the service").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> !viaUnix("status-get", null).path("arguments").path("dhcp-state").path("globally-disabled").asBoolean());
        assertThat(viaUnix("dhcp-disable", args("{\"max-period\": 0}")).path("text").asText()).isEqualTo("'max-period' must be positive integer");
        assertThat(viaUnix("dhcp-enable", args("{\"origin\": \"nobody\"}")).path("text").asText())
                .isEqualTo("invalid value used for 'origin' parameter: nobody");
    }

    /** A minimal DHCPDISCOVER to the server's port on the loopback interface. */
    void sendDiscover() throws IOException {
        ByteBuffer b = ByteBuffer.allocate(300);
        b.put((byte) 1).put((byte) 1).put((byte) 6).put((byte) 0).putInt(0x4e455354).putShort((short) 0).putShort((short) 0);
        b.position(28).put(new byte[] {2, 0, 0, 0x12, 0x34, 0x56});
        b.position(236).putInt(0x63825363).put((byte) 53).put((byte) 1).put((byte) 1).put((byte) 255);
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            s.send(new DatagramPacket(b.array(), 300, InetAddress.getLoopbackAddress(), dhcpPort));
        }
    }

    @Test
    @Order(5)
    void configSetSwapsTheConfigAndReopensChangedChannelsAndConfigReloadWarns() throws Exception {
        String fileHash = viaUnix("config-hash-get", null).path("arguments").path("hash").asText();
        int newPort = LocalDaemon.freePort();
        ObjectNode next = config(newPort, "127.0.0.100 - 127.0.0.119", "after.example");
        JsonNode set = viaHttp("config-set", next);
        assertThat(set.path("result").asInt()).as("%s", set).isZero();
        assertThat(set.path("text").asText()).isEqualTo("Configuration successful.");
        String newHash = set.path("arguments").path("hash").asText();
        assertThat(newHash).isNotEqualTo(fileHash);
        assertThat(viaUnix("config-hash-get", null).path("arguments").path("hash").asText()).isEqualTo(newHash);
        assertThat(viaUnix("config-get", null).path("arguments").path("Dhcp4").path("subnet4").get(0).path("pools").get(0)
                .path("pool").asText()).isEqualTo("127.0.0.100 - 127.0.0.119");

        // the HTTP entry changed (new port): it was reopened there; the unchanged HTTPS entries kept running
        await("HTTP channel reopened on the new port").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> httpAnswers(newPort));
        await("old HTTP port closed").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> !httpAnswers(httpPort));
        SSLContext withCert = PemTls.clientContext(certs.ca(), certs.clientCert(), certs.clientKey());
        assertThat(client(withCert, null, null).post(uri("https", httpsRequiredPort), "{\"command\": \"status-get\"}").status()).isEqualTo(200);

        // a broken config-set is refused with the JSON path and leaves the running config alone
        JsonNode broken = viaUnix("config-set", config(newPort, "127.0.0.100 - 127.0.0.300", "after.example"));
        assertThat(broken.path("result").asInt()).isEqualTo(1);
        assertThat(broken.path("text").asText()).startsWith("Dhcp4.subnet4[0].pools[0].pool: ");
        assertThat(viaUnix("config-hash-get", null).path("arguments").path("hash").asText()).isEqualTo(newHash);

        // config-reload goes back to the file and says the run-time changes were dropped
        JsonNode reload = viaUnix("config-reload", null);
        assertThat(reload.path("result").asInt()).as("%s", reload).isZero();
        assertThat(reload.path("text").asText()).startsWith("Configuration successful.").contains("discarded");
        assertThat(viaUnix("config-hash-get", null).path("arguments").path("hash").asText()).isEqualTo(fileHash);
        await("HTTP channel back on the file's port").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> httpAnswers(httpPort));
        JsonNode again = viaUnix("config-reload", null);
        assertThat(again.path("text").asText()).as("nothing to discard the second time").isEqualTo("Configuration successful.");
    }

    @Test
    @Order(6)
    void shutdownStopsWithTheRequestedExitValue() throws Exception {
        JsonNode bad = viaHttp("shutdown", args("{\"exit-value\": \"three\"}"));
        assertThat(bad.path("text").asText()).isEqualTo("parameter 'exit-value' is not an integer");
        assertThat(server.isAlive()).isTrue();
        JsonNode answer = viaHttp("shutdown", args("{\"exit-value\": 3}"));
        assertThat(answer.path("text").asText()).isEqualTo("Shutting down.");
        assertThat(server.awaitExit(Duration.ofSeconds(20))).isEqualTo(3);
        assertThat(dir.resolve("ctrl4.sock")).as("unix socket removed on exit").doesNotExist();
    }
}
