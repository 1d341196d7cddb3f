package dev.nestor.hooks.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.nestor.common.stats.StatsRegistry;
import dev.nestor.hooks.HookApi;
import dev.nestor.hooks.HookContext;
import dev.nestor.hooks.HookLibrary;
import dev.nestor.hooks.HookPoint;
import dev.nestor.hooks.StatsService;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RegistryStatsTest {
    @Test
    void updatesTheServersRegistry() {
        StatsRegistry registry = new StatsRegistry();
        StatsService stats = new RegistryStats(registry);

        assertThat(stats.get("pkt4-limit-exceeded")).isEmpty();
        stats.add("pkt4-limit-exceeded", 0);
        assertThat(stats.get("pkt4-limit-exceeded")).isEqualTo(OptionalLong.of(0));
        stats.add("pkt4-limit-exceeded", 2);
        stats.add("pkt4-receive-drop", 1);
        stats.set(StatsService.subnetName(7, "my-count"), 42);

        assertThat(registry.get("pkt4-limit-exceeded")).isEqualTo(2);
        assertThat(registry.get("pkt4-receive-drop")).isEqualTo(1);
        assertThat(registry.get("subnet[7].my-count")).isEqualTo(42);
        assertThat(stats.get("subnet[7].my-count")).hasValue(42);
    }

    @Test
    void refusesAnotherTypeAndEmptyNames() {
        StatsRegistry registry = new StatsRegistry();
        registry.set("server-name", "nestor");
        StatsService stats = new RegistryStats(registry);

        assertThatThrownBy(() -> stats.add("server-name", 1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> stats.set(" ", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(registry.observation("server-name").orElseThrow().samples()).hasSize(1);
    }

    @Test
    void librariesGetItAsAService() throws Exception {
        StatsRegistry registry = new StatsRegistry();
        AtomicReference<StatsService> seen = new AtomicReference<>();
        HookLibrary lib = new HookLibrary() {
            @Override public int apiVersion() { return HookApi.VERSION; }
            @Override public boolean multiThreadingCompatible() { return true; }

            @Override public void load(HookContext ctx) {
                ctx.service(StatsService.class).ifPresent(s -> { seen.set(s); s.add("lib-loaded", 1); });
            }
        };
        HookEnvironment env = HookEnvironment.of(HookPoint.Family.DHCP6, JsonNodeFactory.instance.objectNode(), 0, null)
                .withBuiltins(BuiltinLibraries.standard().with("stats-lib", () -> lib))
                .withService(StatsService.class, new RegistryStats(registry));
        try (HookLibraries libs = HookLibraries.load(List.of(LibrarySpec.of("stats-lib", null, "Dhcp6.hooks-libraries[0]")), env)) {
            assertThat(seen.get()).isNotNull();
            assertThat(registry.get("lib-loaded")).isEqualTo(1);
        }
    }
}
