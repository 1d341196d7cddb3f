package dev.nestor.common.stats;

import java.time.Duration;
import java.util.Objects;

/**
 * How many samples an observation keeps. Kea keeps exactly one of the two limits active: setting a count limit
 * switches the age limit off and vice versa.
 */
public sealed interface SampleLimit {

    /** Kea's default: the 20 newest samples. */
    SampleLimit DEFAULT = new MaxCount(20);

    /** Keep at most {@code count} newest samples. */
    record MaxCount(int count) implements SampleLimit {
        public MaxCount {
            if (count < 1) throw new IllegalArgumentException("max sample count must be at least 1: " + count);
        }
    }

    /**
     * Keep samples while the newest and the oldest are at most {@code age} apart. As in Kea the span is measured
     * between samples, not against the current time, so an idle observation keeps its samples.
     */
    record MaxAge(Duration age) implements SampleLimit {
        public MaxAge {
            Objects.requireNonNull(age, "age");
            if (age.isNegative()) throw new IllegalArgumentException("max sample age must not be negative: " + age);
        }
    }
}
