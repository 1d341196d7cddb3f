package dev.nestor.config.model;

/**
 * A lease lifetime with its client-negotiable bounds, as Kea's {@code valid-lifetime} / {@code min-valid-lifetime}
 * / {@code max-valid-lifetime} triplet. When a bound is absent from the config it equals the default (Kea's rule).
 */
public record Lifetime(long defaultValue, long min, long max) {
    public Lifetime {
        if (min < 0 || defaultValue < 0 || max < 0) throw new IllegalArgumentException("lifetimes must not be negative");
        if (min > defaultValue || defaultValue > max)
            throw new IllegalArgumentException("lifetime bounds out of order: min " + min + ", default " + defaultValue + ", max " + max);
    }

    /** A lifetime that cannot be negotiated: min = default = max. */
    public static Lifetime fixed(long seconds) { return new Lifetime(seconds, seconds, seconds); }

    /** Clamps a client's requested value into {@code [min, max]}. */
    public long clamp(long requested) { return Math.max(min, Math.min(max, requested)); }
}
