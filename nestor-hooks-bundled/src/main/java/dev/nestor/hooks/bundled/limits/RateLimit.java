package dev.nestor.hooks.bundled.limits;

import java.util.ArrayDeque;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kea's {@code "rate-limit": "<p> packets per <unit>"}: at most {@code packets} allowed in any window of one unit.
 * Like Kea's time series, only allowed packets are recorded: a refused packet does not push the window. Thread-safe.
 */
final class RateLimit {
    private static final Pattern SYNTAX = Pattern.compile("^\\s*(\\d+)\\s+packets?\\s+per\\s+(second|minute|hour|day|week|month|year)\\s*$");

    private final long packets;
    private final long windowNanos;
    private final String text;
    private final ArrayDeque<Long> allowed = new ArrayDeque<>(); // guarded by this

    RateLimit(long packets, long windowNanos, String text) {
        this.packets = packets;
        this.windowNanos = windowNanos;
        this.text = text;
    }

    /** @throws IllegalArgumentException with Kea-like text for anything but "{@code <p>} packets per {@code <unit>}" */
    static RateLimit parse(String text) {
        Matcher m = SYNTAX.matcher(text.toLowerCase(Locale.ROOT));
        if (!m.matches()) throw new IllegalArgumentException("invalid rate-limit '" + text + "': expected '<p> packets per <unit>'");
        long p = Long.parseLong(m.group(1));
        if (p > 0xFFFFFFFFL) throw new IllegalArgumentException("rate-limit '" + text + "': " + p + " does not fit in 32 bits");
        long seconds = switch (m.group(2)) {
            case "second" -> 1;
            case "minute" -> 60;
            case "hour" -> 3600;
            case "day" -> 86_400;
            case "week" -> 7 * 86_400;
            case "month" -> 30 * 86_400;
            default -> 365 * 86_400;
        };
        return new RateLimit(p, seconds * 1_000_000_000L, text);
    }

    /** {@return whether one more packet at {@code nowNanos} is within the limit (and record it if so)} */
    synchronized boolean tryAcquire(long nowNanos) {
        while (!allowed.isEmpty() && nowNanos - allowed.peekFirst() >= windowNanos) allowed.pollFirst();
        if (allowed.size() >= packets) return false;
        allowed.addLast(nowNanos);
        return true;
    }

    @Override public String toString() { return text; }
}
