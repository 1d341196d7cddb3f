package dev.nestor.common.stats;

import java.util.List;
import java.util.Objects;

/**
 * An immutable snapshot of one named statistic: its type, its samples (newest first, never empty) and the limit
 * that bounds them.
 */
public record Observation(String name, StatType type, List<Sample> samples, SampleLimit limit) {
    public Observation {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(limit, "limit");
        samples = List.copyOf(samples);
        if (samples.isEmpty()) throw new IllegalArgumentException("an observation always has a sample");
        for (Sample s : samples) {
            if (s.type() != type) throw new IllegalArgumentException("sample of type " + s.type() + " in " + type + " observation");
        }
    }

    /** {@return the current (newest) sample} */
    public Sample latest() {
        return samples.getFirst();
    }

    /** {@return the current integer value} @throws IllegalStateException if this is not an integer statistic */
    public long longValue() {
        if (latest() instanceof Sample.OfLong(long v, var _)) return v;
        throw new IllegalStateException(StatsRegistry.typeMismatch(StatType.INTEGER, type));
    }
}
