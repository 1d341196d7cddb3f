package dev.nestor.daemon.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.nestor.config.ConfigException;
import dev.nestor.config.model.ControlSocketSpec;
import dev.nestor.control.Answer;
import dev.nestor.control.CommandRegistry;
import dev.nestor.control.http.HttpCommandClient;
import dev.nestor.control.http.UnixCommandClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A daemon's control channels: any daemon's service name, unix and http, reopened on reconfiguration. */
class ControlChannelsTest {
    @TempDir
    Path dir;

    static ControlSocketSpec unix(Path socket) {
        return new ControlSocketSpec("unix", socket.toString(), "", 0, "Dhcp6.control-sockets[0]",
                "{\"socket-type\": \"unix\", \"socket-name\": \"" + socket + "\"}");
    }

    static ControlSocketSpec http(int port) {
        return new ControlSocketSpec("http", "", "127.0.0.1", port, "Dhcp6.control-sockets[1]",
                "{\"socket-type\": \"http\", \"socket-address\": \"127.0.0.1\", \"socket-port\": " + port + "}");
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static boolean httpAnswers(HttpCommandClient client, int port, String request) {
        try {
            return client.post(URI.create("http://127.0.0.1:" + port + "/"), request).status() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void opensUnixAndHttpForTheDaemonsServiceAndReopensWhatChanged() throws Exception {
        CommandRegistry registry = new CommandRegistry();
        registry.register("version-get", c -> Answer.success("6.0"));
        Path socket = dir.resolve("ctrl6.sock");
        int port = freePort();
        try (ControlChannels channels = new ControlChannels(registry, "dhcp6");
             HttpCommandClient client = new HttpCommandClient(null, null, null, Duration.ofSeconds(5))) {
            channels.open(List.of(unix(socket), http(port)));
            assertThat(channels.describe()).hasSize(2);
            UnixCommandClient local = new UnixCommandClient(Duration.ofSeconds(5));
            assertThat(local.send(socket, "{\"command\": \"version-get\"}").path("text").asText()).isEqualTo("6.0");
            String forDhcp6 = "{\"command\": \"version-get\", \"service\": [\"dhcp6\"]}";
            String body = client.post(URI.create("http://127.0.0.1:" + port + "/"), forDhcp6).body();
            assertThat(body).contains("\"text\": \"6.0\"");
            String forDhcp4 = client.post(URI.create("http://127.0.0.1:" + port + "/"), "{\"command\": \"version-get\", \"service\": [\"dhcp4\"]}").body();
            assertThat(forDhcp4).contains("unsupported service 'dhcp4', expected 'dhcp6'");

            int moved = freePort();
            channels.reconfigure(List.of(unix(socket), http(moved)));
            await().atMost(Duration.ofSeconds(10)).until(() -> httpAnswers(client, moved, forDhcp6) && !httpAnswers(client, port, forDhcp6));
            assertThat(local.send(socket, "{\"command\": \"version-get\"}").path("result").asInt()).as("the unchanged unix channel").isZero();
        }
    }

    @Test
    void checkRefusesMissingTlsMaterialWithItsPath() {
        ControlSocketSpec https = new ControlSocketSpec("https", "", "127.0.0.1", 8443, "Dhcp6.control-sockets[0]",
                "{\"socket-type\": \"https\", \"socket-address\": \"127.0.0.1\", \"socket-port\": 8443, \"trust-anchor\": \""
                        + dir.resolve("missing-ca.pem") + "\", \"cert-file\": \"" + dir.resolve("missing.pem")
                        + "\", \"key-file\": \"" + dir.resolve("missing.key") + "\"}");
        assertThatThrownBy(() -> ControlChannels.check(List.of(https))).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Dhcp6.control-sockets[0]");
    }
}
