package dev.nestor.control.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nestor.control.Answer;
import dev.nestor.control.CommandRegistry;
import dev.nestor.control.KeaJson;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpControlListenerTest {
    @TempDir
    static Path pki;
    static TestCerts certs;

    @TempDir
    Path dir;

    private final CommandRegistry registry = new CommandRegistry();
    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeAll
    static void makeCertificates() throws Exception {
        certs = TestCerts.create(pki);
    }

    HttpControlListenerTest() {
        registry.register("echo", c -> Answer.success("echo", c.arguments()));
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) c.close();
    }

    private HttpControlListener listen(String json) throws Exception {
        HttpControlConfig cfg = HttpControlConfig.parse(KeaJson.parse(json), "Dhcp4.control-sockets[0]");
        HttpControlListener l = new HttpControlListener(cfg, CommandProcessor.daemon(registry, "dhcp4"), 4096);
        l.start();
        open.add(l);
        return l;
    }

    private HttpCommandClient client(SSLContext ssl, String user, String password) {
        HttpCommandClient c = new HttpCommandClient(ssl, user, password, Duration.ofSeconds(10));
        open.add(c);
        return c;
    }

    private static URI uri(HttpControlListener l) {
        return URI.create(l.describe());
    }

    @Test
    void answersACommandInAListAsKeaDoes() throws Exception {
        HttpControlListener l = listen("{\"socket-type\": \"http\", \"socket-address\": \"127.0.0.1\", \"socket-port\": 0,"
                + " \"http-headers\": [{\"name\": \"Strict-Transport-Security\", \"value\": \"max-age=31536000\"}]}");
        HttpCommandClient.Response r = client(null, null, null).post(uri(l), "{\"command\": \"echo\", \"arguments\": {\"a\": 1}}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("[ { \"arguments\": { \"a\": 1 }, \"result\": 0, \"text\": \"echo\" } ]");

        r = client(null, null, null).post(uri(l), "{\"command\": \"nope\"}");
        assertThat(KeaJson.parse(r.body()).get(0).get("result").asInt()).isEqualTo(2);
        assertThat(KeaJson.parse(r.body()).get(0).get("text").asText()).isEqualTo("'nope' command not supported.");
    }

    @Test
    void refusesAnotherService() throws Exception {
        HttpControlListener l = listen("{\"socket-type\": \"http\", \"socket-port\": 0}");
        HttpCommandClient.Response r = client(null, null, null).post(uri(l), "{\"command\": \"echo\", \"service\": [\"dhcp6\"]}");
        JsonNode a = KeaJson.parse(r.body()).get(0);
        assertThat(a.get("result").asInt()).isEqualTo(1);
        assertThat(a.get("text").asText()).isEqualTo("unsupported service 'dhcp6', expected 'dhcp4'");
        r = client(null, null, null).post(uri(l), "{\"command\": \"echo\", \"service\": [\"dhcp4\"]}");
        assertThat(KeaJson.parse(r.body()).get(0).get("result").asInt()).isZero();
    }

    @Test
    void malformedOversizedAndWrongRequestsAreAnsweredAndTheListenerKeepsRunning() throws Exception {
        HttpControlListener l = listen("{\"socket-type\": \"http\", \"socket-port\": 0}");
        HttpCommandClient c = client(null, null, null);
        HttpCommandClient.Response bad = c.post(uri(l), "{\"command\": ");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(KeaJson.parse(bad.body()).get("result").asInt()).isEqualTo(1);
        assertThat(KeaJson.parse(bad.body()).get("text").asText()).startsWith("invalid JSON: ");

        HttpCommandClient.Response big = c.post(uri(l), "{\"command\": \"echo\", \"arguments\": {\"x\": \"" + "a".repeat(5000) + "\"}}");
        assertThat(big.status()).isEqualTo(413);
        assertThat(KeaJson.parse(big.body()).get("text").asText()).isEqualTo("Command exceeds the maximum size of 4096 bytes");

        HttpCommandClient.Response elsewhere = c.post(URI.create(l.describe() + "other"), "{\"command\": \"echo\"}");
        assertThat(elsewhere.status()).isEqualTo(404);

        HttpCommandClient.Response ok = c.post(uri(l), "{\"command\": \"echo\"}");
        assertThat(ok.status()).isEqualTo(200);
    }

    @Test
    void basicAuthenticationRefusesMissingAndWrongCredentials() throws Exception {
        Files.writeString(dir.resolve("user2"), "bob\n");
        Files.writeString(dir.resolve("pass2"), "s3cret\n");
        Files.writeString(dir.resolve("both"), "carol:pw3\n");
        HttpControlListener l = listen("{\"socket-type\": \"http\", \"socket-port\": 0, \"authentication\": {"
                + "\"type\": \"basic\", \"realm\": \"nestor-test\", \"directory\": \"" + dir + "\", \"clients\": ["
                + "{\"user\": \"alice\", \"password\": \"pw1\"},"
                + "{\"user-file\": \"user2\", \"password-file\": \"pass2\"},"
                + "{\"password-file\": \"both\"}]}}");
        String cmd = "{\"command\": \"echo\"}";

        HttpCommandClient.Response none = client(null, null, null).post(uri(l), cmd);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.wwwAuthenticate()).isEqualTo("Basic realm=\"nestor-test\"");
        assertThat(none.body()).isEqualTo("{ \"result\": 401, \"text\": \"Unauthorized\" }");

        HttpCommandClient.Response wrong = client(null, "alice", "pw2").post(uri(l), cmd);
        assertThat(wrong.status()).isEqualTo(401);

        assertThat(client(null, "alice", "pw1").post(uri(l), cmd).status()).isEqualTo(200);
        assertThat(client(null, "bob", "s3cret").post(uri(l), cmd).status()).isEqualTo(200);
        assertThat(client(null, "carol", "pw3").post(uri(l), cmd).status()).isEqualTo(200);
    }

    @Test
    void tlsWithARequiredClientCertificate() throws Exception {
        HttpControlListener l = listen(tlsSocket(true));
        assertThat(l.describe()).startsWith("https://127.0.0.1:");
        SSLContext withCert = PemTls.clientContext(certs.ca(), certs.clientCert(), certs.clientKey());
        HttpCommandClient.Response r = client(withCert, null, null).post(uri(l), "{\"command\": \"echo\"}");
        assertThat(r.status()).isEqualTo(200);

        SSLContext noCert = PemTls.clientContext(certs.ca(), null, null);
        assertThatThrownBy(() -> client(noCert, null, null).post(uri(l), "{\"command\": \"echo\"}")).isInstanceOf(IOException.class);
        SSLContext rogue = PemTls.clientContext(certs.ca(), certs.rogueCert(), certs.rogueKey());
        assertThatThrownBy(() -> client(rogue, null, null).post(uri(l), "{\"command\": \"echo\"}")).isInstanceOf(IOException.class);
        // the listener survives failed handshakes
        assertThat(client(withCert, null, null).post(uri(l), "{\"command\": \"echo\"}").status()).isEqualTo(200);
    }

    @Test
    void tlsWithAnOptionalClientCertificate() throws Exception {
        HttpControlListener l = listen(tlsSocket(false));
        SSLContext noCert = PemTls.clientContext(certs.ca(), null, null);
        assertThat(client(noCert, null, null).post(uri(l), "{\"command\": \"echo\"}").status()).isEqualTo(200);
        // a client that does not trust the server's CA refuses it
        SSLContext otherCa = PemTls.clientContext(pki.resolve("rogue-ca.crt"), null, null);
        assertThatThrownBy(() -> client(otherCa, null, null).post(uri(l), "{\"command\": \"echo\"}")).isInstanceOf(IOException.class);
    }

    private static String tlsSocket(boolean required) {
        return "{\"socket-type\": \"https\", \"socket-port\": 0, \"trust-anchor\": \"" + certs.ca() + "\", \"cert-file\": \""
                + certs.serverCert() + "\", \"key-file\": \"" + certs.serverKey() + "\", \"cert-required\": " + required + "}";
    }

    @Test
    void configErrorsNameTheirPath() {
        assertThatThrownBy(() -> HttpControlConfig.parse(KeaJson.parse("{\"socket-type\": \"https\"}"), "Dhcp4.control-sockets[1]"))
                .isInstanceOf(ControlConfigException.class)
                .hasMessage("no TLS setup for a HTTPS control socket")
                .extracting(e -> ((ControlConfigException) e).path()).isEqualTo("Dhcp4.control-sockets[1]");
        assertThatThrownBy(() -> HttpControlConfig.parse(KeaJson.parse("{\"cert-file\": \"/x\"}"), "p"))
                .hasMessageStartingWith("trust-anchor parameter is missing or empty");
        assertThatThrownBy(() -> HttpControlConfig.parse(KeaJson.parse(
                "{\"authentication\": {\"clients\": [{\"user\": \"a:b\", \"password\": \"x\"}]}}"), "p"))
                .hasMessage("user must not contain a ':': 'a:b'");
        assertThatThrownBy(() -> HttpControlConfig.parse(KeaJson.parse(
                "{\"authentication\": {\"directory\": \"/nonexistent\", \"clients\": [{\"user\": \"a\", \"password-file\": \"pw\"}]}}"), "p"))
                .isInstanceOf(ControlConfigException.class)
                .extracting(e -> ((ControlConfigException) e).path()).isEqualTo("p.authentication.clients[0].password-file");
        ObjectNode agent = (ObjectNode) KeaJson.object().put("http-host", "::1").put("http-port", 8001);
        assertThat(catchingConfig(agent)).isEqualTo("::1:8001");
    }

    private static String catchingConfig(JsonNode agent) {
        try {
            HttpControlConfig c = HttpControlConfig.parseAgent(agent, "Control-agent");
            return c.address() + ":" + c.port();
        } catch (ControlConfigException e) {
            return e.toString();
        }
    }

    @Test
    void readsTheOlderOpenSslKeyFormats() throws Exception {
        TestCerts.openssl(dir, "genrsa", "-traditional", "-out", "rsa1.key", "2048");
        TestCerts.openssl(dir, "ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "sec1.key");
        assertThat(Files.readString(dir.resolve("rsa1.key"))).contains("BEGIN RSA PRIVATE KEY");
        assertThat(Files.readString(dir.resolve("sec1.key"))).contains("BEGIN EC PRIVATE KEY");
        assertThat(PemTls.privateKey(dir.resolve("rsa1.key")).getAlgorithm()).isEqualTo("RSA");
        assertThat(PemTls.privateKey(dir.resolve("sec1.key")).getAlgorithm()).isEqualTo("EC");
        assertThat(PemTls.privateKey(certs.serverKey()).getAlgorithm()).isEqualTo("EC");
        assertThat(PemTls.certificates(certs.ca())).hasSize(1);
    }

    @Test
    void unixClientTalksToTheUnixControlSocket() throws Exception {
        Path sock = dir.resolve("ctrl.sock");
        var server = new dev.nestor.control.unix.UnixControlSocket(sock, registry);
        server.start();
        open.add(server);
        JsonNode answer = new UnixCommandClient(Duration.ofSeconds(5)).send(sock, "{\"command\": \"echo\", \"arguments\": {\"b\": 2}}");
        assertThat(answer.get("arguments").get("b").asInt()).isEqualTo(2);
        assertThatThrownBy(() -> new UnixCommandClient(Duration.ofSeconds(5)).send(dir.resolve("none.sock"), "{}"))
                .isInstanceOf(IOException.class);
    }
}
