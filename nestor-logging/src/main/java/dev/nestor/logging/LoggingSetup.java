package dev.nestor.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.Duration;
import ch.qos.logback.core.util.FileSize;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Applies Kea's {@code loggers} configuration to Logback programmatically; no logback.xml is read or needed.
 *
 * <p>Semantics follow Kea's {@code LoggerManagerImpl}: every configured logger gets its own level, is not additive
 * (its messages do not also go to the parent's outputs), and uses its own outputs or, if it has none, the root
 * logger's. The root entry ({@code kea-dhcp4} → {@code dev.nestor}) also feeds Logback's ROOT logger, so
 * third-party libraries log to the same place, but never below INFO. Without a root entry the root logs INFO
 * to stdout, like Kea. Each distinct output (stdout, stderr, a file) gets exactly one appender, shared by every
 * logger that uses it, so two loggers can write the same file safely.
 *
 * <p>Re-applying (config reload) resets the Logback context first, which stops and closes every previous
 * appender. Not meant to be called concurrently with itself.
 */
public final class LoggingSetup {
    /** Our layout: {@code 2026-11-28 01:23:45.123 INFO  [dev.nestor.dhcp4] DHCP4_STARTED ...}. */
    public static final String DEFAULT_PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%logger] %msg%n";
    /** log4cplus' MINIMUM_ROLLING_LOG_SIZE: smaller rotation sizes are raised to this. */
    static final long MIN_ROTATION_SIZE = 204_800L;
    /** Logback's FixedWindowRollingPolicy keeps at most this many rotated files. */
    static final int MAX_VERSIONS = 20;

    private LoggingSetup() {
    }

    /** Kea's built-in logging: root INFO to stdout, or with {@code debug} (-d) DEBUG at debug level 99. */
    public static List<String> applyDefaults(boolean debug) {
        return apply(List.of(), debug);
    }

    /**
     * Replaces the whole logging configuration.
     * @param debugOverride Kea's {@code -d}: every logger logs at DEBUG, debug level 99 (here: TRACE)
     * @return warnings about settings that could not be honoured exactly (also logged to dev.nestor.logging)
     */
    public static List<String> apply(List<LoggerSpec> specs, boolean debugOverride) {
        LoggerContext ctx = context();
        List<String> warnings = new ArrayList<>();
        LoggerSpec root = specs.stream().filter(LoggerSpec::isRoot).reduce((a, b) -> b)
                .orElse(new LoggerSpec(LoggerSpec.ROOT, "INFO", 0, List.of()));
        if (root.outputs().isEmpty()) root = new LoggerSpec(root.name(), root.severity(), root.debugLevel(), List.of(OutputSpec.of("stdout")));

        ctx.reset();
        Map<String, OutputStreamAppender<ILoggingEvent>> appenders = new LinkedHashMap<>();
        long pid = ProcessHandle.current().pid();

        Level rootLevel = debugOverride ? Level.TRACE : level(root.severity() == null ? "INFO" : root.severity(), root.debugLevel());
        Logger ourRoot = configure(ctx.getLogger(LoggerSpec.ROOT), rootLevel, root.outputs(), appenders, ctx, pid, warnings);
        Logger logbackRoot = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
        // third-party libraries share the root outputs but stay at INFO or quieter
        logbackRoot.setLevel(rootLevel.isGreaterOrEqual(Level.INFO) ? rootLevel : Level.INFO);
        ourRoot.iteratorForAppenders().forEachRemaining(logbackRoot::addAppender);

        for (LoggerSpec spec : specs) {
            if (spec.isRoot()) continue;
            Level lvl = debugOverride ? Level.TRACE : spec.severity() == null ? null : level(spec.severity(), spec.debugLevel());
            List<OutputSpec> outs = spec.outputs().isEmpty() ? root.outputs() : spec.outputs();
            configure(ctx.getLogger(spec.loggerName()), lvl, outs, appenders, ctx, pid, warnings);
        }
        org.slf4j.Logger log = LoggerFactory.getLogger("dev.nestor.logging");
        warnings.forEach(w -> log.warn("LOGGING_CONFIG_WARNING {}", w));
        return List.copyOf(warnings);
    }

    /** Kea severity + debug level → Logback level. */
    static Level level(String severity, int debugLevel) {
        return switch (severity) {
            case "FATAL", "ERROR" -> Level.ERROR; // Logback has no FATAL
            case "WARN" -> Level.WARN;
            case "INFO" -> Level.INFO;
            case "DEBUG" -> debugLevel >= 50 ? Level.TRACE : Level.DEBUG;
            case "NONE" -> Level.OFF;
            default -> throw new IllegalArgumentException("Unsupported severity " + severity);
        };
    }

    private static Logger configure(Logger logger, Level level, List<OutputSpec> outputs,
                                    Map<String, OutputStreamAppender<ILoggingEvent>> appenders, LoggerContext ctx,
                                    long pid, List<String> warnings) {
        logger.setLevel(level);
        logger.setAdditive(false);
        for (OutputSpec out : outputs) {
            OutputStreamAppender<ILoggingEvent> a = appenders.get(key(out));
            if (a == null) {
                a = create(out, ctx, pid, warnings);
                if (a == null) continue;
                appenders.put(key(out), a);
            }
            logger.addAppender(a);
        }
        return logger;
    }

    private static String key(OutputSpec out) {
        if (out.isSyslog()) return "stderr";
        if (out.isConsole()) return out.output();
        return "file:" + Path.of(out.output()).toAbsolutePath().normalize();
    }

    private static OutputStreamAppender<ILoggingEvent> create(OutputSpec out, LoggerContext ctx, long pid, List<String> warnings) {
        OutputStreamAppender<ILoggingEvent> appender;
        if (out.isConsole() || out.isSyslog()) {
            if (out.isSyslog()) warnings.add("output '" + out.output() + "' is not supported yet; logging to stderr instead");
            ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
            console.setTarget(out.output().equals("stdout") ? "System.out" : "System.err");
            appender = console;
        } else if (out.maxSize() == 0 || out.output().contains("%")) {
            if (out.maxSize() != 0) warnings.add("cannot rotate '" + out.output() + "' (a % in the file name); rotation disabled");
            FileAppender<ILoggingEvent> file = new FileAppender<>();
            file.setFile(out.output());
            file.setAppend(true);
            appender = file;
        } else {
            appender = rollingFile(out, ctx, warnings);
        }
        appender.setContext(ctx);
        appender.setName(key(out));
        appender.setImmediateFlush(out.flush());
        appender.setEncoder(encoder(out, ctx, pid, warnings));
        appender.start();
        if (!appender.isStarted()) {
            warnings.add("cannot open log output '" + out.output() + "'; messages for it are dropped");
            return null;
        }
        return appender;
    }

    private static RollingFileAppender<ILoggingEvent> rollingFile(OutputSpec out, LoggerContext ctx, List<String> warnings) {
        long size = out.maxSize();
        if (size < MIN_ROTATION_SIZE) {
            warnings.add("maxsize " + size + " of '" + out.output() + "' is below the minimum; rotating at " + MIN_ROTATION_SIZE);
            size = MIN_ROTATION_SIZE;
        }
        int versions = out.maxVersions();
        if (versions < 1) {
            warnings.add("maxver " + versions + " of '" + out.output() + "' is below the minimum; keeping 1");
            versions = 1;
        } else if (versions > MAX_VERSIONS) {
            warnings.add("maxver " + versions + " of '" + out.output() + "' is above " + MAX_VERSIONS + "; keeping " + MAX_VERSIONS);
            versions = MAX_VERSIONS;
        }
        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(ctx);
        file.setFile(out.output());
        file.setAppend(true);

        // Kea's (log4cplus) naming: file.1 is the newest rotated file, file.N the oldest
        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(ctx);
        rolling.setParent(file);
        rolling.setFileNamePattern(out.output() + ".%i");
        rolling.setMinIndex(1);
        rolling.setMaxIndex(versions);
        rolling.start();

        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(ctx);
        trigger.setMaxFileSize(new FileSize(size));
        // check the size on every message, as log4cplus does, instead of Logback's default once per 60 ms
        trigger.setCheckIncrement(Duration.buildByMilliseconds(0));
        trigger.start();

        file.setRollingPolicy(rolling);
        file.setTriggeringPolicy(trigger);
        return file;
    }

    private static PatternLayoutEncoder encoder(OutputSpec out, LoggerContext ctx, long pid, List<String> warnings) {
        String pattern = DEFAULT_PATTERN;
        if (!out.pattern().isEmpty()) {
            try {
                pattern = KeaPattern.translate(out.pattern(), pid);
            } catch (IllegalArgumentException e) {
                warnings.add("pattern of '" + out.output() + "' not supported (" + e.getMessage() + "); using the default layout");
            }
        }
        PatternLayoutEncoder enc = encoder(pattern, ctx);
        if (!enc.getLayout().isStarted()) {
            warnings.add("pattern of '" + out.output() + "' rejected by the layout; using the default layout");
            enc = encoder(DEFAULT_PATTERN, ctx);
        }
        return enc;
    }

    private static PatternLayoutEncoder encoder(String pattern, LoggerContext ctx) {
        PatternLayoutEncoder enc = new PatternLayoutEncoder();
        enc.setContext(ctx);
        enc.setCharset(StandardCharsets.UTF_8);
        enc.setPattern(pattern);
        enc.start();
        return enc;
    }

    private static LoggerContext context() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx) return ctx;
        throw new IllegalStateException("SLF4J is not bound to Logback: " + LoggerFactory.getILoggerFactory().getClass().getName());
    }
}
