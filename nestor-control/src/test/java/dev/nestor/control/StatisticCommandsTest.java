package dev.nestor.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nestor.common.stats.SampleLimit;
import dev.nestor.common.stats.StatsRegistry;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StatisticCommandsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T01:23:45.123456Z"));
    private final StatsRegistry stats = new StatsRegistry(clock);
    private final CommandRegistry registry = new CommandRegistry();

    @BeforeEach
    void setUp() {
        StatisticCommands.registerAll(registry, stats);
    }

    private String run(String json) {
        return registry.process(json).toJson();
    }

    @Test
    void registersKeaCommandSet() {
        assertThat(registry.commands()).containsExactly("list-commands", "statistic-get", "statistic-get-all",
                "statistic-global-get-all", "statistic-remove", "statistic-remove-all", "statistic-reset",
                "statistic-reset-all", "statistic-sample-age-set", "statistic-sample-age-set-all",
                "statistic-sample-count-set", "statistic-sample-count-set-all");
    }

    @Test
    void getReturnsSamplesNewestFirst() {
        stats.add("pkt4-received", 1);
        clock.advance(Duration.ofSeconds(1));
        stats.add("pkt4-received", 1);
        assertThat(run("{\"command\": \"statistic-get\", \"arguments\": {\"name\": \"pkt4-received\"}}")).isEqualTo(
                "{ \"arguments\": { \"pkt4-received\": [ [ 2, \"2026-11-28 01:23:46.123456\" ], "
                        + "[ 1, \"2026-11-28 01:23:45.123456\" ] ] }, \"result\": 0 }");
    }

    @Test
    void getOfUnknownStatisticIsAnEmptySuccess() {
        assertThat(run("{\"command\": \"statistic-get\", \"arguments\": {\"name\": \"nope\"}}"))
                .isEqualTo("{ \"arguments\": {  }, \"result\": 0 }");
    }

    @Test
    void nameParameterErrors() {
        assertThat(run("{\"command\": \"statistic-get\"}"))
                .isEqualTo("{ \"result\": 1, \"text\": \"Missing mandatory 'name' parameter.\" }");
        assertThat(run("{\"command\": \"statistic-reset\", \"arguments\": {\"name\": 5}}"))
                .isEqualTo("{ \"result\": 1, \"text\": \"'name' parameter expected to be a string.\" }");
    }

    @Test
    void getAllFormatsEveryType() {
        stats.set("a-float", 0.5);
        stats.set("b-duration", Duration.ofSeconds(61));
        stats.set("c-string", "up");
        stats.set("subnet[1].total-addresses", 256);
        String ts = "\"2026-11-28 01:23:45.123456\"";
        assertThat(run("{\"command\": \"statistic-get-all\"}")).isEqualTo("{ \"arguments\": { "
                + "\"a-float\": [ [ 0.5, " + ts + " ] ], "
                + "\"b-duration\": [ [ \"00:01:01.000000\", " + ts + " ] ], "
                + "\"c-string\": [ [ \"up\", " + ts + " ] ], "
                + "\"subnet[1].total-addresses\": [ [ 256, " + ts + " ] ] }, \"result\": 0 }");
        assertThat(run("{\"command\": \"statistic-global-get-all\"}")).doesNotContain("subnet[1]").contains("c-string");
    }

    @Test
    void resetAndRemove() {
        stats.add("x", 5);
        assertThat(run("{\"command\": \"statistic-reset\", \"arguments\": {\"name\": \"x\"}}"))
                .isEqualTo("{ \"result\": 0, \"text\": \"Statistic 'x' reset.\" }");
        assertThat(stats.get("x")).isZero();
        assertThat(run("{\"command\": \"statistic-reset\", \"arguments\": {\"name\": \"y\"}}"))
                .isEqualTo("{ \"result\": 1, \"text\": \"No 'y' statistic found\" }");
        stats.add("x", 5);
        assertThat(run("{\"command\": \"statistic-reset-all\"}"))
                .isEqualTo("{ \"result\": 0, \"text\": \"All statistics reset to neutral values.\" }");
        assertThat(stats.get("x")).isZero();
        assertThat(run("{\"command\": \"statistic-remove\", \"arguments\": {\"name\": \"x\"}}"))
                .isEqualTo("{ \"result\": 0, \"text\": \"Statistic 'x' removed.\" }");
        assertThat(run("{\"command\": \"statistic-remove\", \"arguments\": {\"name\": \"x\"}}"))
                .isEqualTo("{ \"result\": 1, \"text\": \"No 'x' statistic found\" }");
        stats.add("z", 1);
        assertThat(run("{\"command\": \"statistic-remove-all\"}")).isEqualTo("{ \"result\": 0, \"text\": "
                + "\"Warning: statistic-remove-all command is deprecated. All statistics removed.\" }");
        assertThat(stats.size()).isZero();
    }

    @Test
    void sampleLimits() {
        for (int i = 0; i < 10; i++) stats.add("x", 1);
        assertThat(run("{\"command\": \"statistic-sample-count-set\", \"arguments\": {\"name\": \"x\", \"max-samples\": 3}}"))
                .isEqualTo("{ \"result\": 0, \"text\": \"Statistic 'x' count limit is set.\" }");
        assertThat(stats.observation("x").orElseThrow().samples()).hasSize(3);
        assertThat(run("{\"command\": \"statistic-sample-age-set\", \"arguments\": {\"name\": \"x\", \"duration\": 1245}}"))
                .isEqualTo("{ \"result\": 0, \"text\": \"Statistic 'x' duration limit is set.\" }");
        assertThat(stats.observation("x").orElseThrow().limit()).isEqualTo(new SampleLimit.MaxAge(Duration.ofSeconds(1245)));
        assertThat(run("{\"command\": \"statistic-sample-age-set\", \"arguments\": {\"name\": \"q\", \"duration\": 5}}"))
                .isEqualTo("{ \"result\": 1, \"text\": \"No 'q' statistic found\" }");
        assertThat(run("{\"command\": \"statistic-sample-age-set\", \"arguments\": {\"name\": \"x\"}}"))
                .isEqualTo("{ \"result\": 1, \"text\": \"Missing mandatory 'duration' parameter.\" }");
        assertThat(run("{\"command\": \"statistic-sample-count-set\", \"arguments\": {\"name\": \"x\", \"max-samples\": \"3\"}}"))
                .isEqualTo("{ \"result\": 1, \"text\": \"'max-samples' parameter expected to be an integer.\" }");
    }

    @Test
    void allLimitsAlsoChangeTheDefault() {
        stats.add("x", 1);
        assertThat(run("{\"command\": \"statistic-sample-age-set-all\", \"arguments\": {\"duration\": 60}}"))
                .isEqualTo("{ \"result\": 0, \"text\": \"All statistics duration limit are set.\" }");
        assertThat(stats.defaultLimit()).isEqualTo(new SampleLimit.MaxAge(Duration.ofMinutes(1)));
        assertThat(stats.observation("x").orElseThrow().limit()).isEqualTo(new SampleLimit.MaxAge(Duration.ofMinutes(1)));
        assertThat(run("{\"command\": \"statistic-sample-count-set-all\", \"arguments\": {\"max-samples\": 0}}"))
                .isEqualTo("{ \"result\": 1, \"text\": \"'max-samples' parameter must not be zero\" }");
        assertThat(run("{\"command\": \"statistic-sample-count-set-all\", \"arguments\": {\"max-samples\": 15}}"))
                .isEqualTo("{ \"result\": 0, \"text\": \"All statistics count limit are set.\" }");
        assertThat(stats.defaultLimit()).isEqualTo(new SampleLimit.MaxCount(15));
        assertThat(stats.observation("x").orElseThrow().limit()).isEqualTo(new SampleLimit.MaxCount(15));
        assertThat(run("{\"command\": \"statistic-sample-count-set-all\"}"))
                .isEqualTo("{ \"result\": 1, \"text\": \"Missing mandatory 'max-samples' parameter.\" }");
    }
}
