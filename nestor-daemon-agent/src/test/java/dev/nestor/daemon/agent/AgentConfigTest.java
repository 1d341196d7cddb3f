package dev.nestor.daemon.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nestor.control.Answer;
import dev.nestor.control.CommandRegistry;
import dev.nestor.control.KeaJson;
import dev.nestor.control.http.ControlConfigException;
import dev.nestor.control.unix.UnixControlSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Control-agent config and the agent's forwarding, against a real unix control socket. */
class AgentConfigTest {
    @TempDir
    Path dir;

    @Test
    void parsesKeasControlAgentConfig() throws Exception {
        AgentConfig c = AgentConfig.parse(KeaJson.parse("""
                {"Control-agent": {"http-host": "127.0.0.1", "http-port": 8001,
                  "authentication": {"type": "basic", "realm": "r", "clients": [{"user": "a", "password": "b"}]},
                  "control-sockets": {"dhcp4": {"socket-type": "unix", "socket-name": "/run/kea/kea4-ctrl-socket"},
                                      "d2": {"socket-name": "/run/kea/kea-ddns-ctrl-socket"}},
                  "loggers": [{"name": "kea-ctrl-agent", "severity": "DEBUG", "debuglevel": 10, "output_options": [{"output": "stdout"}]}]},
                 "Dhcp4": {}}"""));
        assertThat(c.http().port()).isEqualTo(8001);
        assertThat(c.http().auth().realm()).isEqualTo("r");
        assertThat(c.sockets()).containsEntry("dhcp4", Path.of("/run/kea/kea4-ctrl-socket")).containsKey("d2").hasSize(2);
        assertThat(c.loggers()).hasSize(1);
    }

    @Test
    void refusesWhatKeaRefuses() {
        assertThatThrownBy(() -> AgentConfig.parse(KeaJson.parse("{\"Control-agent\": {\"control-sockets\": {\"dhcp5\": {}}}}")))
                .isInstanceOf(ControlConfigException.class).hasMessageContaining("unsupported server type 'dhcp5'");
        assertThatThrownBy(() -> AgentConfig.parse(KeaJson.parse("{\"Control-agent\": {\"http-port\": 70000}}")))
                .hasMessage("out of range value 70000 specified for parameter 'http-port'");
        assertThatThrownBy(() -> AgentConfig.parse(KeaJson.parse("{\"Control-agent\": {\"bogus\": 1}}")))
                .extracting(e -> ((ControlConfigException) e).path()).isEqualTo("Control-agent.bogus");
        assertThatThrownBy(() -> AgentConfig.parse(KeaJson.parse("{\"Control-agent\": {\"control-sockets\": {\"dhcp4\": {\"socket-type\": \"unix\"}}}}")))
                .hasMessage("'socket-name' is required for a unix control socket");
    }

    @Test
    void forwardsToEachServiceAndAnswersItselfWithoutOne() throws Exception {
        CommandRegistry daemon = new CommandRegistry();
        daemon.register("version-get", c -> Answer.success("daemon-1.0"));
        Path sock = dir.resolve("d4.sock");
        try (UnixControlSocket s = new UnixControlSocket(sock, daemon)) {
            s.start();
            AgentConfig cfg = AgentConfig.parse(KeaJson.parse("{\"Control-agent\": {\"control-sockets\": {\"dhcp4\": {\"socket-name\": \""
                    + sock + "\"}, \"dhcp6\": {\"socket-name\": \"" + dir.resolve("gone.sock") + "\"}}}}"));
            CommandRegistry own = new CommandRegistry();
            own.register("version-get", c -> Answer.success("agent-1.0"));
            AgentProcessor p = new AgentProcessor(own, () -> cfg, new dev.nestor.control.http.UnixCommandClient(java.time.Duration.ofSeconds(5)));

            assertThat(KeaJson.write(p.process(KeaJson.parse("{\"command\": \"version-get\"}"), "127.0.0.1")))
                    .isEqualTo("[ { \"result\": 0, \"text\": \"agent-1.0\" } ]");
            String both = KeaJson.write(p.process(KeaJson.parse("{\"command\": \"version-get\", \"service\": [\"dhcp4\", \"dhcp6\", \"d2\"]}"), "127.0.0.1"));
            assertThat(both).startsWith("[ { \"result\": 0, \"text\": \"daemon-1.0\" }, { \"result\": 1, \"text\": \"unable to forward command to the dhcp6 service: ")
                    .endsWith(". The server is likely to be offline\" }, { \"result\": 1, \"text\": \"forwarding socket is not configured for the server type d2\" } ]");
            assertThat(KeaJson.write(p.process(KeaJson.parse("{\"command\": \"x\", \"service\": \"dhcp4\"}"), null)))
                    .isEqualTo("[ { \"result\": 1, \"text\": \"service value must be a list\" } ]");
        }
    }
}
