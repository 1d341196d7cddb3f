package dev.nestor.control.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nestor.control.Answer;
import dev.nestor.control.CommandRegistry;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ServerCommandsTest {
    private final CommandRegistry registry = new CommandRegistry();
    private final AtomicInteger reloads = new AtomicInteger();
    private final AtomicBoolean refuseReload = new AtomicBoolean();
    private final AtomicBoolean lastRemove = new AtomicBoolean();

    private final ManagedServer server = new ManagedServer() {
        @Override public String configRoot() { return "Dhcp6"; }
        @Override public String configJson() { return "{\"valid-lifetime\":4000}"; }
        @Override public void testConfig(JsonNode document) throws Exception {
            if (document.path("Dhcp6").has("bad")) throw new Exception("'bad' is not a Dhcp6 parameter");
        }
        @Override public int reclaimNow(boolean remove) { lastRemove.set(remove); return 7; }
        @Override public long uptimeSeconds() { return 12; }
        @Override public long secondsSinceReload() { return 3; }
        @Override public int workerThreads() { return 4; }
        @Override public int queueSize() { return 64; }
    };

    @BeforeEach
    void setUp() {
        ServerCommands.registerAll(registry, server, new VersionInfo("1.2.3", "1.2.3 (test)", "report"), () -> {
            if (refuseReload.get()) throw new Exception("no such file");
            reloads.incrementAndGet();
        }, () -> {});
    }

    private Answer run(String json) {
        return registry.process(json);
    }

    @Test
    void registersTheCommonSet() {
        assertThat(registry.commands()).containsExactly("build-report", "config-get", "config-hash-get", "config-reload",
                "config-test", "leases-reclaim", "list-commands", "shutdown", "status-get", "version-get");
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
    void configTestNeedsTheRootAndReportsProblems() {
        assertThat(run("{\"command\": \"config-test\", \"arguments\": {}}").text()).isEqualTo("Missing mandatory 'Dhcp6' parameter.");
        Answer bad = run("{\"command\": \"config-test\", \"arguments\": {\"Dhcp6\": {\"bad\": 1}}}");
        assertThat(bad.result()).isEqualTo(1);
        assertThat(bad.text()).isEqualTo("'bad' is not a Dhcp6 parameter");
        assertThat(run("{\"command\": \"config-test\", \"arguments\": {\"Dhcp6\": {}}}").result()).isZero();
    }

    @Test
    void configReloadAppliesOrExplains() {
        assertThat(run("{\"command\": \"config-reload\"}").text()).isEqualTo("Configuration successful.");
        assertThat(reloads).hasValue(1);
        refuseReload.set(true);
        Answer a = run("{\"command\": \"config-reload\"}");
        assertThat(a.result()).isEqualTo(1);
        assertThat(a.text()).isEqualTo("Config reload failed: no such file");
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
