package dev.nestor.logging;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One entry of Kea's {@code loggers} list.
 *
 * <p>Name mapping ({@link #loggerName()}): the daemon's root logger — any first name segment starting with
 * {@code kea-} or {@code nestor-}, e.g. {@code kea-dhcp4} — maps to our root {@code dev.nestor}, and its children
 * map below it: {@code kea-dhcp4.leases} → {@code dev.nestor.leases}, {@code kea-dhcp4.packets} →
 * {@code dev.nestor.packets}. Any other name is used as given, so third-party loggers (e.g.
 * {@code com.zaxxer.hikari}) can be tuned too.
 *
 * @param severity   FATAL, ERROR, WARN, INFO, DEBUG or NONE (case-insensitive); null or DEFAULT inherits from
 *                   the parent logger as in Kea (the root then gets INFO)
 * @param debugLevel 0-99, only meaningful with DEBUG: below 50 maps to Logback DEBUG, 50 and up to TRACE
 * @param outputs    destinations; empty means "same as the root logger", as in Kea
 */
public record LoggerSpec(String name, String severity, int debugLevel, List<OutputSpec> outputs) {
    public static final String ROOT = "dev.nestor";
    private static final Set<String> SEVERITIES = Set.of("FATAL", "ERROR", "WARN", "INFO", "DEBUG", "NONE", "DEFAULT");

    public LoggerSpec {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) throw new IllegalArgumentException("logger name must not be empty");
        if (severity != null) {
            severity = severity.toUpperCase(Locale.ROOT);
            if (!SEVERITIES.contains(severity)) throw new IllegalArgumentException("Unsupported severity " + severity);
            if (severity.equals("DEFAULT")) severity = null;
        }
        if (debugLevel < 0 || debugLevel > 99) {
            throw new IllegalArgumentException("Unsupported debuglevel value " + debugLevel + ", expected 0-99");
        }
        outputs = outputs == null ? List.of() : List.copyOf(outputs);
    }

    /** {@return the Logback logger this entry configures} */
    public String loggerName() {
        return mapName(name);
    }

    /** Maps a Kea logger name to ours; see the class comment. */
    public static String mapName(String keaName) {
        int dot = keaName.indexOf('.');
        String first = dot < 0 ? keaName : keaName.substring(0, dot);
        if (first.startsWith("kea-") || first.startsWith("nestor-")) {
            return dot < 0 ? ROOT : ROOT + keaName.substring(dot);
        }
        return keaName;
    }

    public boolean isRoot() {
        return loggerName().equals(ROOT);
    }
}
