package dev.nestor.control.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nestor.control.Answer;
import dev.nestor.control.CommandRegistry;
import dev.nestor.control.KeaJson;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ServerCommandsTest {
    private final CommandRegistry registry = new CommandRegistry();
    private final AtomicInteger exitValue = new AtomicInteger(-1);
    private final AtomicBoolean lastRemove = new AtomicBoolean();
    private final NetworkState state = new NetworkState();

    private final ManagedServer server = new ManagedServer() {
        @Override public String configRoot() { return "Dhcp6"; }
        @Override public String configJson() { return "{\"valid-lifetime\":4000}"; }
        @Override public String serverTag() { return "tagged"; }
        @Override public NetworkState networkState() { return state; }
        @Override public int reclaimNow(boolean remove) { lastRemove.set(remove); return 7; }
        @Override public long uptimeSeconds() { return 12; }
        @Override public long secondsSinceReload() { return 3; }
        @Override public int workerThreads() { return 4; }
        @Override public int queueSize() { return 64; }
    };

    @BeforeEach
    void setUp() {
        ServerCommands.registerAll(registry, server, new VersionInfo("1.2.3", "1.2.3 (test)", "report"), exitValue::set);
    }

    @AfterEach
    void tearDown() {
        state.close();
    }

    private Answer run(String json) {
        return registry.process(json);
    }

    @Test
    void registersTheCommonSet() {
        assertThat(registry.commands()).containsExactly("build-report", "config-get", "config-hash-get", "dhcp-disable",
                "dhcp-enable", "leases-reclaim", "list-commands", "server-tag-get", "shutdown", "status-get", "version-get");
    }

    @Test
    void configGetWrapsTheRunningConfigUnderItsRootWithAHash() {
        Answer a = run("{\"command\": \"config-get\"}");
        assertThat(a.result()).isZero();
        assertThat(a.arguments().path("Dhcp6").path("valid-lifetime").asInt()).isEqualTo(4000);
        String hash = a.arguments().path("hash").asText();
        assertThat(hash).hasSize(64).isUpperCase();
        assertThat(run("{\"command\": \"config-hash-get\"}").arguments().path("hash").asText()).isEqualTo(hash);
    }

    @Test
    void dhcpDisableNamesTheProtocolAndShowsInStatus() {
        assertThat(KeaJson.write(run("{\"command\": \"dhcp-disable\"}").toJsonNode()))
                .isEqualTo("{ \"result\": 0, \"text\": \"DHCPv6 service disabled\" }");
        assertThat(run("{\"command\": \"status-get\"}").arguments().path("dhcp-state").path("disabled-by-user").asBoolean()).isTrue();
        assertThat(run("{\"command\": \"dhcp-disable\", \"arguments\": {\"max-period\": -1}}").text())
                .isEqualTo("'max-period' must be positive integer");
        assertThat(run("{\"command\": \"dhcp-enable\", \"arguments\": {\"origin\": \"\"}}").text())
                .isEqualTo("invalid value used for 'origin' parameter: (empty string)");
        assertThat(run("{\"command\": \"dhcp-enable\"}").text()).isEqualTo("DHCP service successfully enabled");
        assertThat(state.isServiceEnabled()).isTrue();
        assertThat(run("{\"command\": \"server-tag-get\"}").arguments().path("server-tag").asText()).isEqualTo("tagged");
    }

    @Test
    void shutdownChecksTheExitValue() {
        assertThat(run("{\"command\": \"shutdown\", \"arguments\": {\"exit-value\": \"x\"}}").text())
                .isEqualTo("parameter 'exit-value' is not an integer");
        assertThat(run("{\"command\": \"shutdown\", \"arguments\": {\"exit-value\": 3}}").text()).isEqualTo("Shutting down.");
        org.awaitility.Awaitility.await().until(() -> exitValue.get() == 3);
    }

    @Test
    void leasesReclaimNeedsABooleanRemove() {
        assertThat(run("{\"command\": \"leases-reclaim\"}").text()).isEqualTo("'remove' parameter is missing or is not a boolean.");
        Answer a = run("{\"command\": \"leases-reclaim\", \"arguments\": {\"remove\": true}}");
        assertThat(a.result()).isZero();
        assertThat(a.arguments().path("reclaimed").asInt()).isEqualTo(7);
        assertThat(lastRemove).isTrue();
    }

    @Test
    void statusAndVersion() {
        Answer s = run("{\"command\": \"status-get\"}");
        assertThat(s.arguments().path("uptime").asLong()).isEqualTo(12);
        assertThat(s.arguments().path("thread-pool-size").asInt()).isEqualTo(4);
        assertThat(s.arguments().path("pid").asLong()).isEqualTo(ProcessHandle.current().pid());
        Answer v = run("{\"command\": \"version-get\"}");
        assertThat(v.text()).isEqualTo("1.2.3");
        assertThat(v.arguments().path("extended").asText()).isEqualTo("1.2.3 (test)");
    }
}
