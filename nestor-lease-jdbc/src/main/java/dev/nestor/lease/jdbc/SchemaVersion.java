package dev.nestor.lease.jdbc;

import java.util.Comparator;

/**
 * The version of a lease database: Kea's {@code schema_version} (major.minor, what {@code kea-admin db-version}
 * prints) plus the level of Nestor's additive extensions (table {@code nestor_schema}, 0 when absent, as in a
 * database fresh from {@code kea-admin db-init}).
 */
public record SchemaVersion(int major, int minor, int nestorLevel) implements Comparable<SchemaVersion> {
    private static final Comparator<SchemaVersion> ORDER = Comparator.comparingInt(SchemaVersion::major)
            .thenComparingInt(SchemaVersion::minor).thenComparingInt(SchemaVersion::nestorLevel);

    public SchemaVersion {
        if (major < 0 || minor < 0 || nestorLevel < 0) throw new IllegalArgumentException("negative schema version");
    }

    /** Kea's part, as {@code kea-admin db-version} prints it, e.g. {@code "14.0"}. */
    public String keaVersion() {
        return major + "." + minor;
    }

    @Override
    public int compareTo(SchemaVersion o) {
        return ORDER.compare(this, o);
    }

    /** e.g. {@code "14.0 (nestor 1)"}. */
    @Override
    public String toString() {
        return keaVersion() + " (nestor " + nestorLevel + ")";
    }
}
