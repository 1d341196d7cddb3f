package dev.nestor.common.stats;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One recorded value of an observation and the moment it was recorded. Every {@code add} or {@code set} on a
 * {@link StatsRegistry} records one sample, as in Kea; {@code statistic-get} reports them newest first.
 */
public sealed interface Sample {

    /** {@return when this value was recorded} */
    Instant timestamp();

    /** {@return the type of the observation this sample belongs to} */
    StatType type();

    record OfLong(long value, Instant timestamp) implements Sample {
        public OfLong {
            Objects.requireNonNull(timestamp, "timestamp");
        }

        @Override
        public StatType type() {
            return StatType.INTEGER;
        }
    }

    record OfDouble(double value, Instant timestamp) implements Sample {
        public OfDouble {
            Objects.requireNonNull(timestamp, "timestamp");
        }

        @Override
        public StatType type() {
            return StatType.FLOAT;
        }
    }

    record OfDuration(Duration value, Instant timestamp) implements Sample {
        public OfDuration {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(timestamp, "timestamp");
        }

        @Override
        public StatType type() {
            return StatType.DURATION;
        }
    }

    record OfString(String value, Instant timestamp) implements Sample {
        public OfString {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(timestamp, "timestamp");
        }

        @Override
        public StatType type() {
            return StatType.STRING;
        }
    }
}
