package dev.nestor.config.model;

/**
 * One logger output ("output-options" entry).
 *
 * @param output      "stdout", "stderr", "syslog", "syslog:name", or a file path
 * @param maxSize     rotate a file output at this many bytes (Kea default 10240000; 0 = never)
 * @param maxVersions rotated files kept (Kea default 1)
 * @param pattern     log4cplus-style layout, "" = Kea's default layout
 */
public record LoggerOutput(String output, boolean flush, long maxSize, int maxVersions, String pattern) {
    public LoggerOutput {
        pattern = pattern == null ? "" : pattern;
    }
}
