package dev.nestor.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nestor.common.stats.Observation;
import dev.nestor.common.stats.Sample;
import dev.nestor.common.stats.StatsRegistry;
import dev.nestor.common.stats.StatsText;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The {@code statistic-*} commands over a {@link StatsRegistry}, with the argument names, answer shapes and texts
 * of Kea's {@code StatsMgr} handlers ({@code src/lib/stats/stats_mgr.cc}).
 *
 * <p>Differences from Kea, all for inputs Kea mishandles: a non-integer or negative {@code duration}, and a
 * negative or zero {@code max-samples} for a single statistic, are refused with result 1 instead of being
 * converted (Kea would wrap a negative count to 4 billion and a zero count would leave a statistic that no
 * longer answers {@code statistic-get}).
 */
public final class StatisticCommands {
    private StatisticCommands() {
    }

    /** Registers all eleven statistic commands Kea's DHCPv4 server offers. */
    public static void registerAll(CommandRegistry r, StatsRegistry s) {
        r.register("statistic-get", c -> get(s, c));
        r.register("statistic-get-all", _ -> Answer.success(toJson(s, s.observations())));
        r.register("statistic-global-get-all", _ -> globalGetAll(s));
        r.register("statistic-reset", c -> reset(s, c));
        r.register("statistic-reset-all", _ -> {
            s.resetAll();
            return Answer.success("All statistics reset to neutral values.");
        });
        r.register("statistic-remove", c -> remove(s, c));
        r.register("statistic-remove-all", _ -> {
            s.removeAll();
            return Answer.success("Warning: statistic-remove-all command is deprecated. All statistics removed.");
        });
        r.register("statistic-sample-age-set", c -> sampleAgeSet(s, c));
        r.register("statistic-sample-age-set-all", c -> sampleAgeSetAll(s, c));
        r.register("statistic-sample-count-set", c -> sampleCountSet(s, c));
        r.register("statistic-sample-count-set-all", c -> sampleCountSetAll(s, c));
    }

    /** {@return Kea's JSON for one statistic: {@code [[value, "timestamp"], ...]}, newest first} */
    public static ArrayNode samplesJson(StatsRegistry s, List<Sample> samples) {
        ArrayNode list = KeaJson.array();
        for (Sample sample : samples) {
            ArrayNode entry = list.addArray();
            switch (sample) {
                case Sample.OfLong(long v, var _) -> entry.add(v);
                case Sample.OfDouble(double v, var _) -> entry.add(v);
                case Sample.OfDuration(Duration v, var _) -> entry.add(StatsText.duration(v));
                case Sample.OfString(String v, var _) -> entry.add(v);
            }
            entry.add(s.timestampText(sample.timestamp()));
        }
        return list;
    }

    private static ObjectNode toJson(StatsRegistry s, Map<String, Observation> observations) {
        ObjectNode map = KeaJson.object();
        observations.forEach((name, o) -> map.set(name, samplesJson(s, o.samples())));
        return map;
    }

    private static Answer get(StatsRegistry s, Command c) {
        return withName(c, name -> {
            ObjectNode map = KeaJson.object();
            // an unknown name is not an error in Kea: the answer's map is simply empty
            s.observation(name).ifPresent(o -> map.set(name, samplesJson(s, o.samples())));
            return Answer.success(map);
        });
    }

    private static Answer globalGetAll(StatsRegistry s) {
        ObjectNode map = KeaJson.object();
        s.observations().forEach((name, o) -> {
            if (!name.startsWith("subnet")) map.set(name, samplesJson(s, o.samples()));
        });
        return Answer.success(map);
    }

    private static Answer reset(StatsRegistry s, Command c) {
        return withName(c, name -> s.reset(name)
                ? Answer.success("Statistic '" + name + "' reset.")
                : notFound(name));
    }

    private static Answer remove(StatsRegistry s, Command c) {
        return withName(c, name -> s.remove(name)
                ? Answer.success("Statistic '" + name + "' removed.")
                : notFound(name));
    }

    private static Answer sampleAgeSet(StatsRegistry s, Command c) {
        return withName(c, name -> {
            Param<Duration> d = duration(c);
            if (d.error != null) return Answer.error(d.error);
            return s.setMaxSampleAge(name, d.value)
                    ? Answer.success("Statistic '" + name + "' duration limit is set.")
                    : notFound(name);
        });
    }

    private static Answer sampleAgeSetAll(StatsRegistry s, Command c) {
        Param<Duration> d = duration(c);
        if (d.error != null) return Answer.error(d.error);
        // as Kea: new statistics become age-limited too
        s.setMaxSampleCountDefault(0);
        s.setMaxSampleAgeDefault(d.value);
        s.setMaxSampleAgeAll(d.value);
        return Answer.success("All statistics duration limit are set.");
    }

    private static Answer sampleCountSet(StatsRegistry s, Command c) {
        return withName(c, name -> {
            Param<Integer> n = maxSamples(c);
            if (n.error != null) return Answer.error(n.error);
            return s.setMaxSampleCount(name, n.value)
                    ? Answer.success("Statistic '" + name + "' count limit is set.")
                    : notFound(name);
        });
    }

    private static Answer sampleCountSetAll(StatsRegistry s, Command c) {
        Param<Integer> n = maxSamples(c);
        if (n.error != null) return Answer.error(n.error);
        s.setMaxSampleCountDefault(n.value);
        s.setMaxSampleCountAll(n.value);
        return Answer.success("All statistics count limit are set.");
    }

    // ---- argument extraction with Kea's texts --------------------------------------------------------------

    private record Param<T>(T value, String error) {
    }

    private interface NamedAction {
        Answer run(String name);
    }

    private static Answer withName(Command c, NamedAction action) {
        JsonNode name = member(c, "name");
        if (name == null) return Answer.error("Missing mandatory 'name' parameter.");
        if (!name.isTextual()) return Answer.error("'name' parameter expected to be a string.");
        return action.run(name.textValue());
    }

    private static Param<Duration> duration(Command c) {
        JsonNode d = member(c, "duration");
        if (d == null) return new Param<>(null, "Missing mandatory 'duration' parameter.");
        if (!d.isIntegralNumber() || !d.canConvertToLong()) {
            return new Param<>(null, "'duration' parameter expected to be an integer.");
        }
        if (d.longValue() < 0) return new Param<>(null, "'duration' parameter must not be negative.");
        return new Param<>(Duration.ofSeconds(d.longValue()), null);
    }

    private static Param<Integer> maxSamples(Command c) {
        JsonNode m = member(c, "max-samples");
        if (m == null) return new Param<>(null, "Missing mandatory 'max-samples' parameter.");
        if (!m.isIntegralNumber()) return new Param<>(null, "'max-samples' parameter expected to be an integer.");
        if (!m.canConvertToInt() || m.intValue() < 0) {
            return new Param<>(null, "'max-samples' parameter must be a positive 32-bit integer.");
        }
        if (m.intValue() == 0) return new Param<>(null, "'max-samples' parameter must not be zero");
        return new Param<>(m.intValue(), null);
    }

    private static JsonNode member(Command c, String name) {
        return c.argument(name).orElse(null);
    }

    private static Answer notFound(String name) {
        return Answer.error("No '" + name + "' statistic found");
    }
}
