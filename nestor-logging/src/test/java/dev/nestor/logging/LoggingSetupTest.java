package dev.nestor.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class LoggingSetupTest {
    @TempDir
    Path dir;

    private final Logger dhcp4 = LoggerFactory.getLogger("dev.nestor.dhcp4");
    private final Logger leases = LoggerFactory.getLogger("dev.nestor.leases");

    @AfterEach
    void restore() {
        LoggingSetup.applyDefaults(false);
    }

    private static List<String> lines(Path p) throws IOException {
        return Files.exists(p) ? Files.readAllLines(p, StandardCharsets.UTF_8) : List.of();
    }

    private static OutputSpec file(Path p) {
        return new OutputSpec(p.toString(), true, 0, 1, "");
    }

    @Test
    void writesOurDefaultLayoutToAFile() throws IOException {
        Path log = dir.resolve("kea-dhcp4.log");
        List<String> warnings = LoggingSetup.apply(List.of(new LoggerSpec("kea-dhcp4", "INFO", 0, List.of(file(log)))), false);
        assertThat(warnings).isEmpty();
        dhcp4.info("DHCP4_STARTED Kea DHCPv4 server version {} started", "3.1.0");
        dhcp4.debug("DHCP4_DEBUG not shown");
        assertThat(lines(log)).singleElement().asString()
                .matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  \\[dev\\.nestor\\.dhcp4\\] "
                        + "DHCP4_STARTED Kea DHCPv4 server version 3\\.1\\.0 started");
    }

    @Test
    void childSeverityFiltersAndInheritsTheRootOutput() throws IOException {
        Path log = dir.resolve("all.log");
        LoggingSetup.apply(List.of(
                new LoggerSpec("kea-dhcp4", "DEBUG", 0, List.of(file(log))),
                new LoggerSpec("kea-dhcp4.leases", "WARN", 0, List.of())), false);
        leases.info("LEASE_INFO dropped");
        leases.warn("LEASE_WARN kept");
        dhcp4.debug("DHCP4_DEBUG kept");
        assertThat(lines(log)).hasSize(2);
        assertThat(lines(log).get(0)).endsWith("WARN  [dev.nestor.leases] LEASE_WARN kept");
        assertThat(lines(log).get(1)).endsWith("DEBUG [dev.nestor.dhcp4] DHCP4_DEBUG kept");
    }

    @Test
    void childWithItsOwnOutputIsNotAdditive() throws IOException {
        Path main = dir.resolve("main.log");
        Path leaseLog = dir.resolve("leases.log");
        LoggingSetup.apply(List.of(
                new LoggerSpec("kea-dhcp4", "INFO", 0, List.of(file(main))),
                new LoggerSpec("kea-dhcp4.leases", "INFO", 0, List.of(file(leaseLog)))), false);
        leases.info("LEASE_ALLOC allocated");
        dhcp4.info("DHCP4_PACKET received");
        assertThat(lines(leaseLog)).singleElement().asString().endsWith("LEASE_ALLOC allocated");
        assertThat(lines(main)).singleElement().asString().endsWith("DHCP4_PACKET received");
    }

    @Test
    void debugLevelMapsToDebugOrTrace() throws IOException {
        Path log = dir.resolve("dbg.log");
        LoggingSetup.apply(List.of(new LoggerSpec("kea-dhcp4", "DEBUG", 10, List.of(file(log)))), false);
        dhcp4.debug("BASIC");
        dhcp4.trace("DETAIL");
        assertThat(lines(log)).singleElement().asString().endsWith("BASIC");

        Path log99 = dir.resolve("dbg99.log");
        LoggingSetup.apply(List.of(new LoggerSpec("kea-dhcp4", "DEBUG", 99, List.of(file(log99)))), false);
        dhcp4.trace("DETAIL");
        assertThat(lines(log99)).singleElement().asString().endsWith("DETAIL");

        assertThat(LoggingSetup.level("DEBUG", 0)).isEqualTo(Level.DEBUG);
        assertThat(LoggingSetup.level("DEBUG", 49)).isEqualTo(Level.DEBUG);
        assertThat(LoggingSetup.level("DEBUG", 50)).isEqualTo(Level.TRACE);
        assertThat(LoggingSetup.level("FATAL", 0)).isEqualTo(Level.ERROR);
        assertThat(LoggingSetup.level("NONE", 0)).isEqualTo(Level.OFF);
    }

    @Test
    void debugOverrideLogsEverything() throws IOException {
        Path log = dir.resolve("d.log");
        LoggingSetup.apply(List.of(
                new LoggerSpec("kea-dhcp4", "ERROR", 0, List.of(file(log))),
                new LoggerSpec("kea-dhcp4.leases", "NONE", 0, List.of())), true);
        leases.trace("T");
        dhcp4.trace("U");
        assertThat(lines(log)).hasSize(2);
    }

    @Test
    void noneSilencesALogger() throws IOException {
        Path log = dir.resolve("n.log");
        LoggingSetup.apply(List.of(
                new LoggerSpec("kea-dhcp4", "INFO", 0, List.of(file(log))),
                new LoggerSpec("kea-dhcp4.leases", "NONE", 0, List.of())), false);
        leases.error("hidden");
        dhcp4.error("shown");
        assertThat(lines(log)).singleElement().asString().endsWith("shown");
    }

    @Test
    void rotatesBySizeKeepingMaxVersionsNamedLikeKea() throws IOException {
        Path log = dir.resolve("rot.log");
        OutputSpec out = new OutputSpec(log.toString(), true, LoggingSetup.MIN_ROTATION_SIZE, 2, "");
        LoggingSetup.apply(List.of(new LoggerSpec("kea-dhcp4", "INFO", 0, List.of(out))), false);
        String filler = "x".repeat(1000);
        // ~4.5 times the rotation size: the active file plus .1 and .2; older content is discarded
        for (int i = 0; i < 900; i++) dhcp4.info("LINE {} {}", i, filler);
        assertThat(log).exists();
        assertThat(dir.resolve("rot.log.1")).exists();
        assertThat(dir.resolve("rot.log.2")).exists();
        assertThat(dir.resolve("rot.log.3")).doesNotExist();
        long rotated = Files.size(dir.resolve("rot.log.1"));
        assertThat(rotated).isBetween(LoggingSetup.MIN_ROTATION_SIZE, LoggingSetup.MIN_ROTATION_SIZE + 2 * 1100);
        // newest rotated file holds the lines just before the active file's first line
        String lastRotated = lines(dir.resolve("rot.log.1")).getLast();
        String firstActive = lines(log).getFirst();
        int a = Integer.parseInt(lastRotated.replaceAll(".*LINE (\\d+) .*", "$1"));
        int b = Integer.parseInt(firstActive.replaceAll(".*LINE (\\d+) .*", "$1"));
        assertThat(b).isEqualTo(a + 1);
        assertThat(lines(log).getLast()).contains("LINE 899 ");
    }

    @Test
    void smallMaxSizeIsRaisedWithAWarning() {
        Path log = dir.resolve("small.log");
        List<String> w = LoggingSetup.apply(List.of(new LoggerSpec("kea-dhcp4", "INFO", 0,
                List.of(new OutputSpec(log.toString(), true, 1000, 30, "")))), false);
        assertThat(w).anySatisfy(s -> assertThat(s).contains("maxsize 1000").contains("204800"));
        assertThat(w).anySatisfy(s -> assertThat(s).contains("maxver 30"));
    }

    @Test
    void reapplyingReplacesAppenders() throws IOException {
        Path first = dir.resolve("first.log");
        Path second = dir.resolve("second.log");
        LoggingSetup.apply(List.of(new LoggerSpec("kea-dhcp4", "INFO", 0, List.of(file(first)))), false);
        dhcp4.info("one");
        LoggingSetup.apply(List.of(new LoggerSpec("kea-dhcp4", "INFO", 0, List.of(file(second)))), false);
        dhcp4.info("two");
        assertThat(lines(first)).singleElement().asString().endsWith("one");
        assertThat(lines(second)).singleElement().asString().endsWith("two");
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger("dev.nestor");
        List<String> names = new java.util.ArrayList<>();
        root.iteratorForAppenders().forEachRemaining(a -> names.add(a.getName()));
        assertThat(names).containsExactly("file:" + second.toAbsolutePath().normalize());
    }

    @Test
    void thirdPartyLoggersShareTheRootOutputAtInfoOrAbove() throws IOException {
        Path log = dir.resolve("third.log");
        LoggingSetup.apply(List.of(new LoggerSpec("kea-dhcp4", "DEBUG", 99, List.of(file(log)))), false);
        Logger hikari = LoggerFactory.getLogger("com.zaxxer.hikari.pool");
        hikari.debug("noise");
        hikari.info("HikariPool-1 - Start completed.");
        assertThat(lines(log)).singleElement().asString().endsWith("[com.zaxxer.hikari.pool] HikariPool-1 - Start completed.");
    }

    @Test
    void keaPatternIsTranslated() throws IOException {
        Path log = dir.resolve("pattern.log");
        OutputSpec out = new OutputSpec(log.toString(), true, 0, 1, "%D{%Y-%m-%d %H:%M:%S.%q} %-5p [%c/%i.%t] %m\n");
        assertThat(LoggingSetup.apply(List.of(new LoggerSpec("kea-dhcp4", "INFO", 0, List.of(out))), false)).isEmpty();
        dhcp4.info("DHCP4_STARTED up");
        long pid = ProcessHandle.current().pid();
        assertThat(lines(log)).singleElement().asString().matches(
                "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  \\[dev\\.nestor\\.dhcp4/" + pid + "\\..+\\] DHCP4_STARTED up");
    }

    @Test
    void unsupportedPatternFallsBackToDefaultWithAWarning() throws IOException {
        Path log = dir.resolve("bad.log");
        OutputSpec out = new OutputSpec(log.toString(), true, 0, 1, "%Z %m\n");
        List<String> w = LoggingSetup.apply(List.of(new LoggerSpec("kea-dhcp4", "INFO", 0, List.of(out))), false);
        assertThat(w).singleElement().asString().contains("unsupported conversion %Z");
        dhcp4.info("msg");
        // the warning itself is logged to the configured output too
        assertThat(lines(log)).hasSize(2);
        assertThat(lines(log).get(0)).contains("WARN  [dev.nestor.logging] LOGGING_CONFIG_WARNING pattern of");
        assertThat(lines(log).get(1)).endsWith("INFO  [dev.nestor.dhcp4] msg");
    }

    @Test
    void syslogGoesToStderrWithAWarning() {
        List<String> w = LoggingSetup.apply(List.of(new LoggerSpec("kea-dhcp4", "INFO", 0, List.of(OutputSpec.of("syslog:local7")))), false);
        assertThat(w).singleElement().asString().contains("syslog:local7").contains("stderr");
    }
}
