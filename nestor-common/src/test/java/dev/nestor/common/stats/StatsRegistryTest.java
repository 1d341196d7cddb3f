package dev.nestor.common.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class StatsRegistryTest {
    private static final Instant T0 = Instant.parse("2026-11-28T01:23:45.123456Z");
    private final MutableClock clock = new MutableClock(T0);
    private final StatsRegistry stats = new StatsRegistry(clock);

    private List<Long> values(String name) {
        return stats.observation(name).orElseThrow().samples().stream()
                .map(s -> ((Sample.OfLong) s).value()).toList();
    }

    @Test
    void firstAddCreatesTheStatisticWithTheDelta() {
        stats.add("pkt4-received", 1);
        stats.add("pkt4-received", 2);
        assertThat(stats.get("pkt4-received")).isEqualTo(3);
        assertThat(values("pkt4-received")).containsExactly(3L, 1L);
        assertThat(stats.get("never-seen")).isZero();
        assertThat(stats.observation("never-seen")).isEmpty();
    }

    @Test
    void everyUpdateRecordsASampleNewestFirstWithItsTimestamp() {
        stats.set("x", 5);
        clock.advance(Duration.ofMillis(1500));
        stats.add("x", 1);
        Observation o = stats.observation("x").orElseThrow();
        assertThat(o.type()).isEqualTo(StatType.INTEGER);
        assertThat(o.samples()).containsExactly(
                new Sample.OfLong(6, T0.plusMillis(1500)),
                new Sample.OfLong(5, T0));
        assertThat(o.longValue()).isEqualTo(6);
        assertThat(stats.timestampText(o.latest().timestamp())).isEqualTo("2026-11-28 01:23:46.623456");
    }

    @Test
    void defaultKeepsTwentySamples() {
        for (int i = 1; i <= 25; i++) stats.add("x", 1);
        assertThat(values("x")).hasSize(20).first().isEqualTo(25L);
        assertThat(values("x")).last().isEqualTo(6L);
        assertThat(stats.observation("x").orElseThrow().limit()).isEqualTo(new SampleLimit.MaxCount(20));
    }

    @Test
    void countLimitTruncatesOldestAndBoundsNewSamples() {
        for (int i = 1; i <= 10; i++) stats.set("x", i);
        assertThat(stats.setMaxSampleCount("x", 3)).isTrue();
        assertThat(values("x")).containsExactly(10L, 9L, 8L);
        stats.set("x", 11);
        assertThat(values("x")).containsExactly(11L, 10L, 9L);
        assertThat(stats.setMaxSampleCount("nope", 3)).isFalse();
        assertThatThrownBy(() -> stats.setMaxSampleCount("x", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ageLimitKeepsSamplesWithinTheSpanBetweenNewestAndOldest() {
        for (int i = 1; i <= 5; i++) {
            stats.set("x", i);
            clock.advance(Duration.ofSeconds(10));
        }
        // samples at 0,10,20,30,40 s; a 20 s span keeps 20,30,40
        assertThat(stats.setMaxSampleAge("x", Duration.ofSeconds(20))).isTrue();
        assertThat(values("x")).containsExactly(5L, 4L, 3L);
        assertThat(stats.observation("x").orElseThrow().limit()).isEqualTo(new SampleLimit.MaxAge(Duration.ofSeconds(20)));
        // age mode switches the count limit off; now (50 s) the span keeps 30 s and 40 s plus 30 new samples
        for (int i = 0; i < 30; i++) stats.add("x", 1);
        assertThat(values("x")).hasSize(32).endsWith(5L, 4L);
        clock.advance(Duration.ofSeconds(21));
        stats.add("x", 1);
        assertThat(values("x")).containsExactly(36L);
    }

    @Test
    void resetRecordsOneNeutralSample() {
        stats.add("a", 7);
        stats.add("a", 7);
        stats.set("f", 1.5);
        stats.set("d", Duration.ofSeconds(3));
        stats.set("s", "hello");
        clock.advance(Duration.ofSeconds(1));
        assertThat(stats.reset("a")).isTrue();
        assertThat(stats.reset("missing")).isFalse();
        assertThat(stats.observation("a").orElseThrow().samples()).containsExactly(new Sample.OfLong(0, T0.plusSeconds(1)));
        stats.resetAll();
        assertThat(stats.observation("f").orElseThrow().latest()).isEqualTo(new Sample.OfDouble(0.0, T0.plusSeconds(1)));
        assertThat(stats.observation("d").orElseThrow().latest()).isEqualTo(new Sample.OfDuration(Duration.ZERO, T0.plusSeconds(1)));
        assertThat(stats.observation("s").orElseThrow().samples()).containsExactly(new Sample.OfString("", T0.plusSeconds(1)));
    }

    @Test
    void removeForgetsStatistics() {
        stats.add("a", 1);
        stats.add("b", 1);
        assertThat(stats.remove("a")).isTrue();
        assertThat(stats.remove("a")).isFalse();
        assertThat(stats.getAll()).containsOnlyKeys("b");
        stats.removeAll();
        assertThat(stats.size()).isZero();
        stats.add("a", 4);
        assertThat(values("a")).containsExactly(4L);
    }

    @Test
    void typesAreFixedByTheFirstUpdate() {
        stats.set("f", 1.25);
        stats.add("f", 0.5);
        stats.add("d", Duration.ofMillis(1500));
        stats.add("d", Duration.ofMillis(500));
        stats.set("s", "ab");
        stats.add("s", "cd");
        assertThat(stats.observation("f").orElseThrow().latest()).isEqualTo(new Sample.OfDouble(1.75, T0));
        assertThat(stats.observation("d").orElseThrow().latest()).isEqualTo(new Sample.OfDuration(Duration.ofSeconds(2), T0));
        assertThat(stats.observation("s").orElseThrow().latest()).isEqualTo(new Sample.OfString("abcd", T0));
        assertThatThrownBy(() -> stats.add("f", 1L))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Invalid statistic type requested: integer, but the actual type is float");
        assertThatThrownBy(() -> stats.get("s")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void getAllIsSortedByName() {
        stats.add("pkt4-sent", 1);
        stats.add("pkt4-ack-sent", 1);
        stats.add("subnet[1].assigned-addresses", 1);
        assertThat(stats.getAll().keySet()).containsExactly("pkt4-ack-sent", "pkt4-sent", "subnet[1].assigned-addresses");
    }

    @Test
    void allLimitsApplyToExistingStatisticsAndDefaultsToNewOnes() {
        for (int i = 0; i < 10; i++) {
            stats.add("a", 1);
            stats.add("b", 1);
        }
        stats.setMaxSampleCountAll(2);
        assertThat(values("a")).hasSize(2);
        assertThat(values("b")).hasSize(2);
        stats.add("c", 1);
        assertThat(stats.observation("c").orElseThrow().limit()).isEqualTo(new SampleLimit.MaxCount(20));

        stats.setMaxSampleAgeDefault(Duration.ofMinutes(1));
        assertThat(stats.defaultLimit()).isEqualTo(new SampleLimit.MaxCount(20));
        stats.setMaxSampleCountDefault(0);
        assertThat(stats.defaultLimit()).isEqualTo(new SampleLimit.MaxAge(Duration.ofMinutes(1)));
        assertThat(stats.maxSampleCountDefault()).isZero();
        stats.add("d", 1);
        assertThat(stats.observation("d").orElseThrow().limit()).isEqualTo(new SampleLimit.MaxAge(Duration.ofMinutes(1)));
        stats.setMaxSampleCountDefault(5);
        assertThat(stats.defaultLimit()).isEqualTo(new SampleLimit.MaxCount(5));
    }

    @Test
    void concurrentAddsAreNotLost() throws InterruptedException {
        int threads = 8;
        int perThread = 20_000;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                for (int i = 0; i < perThread; i++) stats.add("pkt4-received", 1);
            }));
        }
        start.countDown();
        for (Thread w : workers) w.join();
        assertThat(stats.get("pkt4-received")).isEqualTo((long) threads * perThread);
        List<Long> v = values("pkt4-received");
        assertThat(v).hasSize(20).first().isEqualTo((long) threads * perThread);
        assertThat(v).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    }

    @Test
    void keaTextForms() {
        assertThat(StatsText.timestamp(Instant.parse("2026-01-02T03:04:05.000007Z"), java.time.ZoneOffset.UTC))
                .isEqualTo("2026-01-02 03:04:05.000007");
        assertThat(StatsText.timestamp(Instant.parse("2026-01-02T03:04:05Z"), java.time.ZoneOffset.ofHours(2)))
                .isEqualTo("2026-01-02 05:04:05.000000");
        assertThat(StatsText.duration(Duration.ofSeconds(3723, 456_789_000))).isEqualTo("01:02:03.456789");
        assertThat(StatsText.duration(Duration.ofHours(100))).isEqualTo("100:00:00.000000");
    }
}
