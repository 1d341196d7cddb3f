package dev.nestor.hooks.runtime;

import dev.nestor.common.stats.StatsRegistry;
import dev.nestor.hooks.StatsService;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The {@link StatsService} both servers offer libraries: a thin view of the server's {@link StatsRegistry}, so what a
 * library counts shows in {@code statistic-get} next to the server's own statistics. The registry outlives
 * reconfigurations, so one instance serves every configuration's libraries.
 */
public final class RegistryStats implements StatsService {
    private final StatsRegistry registry;

    public RegistryStats(StatsRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public void add(String name, long delta) {
        registry.add(checked(name), delta);
    }

    @Override
    public void set(String name, long value) {
        registry.set(checked(name), value);
    }

    @Override
    public OptionalLong get(String name) {
        if (registry.observation(checked(name)).isEmpty()) return OptionalLong.empty();
        return OptionalLong.of(registry.get(name));
    }

    private static String checked(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) throw new IllegalArgumentException("empty statistic name");
        return name;
    }
}
