package dev.nestor.control.server;

import java.util.Objects;

/** What version-get, build-report, {@code -v}, {@code -V} and {@code -W} print. */
public record VersionInfo(String number, String extended, String buildReport) {
    public VersionInfo {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(extended, "extended");
        Objects.requireNonNull(buildReport, "buildReport");
    }
}
