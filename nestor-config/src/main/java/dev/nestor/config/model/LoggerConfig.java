package dev.nestor.config.model;

import java.util.List;

/**
 * One {@code loggers} entry.
 *
 * @param name       Kea logger name, e.g. "kea-dhcp4" or "kea-dhcp4.leases"
 * @param severity   "FATAL", "ERROR", "WARN", "INFO" (default), "DEBUG" or "NONE"
 * @param debugLevel 0..99, used when severity is DEBUG
 */
public record LoggerConfig(String name, String severity, int debugLevel, List<LoggerOutput> outputs) {
    public LoggerConfig {
        outputs = List.copyOf(outputs);
    }
}
