package dev.nestor.common.stats;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Named statistics with Kea's {@code StatsMgr} semantics, one instance per server (no singleton).
 *
 * <ul>
 *   <li>An observation is created by the first {@code set} or {@code add} on its name and keeps that value type;
 *       an update with another type throws {@link IllegalStateException} (Kea's InvalidStatType).</li>
 *   <li>Every {@code set}/{@code add} records a new sample (value + timestamp). Samples are bounded either by a
 *       count (default 20) or by the age span between newest and oldest; see {@link SampleLimit}.</li>
 *   <li>{@code reset} replaces all samples by one neutral value (0, 0.0, zero duration, empty string).</li>
 * </ul>
 *
 * <p>Thread-safe. {@code add} on an existing name costs a hash lookup, a clock read and a short monitor section
 * on that one observation; updates to different names never contend.
 *
 * <p>Timestamps come from the injected {@link Clock}; its zone is the one Kea's local-time texts use
 * ({@link #timestampText}).
 */
public final class StatsRegistry {
    private final Clock clock;
    private final ConcurrentHashMap<String, Stat> stats = new ConcurrentHashMap<>();

    // Kea keeps both default limits and a flag for which one is active (Observation::default_max_sample_*).
    private final Object defaultsLock = new Object();
    private int defaultCount = 20;
    private Duration defaultAge = Duration.ZERO;
    private boolean defaultCountActive = true;

    /** A registry stamping samples with the system clock in the system time zone. */
    public StatsRegistry() {
        this(Clock.systemDefaultZone());
    }

    public StatsRegistry(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** {@return the zone sample timestamps are shown in} */
    public ZoneId zone() {
        return clock.getZone();
    }

    /** {@return Kea's text form of a sample timestamp in this registry's zone, e.g. "2026-11-28 01:23:45.123456"} */
    public String timestampText(Instant t) {
        return StatsText.timestamp(t, clock.getZone());
    }

    // ---- updates -------------------------------------------------------------------------------------------

    /** Adds {@code delta} to an integer statistic, creating it with value {@code delta} if absent. */
    public void add(String name, long delta) {
        long now = now();
        Stat s = existing(name, StatType.INTEGER);
        if (s == null && (s = create(name, StatType.INTEGER, delta, null, now)) == null) return;
        s.addLong(delta, now);
    }

    public void add(String name, double delta) {
        long now = now();
        Stat s = existing(name, StatType.FLOAT);
        if (s == null && (s = create(name, StatType.FLOAT, Double.doubleToRawLongBits(delta), null, now)) == null) return;
        s.addDouble(delta, now);
    }

    public void add(String name, Duration delta) {
        long now = now();
        Stat s = existing(name, StatType.DURATION);
        if (s == null && (s = create(name, StatType.DURATION, Stat.toMicros(delta), null, now)) == null) return;
        s.addDuration(delta, now);
    }

    /** Kea's string "add" appends. */
    public void add(String name, String suffix) {
        Objects.requireNonNull(suffix, "suffix");
        long now = now();
        Stat s = existing(name, StatType.STRING);
        if (s == null && (s = create(name, StatType.STRING, 0, suffix, now)) == null) return;
        s.addString(suffix, now);
    }

    /** Records {@code value} as the new current value of an integer statistic, creating it if absent. */
    public void set(String name, long value) {
        setBits(name, StatType.INTEGER, value, null);
    }

    public void set(String name, double value) {
        setBits(name, StatType.FLOAT, Double.doubleToRawLongBits(value), null);
    }

    public void set(String name, Duration value) {
        setBits(name, StatType.DURATION, Stat.toMicros(value), null);
    }

    public void set(String name, String value) {
        setBits(name, StatType.STRING, 0, Objects.requireNonNull(value, "value"));
    }

    // ---- reads ---------------------------------------------------------------------------------------------

    /**
     * {@return the current value of an integer statistic, or 0 when there is none by that name}
     * @throws IllegalStateException if the statistic exists but is not an integer
     */
    public long get(String name) {
        Stat s = stats.get(name);
        if (s == null) return 0;
        if (s.type != StatType.INTEGER) throw new IllegalStateException(typeMismatch(StatType.INTEGER, s.type));
        return s.currentBits();
    }

    /** {@return a snapshot of the named observation} */
    public Optional<Observation> observation(String name) {
        Stat s = stats.get(name);
        return s == null ? Optional.empty() : Optional.of(s.snapshot());
    }

    /** {@return every statistic's samples (newest first), keyed by name in Kea's (sorted) order} */
    public SortedMap<String, List<Sample>> getAll() {
        TreeMap<String, List<Sample>> all = new TreeMap<>();
        for (Stat s : stats.values()) all.put(s.name, s.snapshot().samples());
        return Collections.unmodifiableSortedMap(all);
    }

    /** {@return snapshots of every statistic, sorted by name} */
    public SortedMap<String, Observation> observations() {
        TreeMap<String, Observation> all = new TreeMap<>();
        for (Stat s : stats.values()) all.put(s.name, s.snapshot());
        return Collections.unmodifiableSortedMap(all);
    }

    /** {@return the number of statistics} */
    public int size() {
        return stats.size();
    }

    // ---- reset / remove ------------------------------------------------------------------------------------

    /** Resets one statistic to its neutral value; {@return false if there is none by that name} */
    public boolean reset(String name) {
        Stat s = stats.get(name);
        if (s == null) return false;
        s.reset(now());
        return true;
    }

    public void resetAll() {
        long now = now();
        for (Stat s : stats.values()) s.reset(now);
    }

    /** {@return true if a statistic by that name existed and was removed} */
    public boolean remove(String name) {
        return stats.remove(name) != null;
    }

    public void removeAll() {
        stats.clear();
    }

    // ---- sample limits -------------------------------------------------------------------------------------

    /** Bounds one statistic by count (switching its age limit off); {@return false if there is none} */
    public boolean setMaxSampleCount(String name, int maxSamples) {
        SampleLimit limit = new SampleLimit.MaxCount(maxSamples);
        Stat s = stats.get(name);
        if (s == null) return false;
        s.setLimit(limit);
        return true;
    }

    /** Bounds one statistic by age span (switching its count limit off); {@return false if there is none} */
    public boolean setMaxSampleAge(String name, Duration maxAge) {
        SampleLimit limit = new SampleLimit.MaxAge(maxAge);
        Stat s = stats.get(name);
        if (s == null) return false;
        s.setLimit(limit);
        return true;
    }

    /** Applies a count limit to every existing statistic. Does not change the default for new ones. */
    public void setMaxSampleCountAll(int maxSamples) {
        SampleLimit limit = new SampleLimit.MaxCount(maxSamples);
        for (Stat s : stats.values()) s.setLimit(limit);
    }

    /** Applies an age limit to every existing statistic. Does not change the default for new ones. */
    public void setMaxSampleAgeAll(Duration maxAge) {
        SampleLimit limit = new SampleLimit.MaxAge(maxAge);
        for (Stat s : stats.values()) s.setLimit(limit);
    }

    /**
     * Sets the count limit given to statistics created from now on (config "statistic-default-sample-count").
     * As in Kea, 0 switches new statistics to the default age limit instead.
     */
    public void setMaxSampleCountDefault(int maxSamples) {
        if (maxSamples < 0) throw new IllegalArgumentException("max sample count must not be negative: " + maxSamples);
        synchronized (defaultsLock) {
            if (maxSamples == 0) {
                defaultCountActive = false;
            } else {
                defaultCount = maxSamples;
                defaultCountActive = true;
            }
        }
    }

    /**
     * Sets the age limit used for new statistics when the default count is 0 (config
     * "statistic-default-sample-age"). Like Kea, this alone does not switch the default to age mode.
     */
    public void setMaxSampleAgeDefault(Duration maxAge) {
        Objects.requireNonNull(maxAge, "maxAge");
        if (maxAge.isNegative()) throw new IllegalArgumentException("max sample age must not be negative: " + maxAge);
        synchronized (defaultsLock) {
            defaultAge = maxAge;
        }
    }

    /** {@return the default count limit, or 0 when new statistics are age-limited (Kea's getter)} */
    public int maxSampleCountDefault() {
        synchronized (defaultsLock) {
            return defaultCountActive ? defaultCount : 0;
        }
    }

    public Duration maxSampleAgeDefault() {
        synchronized (defaultsLock) {
            return defaultAge;
        }
    }

    /** {@return the limit a statistic created now would get} */
    public SampleLimit defaultLimit() {
        synchronized (defaultsLock) {
            return defaultCountActive ? new SampleLimit.MaxCount(defaultCount) : new SampleLimit.MaxAge(defaultAge);
        }
    }

    // ---- internals -----------------------------------------------------------------------------------------

    private void setBits(String name, StatType type, long bits, String text) {
        long now = now();
        Stat s = existing(name, type);
        if (s == null && (s = create(name, type, bits, text, now)) == null) return;
        s.set(bits, text, now);
    }

    /** The existing statistic of that name, checked for type, or null. */
    private Stat existing(String name, StatType type) {
        Stat s = stats.get(Objects.requireNonNull(name, "name"));
        if (s != null && s.type != type) throw new IllegalStateException(typeMismatch(type, s.type) + " (statistic '" + name + "')");
        return s;
    }

    /** Creates the statistic holding its first sample; {@return null if created, or the one a racing thread made} */
    private Stat create(String name, StatType type, long bits, String text, long now) {
        Stat raced = stats.putIfAbsent(name, new Stat(name, type, defaultLimit(), bits, text, now));
        if (raced != null && raced.type != type) {
            throw new IllegalStateException(typeMismatch(type, raced.type) + " (statistic '" + name + "')");
        }
        return raced;
    }

    private long now() {
        return Stat.toMicros(clock.instant());
    }

    static String typeMismatch(StatType requested, StatType actual) {
        return "Invalid statistic type requested: " + requested.keaName() + ", but the actual type is " + actual.keaName();
    }
}
