package dev.nestor.logging;

import java.util.Objects;

/**
 * One destination of a logger, Kea's {@code output-options} entry.
 *
 * @param output      {@code stdout}, {@code stderr}, {@code syslog} or {@code syslog:<name>} (written to stderr
 *                    with a warning: there is no syslog appender yet), or a file path
 * @param flush       flush after every message (Kea default true)
 * @param maxSize     file size in bytes that triggers rotation; 0 = never rotate. Kea default 10240000. As in
 *                    Kea (log4cplus), values between 1 and 204799 are raised to 204800.
 * @param maxVersions rotated files kept ({@code file.1} .. {@code file.N}); Kea minimum and default 1
 * @param pattern     a Kea (log4cplus) layout pattern, or empty for our default
 */
public record OutputSpec(String output, boolean flush, long maxSize, int maxVersions, String pattern) {
    public static final long DEFAULT_MAX_SIZE = 10_240_000L;
    public static final int DEFAULT_MAX_VERSIONS = 1;

    public OutputSpec {
        Objects.requireNonNull(output, "output");
        if (output.isBlank()) throw new IllegalArgumentException("output must not be empty");
        if (maxSize < 0) throw new IllegalArgumentException("maxsize must not be negative: " + maxSize);
        if (maxVersions < 0) throw new IllegalArgumentException("maxver must not be negative: " + maxVersions);
        pattern = pattern == null ? "" : pattern;
    }

    /** {@return an output with Kea's defaults (flush, 10240000 bytes, 1 version, default pattern)} */
    public static OutputSpec of(String output) {
        return new OutputSpec(output, true, DEFAULT_MAX_SIZE, DEFAULT_MAX_VERSIONS, "");
    }

    public boolean isConsole() {
        return output.equals("stdout") || output.equals("stderr");
    }

    public boolean isSyslog() {
        return output.equals("syslog") || output.startsWith("syslog:");
    }

    public boolean isFile() {
        return !isConsole() && !isSyslog();
    }
}
