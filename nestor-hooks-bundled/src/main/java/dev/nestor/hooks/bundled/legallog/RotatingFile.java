package dev.nestor.hooks.bundled.legallog;

import org.slf4j.Logger;

import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Kea's legal log file ({@code rotating_file.cc}): {@code <path>/<base-name>.CCYYMMDD.txt} for the day, month and
 * year units, {@code <base-name>.T<20-digit epoch seconds>.txt} for seconds; a new file once {@code count} units have
 * passed (0: never, one file per load). Each line is prefixed with the timestamp; continuation lines of a
 * multi-line record get "-" instead of " " after it. {@code prerotate} / {@code postrotate} run, without waiting,
 * with the closed / opened file's name. Thread-safe: one line is written and flushed at a time.
 */
final class RotatingFile implements AutoCloseable {
    enum Unit { SECOND, DAY, MONTH, YEAR }

    private final Path dir;
    private final String baseName;
    private final Unit unit;
    private final long count;
    private final String prerotate;
    private final String postrotate;
    private final DateTimeFormatter timestamp;
    private final boolean markContinuation;
    private final LongSupplier clock; // epoch millis
    private final ZoneId zone = ZoneId.systemDefault();
    private final Logger log;

    private BufferedWriter out;
    private Path current;
    private long openedAt; // epoch seconds, or epoch day / month start for the calendar units

    RotatingFile(Path dir, String baseName, Unit unit, long count, String prerotate, String postrotate,
                 DateTimeFormatter timestamp, boolean markContinuation, LongSupplier clock, Logger log) {
        this.dir = dir;
        this.baseName = baseName;
        this.unit = unit;
        this.count = count;
        this.prerotate = prerotate;
        this.postrotate = postrotate;
        this.timestamp = timestamp;
        this.markContinuation = markContinuation;
        this.clock = clock;
        this.log = log;
    }

    /** Opens the current file (appending). @throws IOException when the directory is not writable */
    synchronized void open() throws IOException {
        long now = clock.getAsLong() / 1000;
        openFor(now);
    }

    /** Writes one record (several lines if it holds newlines), rotating first when due. */
    synchronized void writeln(String record) throws IOException {
        long nowMillis = clock.getAsLong();
        rotateIfDue(nowMillis / 1000);
        String stamp = timestamp.format(ZonedDateTime.ofInstant(Instant.ofEpochMilli(nowMillis), zone));
        String[] lines = record.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            boolean continuation = markContinuation && i < lines.length - 1;
            out.write(stamp + (continuation ? "-" : " ") + lines[i]);
            out.newLine();
        }
        out.flush();
    }

    synchronized Path currentFile() { return current; }

    private void rotateIfDue(long now) throws IOException {
        if (out == null) {
            openFor(now);
            return;
        }
        if (count == 0) return;
        boolean due = switch (unit) {
            case SECOND -> now - openedAt >= count;
            case DAY -> day(now).isAfter(LocalDate.ofEpochDay(openedAt).plusDays(count - 1));
            case MONTH -> !day(now).isBefore(LocalDate.ofEpochDay(openedAt).withDayOfMonth(1).plusMonths(count));
            case YEAR -> !day(now).isBefore(LocalDate.ofEpochDay(openedAt).withDayOfYear(1).plusYears(count));
        };
        if (!due) return;
        Path closed = current;
        if (prerotate != null) spawn(prerotate, closed);
        out.close();
        out = null;
        openFor(now);
    }

    private void openFor(long now) throws IOException {
        String name = unit == Unit.SECOND
                ? "T" + String.format(Locale.ROOT, "%020d", now)
                : day(now).format(DateTimeFormatter.BASIC_ISO_DATE);
        openedAt = unit == Unit.SECOND ? now : day(now).toEpochDay();
        current = dir.resolve(baseName + "." + name + ".txt");
        out = Files.newBufferedWriter(current, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        if (postrotate != null) spawn(postrotate, current);
    }

    private LocalDate day(long epochSeconds) {
        return Instant.ofEpochSecond(epochSeconds).atZone(zone).toLocalDate();
    }

    private void spawn(String program, Path file) {
        try {
            new ProcessBuilder(program, file.toString()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true).start();
        } catch (IOException e) {
            log.warn("legal_log: cannot run {}: {}", program, e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        if (out == null) return;
        try {
            out.close();
        } catch (IOException e) {
            log.warn("legal_log: closing {}: {}", current, e.getMessage());
        }
        out = null;
    }

    /** Kea's time-unit parameter. */
    static Unit unit(String text) {
        return switch (text) {
            case "second" -> Unit.SECOND;
            case "day" -> Unit.DAY;
            case "month" -> Unit.MONTH;
            case "year" -> Unit.YEAR;
            default -> throw new IllegalArgumentException("unknown time unit type: " + text + ", expected one of: second, day, month, year");
        };
    }

    /** The strftime subset Kea users write in timestamp-format, as a formatter; %Q adds microseconds. */
    static DateTimeFormatter strftime(String format) {
        StringBuilder p = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 == format.length()) {
                literal(p, String.valueOf(c));
                continue;
            }
            char d = format.charAt(++i);
            switch (d) {
                case 'Y' -> p.append("yyyy");
                case 'y' -> p.append("yy");
                case 'm' -> p.append("MM");
                case 'd' -> p.append("dd");
                case 'e' -> p.append("ppd");
                case 'H' -> p.append("HH");
                case 'I' -> p.append("hh");
                case 'M' -> p.append("mm");
                case 'S' -> p.append("ss");
                case 'p' -> p.append("a");
                case 'Z' -> p.append("zzz");
                case 'z' -> p.append("xx");
                case 'F' -> p.append("yyyy-MM-dd");
                case 'T' -> p.append("HH:mm:ss");
                case 'D' -> p.append("MM/dd/yy");
                case 'b', 'h' -> p.append("MMM");
                case 'B' -> p.append("MMMM");
                case 'a' -> p.append("EEE");
                case 'A' -> p.append("EEEE");
                case 'j' -> p.append("DDD");
                case 'w' -> p.append("e");
                case 'Q' -> p.append("SSSSSS");
                case 't' -> literal(p, "\t");
                case 'n' -> literal(p, "\n");
                case '%' -> literal(p, "%");
                default -> literal(p, "%" + d);
            }
        }
        return DateTimeFormatter.ofPattern(p.toString(), Locale.ROOT);
    }

    private static void literal(StringBuilder p, String text) {
        p.append('\'').append(text.replace("'", "''")).append('\'');
    }

}
