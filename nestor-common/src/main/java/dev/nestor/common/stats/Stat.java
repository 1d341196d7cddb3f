package dev.nestor.common.stats;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The live, mutable observation behind a name. Each update takes this object's monitor for a few nanoseconds:
 * value and sample ring change together, so a reader never sees a value without its sample.
 */
final class Stat {
    final String name;
    final StatType type;
    private final SampleBuffer samples;
    private SampleLimit limit;

    Stat(String name, StatType type, SampleLimit limit, long valueBits, String text, long atMicros) {
        this.name = name;
        this.type = type;
        this.limit = limit;
        int initial = limit instanceof SampleLimit.MaxCount(int c) ? Math.min(c, 8) : 8;
        this.samples = new SampleBuffer(initial, type == StatType.STRING);
        record(valueBits, text, atMicros);
    }

    synchronized void set(long valueBits, String text, long atMicros) {
        record(valueBits, text, atMicros);
    }

    synchronized void addLong(long delta, long atMicros) {
        record(samples.newestBits() + delta, null, atMicros);
    }

    synchronized void addDouble(double delta, long atMicros) {
        record(Double.doubleToRawLongBits(Double.longBitsToDouble(samples.newestBits()) + delta), null, atMicros);
    }

    synchronized void addDuration(Duration delta, long atMicros) {
        record(samples.newestBits() + toMicros(delta), null, atMicros);
    }

    synchronized void addString(String suffix, long atMicros) {
        record(0, samples.newestString() + suffix, atMicros);
    }

    synchronized long currentBits() {
        return samples.newestBits();
    }

    /** Kea's reset: forget all samples and record the type's neutral value. */
    synchronized void reset(long atMicros) {
        samples.clear();
        record(0, type == StatType.STRING ? "" : null, atMicros);
    }

    synchronized void setLimit(SampleLimit newLimit) {
        limit = newLimit;
        applyLimit();
    }

    synchronized Observation snapshot() {
        List<Sample> list = new ArrayList<>(samples.size());
        for (int k = 0; k < samples.size(); k++) {
            Instant at = fromMicros(samples.microsFromNewest(k));
            long b = samples.bitsFromNewest(k);
            list.add(switch (type) {
                case INTEGER -> new Sample.OfLong(b, at);
                case FLOAT -> new Sample.OfDouble(Double.longBitsToDouble(b), at);
                case DURATION -> new Sample.OfDuration(Duration.of(b, java.time.temporal.ChronoUnit.MICROS), at);
                case STRING -> new Sample.OfString(samples.stringFromNewest(k), at);
            });
        }
        return new Observation(name, type, list, limit);
    }

    private void record(long valueBits, String text, long atMicros) {
        if (limit instanceof SampleLimit.MaxCount(int max) && samples.size() >= max) {
            // make room first so a count-bounded ring never grows past its limit
            while (samples.size() >= max) samples.dropOldest();
        }
        samples.push(valueBits, text, atMicros);
        if (limit instanceof SampleLimit.MaxAge(Duration age)) samples.pruneSpan(toMicros(age));
    }

    private void applyLimit() {
        switch (limit) {
            case SampleLimit.MaxCount(int max) -> samples.truncate(max);
            case SampleLimit.MaxAge(Duration age) -> samples.pruneSpan(toMicros(age));
        }
    }

    static long toMicros(Duration d) {
        try {
            return Math.addExact(Math.multiplyExact(d.getSeconds(), 1_000_000L), d.getNano() / 1000);
        } catch (ArithmeticException e) {
            return d.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    static long toMicros(Instant t) {
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1000;
    }

    static Instant fromMicros(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
    }
}
