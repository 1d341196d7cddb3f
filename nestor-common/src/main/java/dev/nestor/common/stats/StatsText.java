package dev.nestor.common.stats;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** Kea's text forms of sample timestamps and duration values ({@code util/chrono_time_utils.cc}). */
public final class StatsText {
    private StatsText() {
    }

    /**
     * {@return {@code "2026-11-28 01:23:45.123456"}: local time in {@code zone}, microsecond precision}. Kea formats
     * in the server's local time zone, without a zone suffix.
     */
    public static String timestamp(Instant t, ZoneId zone) {
        LocalDateTime d = LocalDateTime.ofInstant(t, zone);
        StringBuilder sb = new StringBuilder(26);
        sb.append(d.getYear()).append('-');
        pad(sb, d.getMonthValue(), 2).append('-');
        pad(sb, d.getDayOfMonth(), 2).append(' ');
        pad(sb, d.getHour(), 2).append(':');
        pad(sb, d.getMinute(), 2).append(':');
        pad(sb, d.getSecond(), 2).append('.');
        return pad(sb, d.getNano() / 1000, 6).toString();
    }

    /** {@return {@code "HH:MM:SS.ffffff"}; hours are not wrapped at 24, as in Kea's durationToText} */
    public static String duration(Duration d) {
        long micros = d.toSeconds() * 1_000_000L + d.toNanosPart() / 1000;
        boolean negative = micros < 0;
        micros = Math.abs(micros);
        long secs = micros / 1_000_000L;
        StringBuilder sb = new StringBuilder(16);
        if (negative) sb.append('-');
        pad(sb, secs / 3600, 2).append(':');
        pad(sb, secs / 60 % 60, 2).append(':');
        pad(sb, secs % 60, 2).append('.');
        return pad(sb, micros % 1_000_000L, 6).toString();
    }

    private static StringBuilder pad(StringBuilder sb, long value, int width) {
        String s = Long.toString(value);
        for (int i = s.length(); i < width; i++) sb.append('0');
        return sb.append(s);
    }
}
