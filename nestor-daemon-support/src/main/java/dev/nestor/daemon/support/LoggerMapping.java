package dev.nestor.daemon.support;

import dev.nestor.config.model.LoggerConfig;
import dev.nestor.config.model.LoggerOutput;
import dev.nestor.logging.LoggerSpec;
import dev.nestor.logging.OutputSpec;

import java.util.List;

/** Kea's {@code loggers} config, as the logging module takes it. */
public final class LoggerMapping {
    private LoggerMapping() {}

    public static List<LoggerSpec> toSpecs(List<LoggerConfig> loggers) {
        return loggers.stream().map(l -> new LoggerSpec(l.name(), l.severity(), l.debugLevel(),
                l.outputs().stream().map(LoggerMapping::output).toList())).toList();
    }

    private static OutputSpec output(LoggerOutput o) {
        return new OutputSpec(o.output(), o.flush(), o.maxSize(), o.maxVersions(), o.pattern());
    }
}
