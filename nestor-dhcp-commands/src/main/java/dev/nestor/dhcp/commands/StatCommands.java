package dev.nestor.dhcp.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nestor.common.stats.StatsRegistry;
import dev.nestor.control.Answer;
import dev.nestor.control.CommandRegistry;
import dev.nestor.control.KeaJson;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

/**
 * Kea's stat_cmds hook library (src/hooks/dhcp/stat_cmds/stat_cmds.cc): stat-lease4-get and stat-lease6-get,
 * answering with Kea's result-set table, one row per selected configured subnet, counted from the lease store.
 * The protocol supplies the columns and the rows.
 */
public final class StatCommands {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    /**
     * The protocol's table.
     *
     * @param columns the column labels, the first is "subnet-id"
     * @param rows    one row per subnet id, in the order given, each value in column order
     */
    public record Table(List<String> columns, Function<List<Long>, List<long[]>> rows) {
        public Table {
            columns = List.copyOf(columns);
        }
    }

    private StatCommands() {}

    /** Reads a subnet's counter, 0 when the server keeps none by that name. */
    public static long stat(StatsRegistry stats, long id, String name) {
        String n = "subnet[" + id + "]." + name;
        return stats.observation(n).isPresent() ? stats.get(n) : 0;
    }

    /**
     * Registers stat-lease4-get or stat-lease6-get (after the edit's family) over the running config's subnets.
     *
     * @param clock stamps the result set (Kea writes the current UTC time with microseconds)
     */
    public static <C> void register(CommandRegistry r, ConfigEdit<C> edit, Table table, Clock clock) {
        String command = "stat-lease" + edit.family().version() + "-get";
        r.register(command, Args.handler(args -> get(command, args,
                edit.family().subnets(edit.config()).stream().map(SubnetView::id).toList(), table, clock)));
    }

    private record Selection(long first, long last, String text) {}

    private static Answer get(String command, JsonNode args, List<Long> configured, Table table, Clock clock) throws KeaError {
        Selection sel = selection(args);
        String prefix = command + sel.text;
        List<Long> subnets = configured.stream().filter(id -> id >= sel.first && id <= sel.last).sorted().toList();
        if (subnets.isEmpty()) {
            String why = sel.text.startsWith("[subnet-id=") ? "subnet-id: " + sel.first + " does not exist"
                    : "selected ID range: " + (sel.text.equals("[all subnets]") ? "0 through 0" : sel.first + " through " + sel.last)
                    + " includes no known subnets";
            return Answer.of(Answer.EMPTY, prefix + ": no matching data, " + why, KeaJson.object());
        }
        ObjectNode result = KeaJson.object();
        ObjectNode set = result.putObject("result-set");
        set.put("timestamp", TIMESTAMP.format(clock.instant().atZone(ZoneOffset.UTC)));
        ArrayNode columns = set.putArray("columns");
        table.columns().forEach(columns::add);
        ArrayNode rows = set.putArray("rows");
        for (long[] values : table.rows().apply(subnets)) {
            ArrayNode row = rows.addArray();
            for (long v : values) row.add(v);
        }
        return Answer.success(prefix + ": " + rows.size() + " rows found", result);
    }

    /** Kea's LeaseStatCmdsImpl::getParameters. */
    private static Selection selection(JsonNode args) throws KeaError {
        Selection all = new Selection(0, Long.MAX_VALUE, "[all subnets]");
        if (args == null) return all;
        if (!args.isObject()) throw KeaError.error("'arguments' parameter is not a map");
        Selection sel = all;
        if (args.has("subnet-id")) {
            JsonNode v = args.get("subnet-id");
            if (!v.isIntegralNumber()) throw KeaError.error("'subnet-id' parameter is not integer");
            if (v.longValue() <= 0) throw KeaError.error("'subnet-id' parameter must be > 0");
            sel = new Selection(v.longValue(), v.longValue(), "[subnet-id=" + v.longValue() + "]");
        }
        if (args.has("subnet-range")) {
            if (sel != all) throw KeaError.error("cannot specify both subnet-id and subnet-range");
            JsonNode range = args.get("subnet-range");
            if (!range.isObject()) throw KeaError.error("subnet-range parameter is not a map");
            long first = rangeEnd(range, "first-subnet-id");
            long last = rangeEnd(range, "last-subnet-id");
            if (last < first) throw KeaError.error("'last-subnet-id' must be greater than 'first-subnet-id'");
            sel = new Selection(first, last, "[subnets " + first + " through " + last + "]");
        }
        return sel;
    }

    private static long rangeEnd(JsonNode range, String name) throws KeaError {
        JsonNode v = range.get(name);
        if (v == null || !v.isIntegralNumber()) throw KeaError.error("'" + name + "' parameter missing or not an integer");
        if (v.longValue() <= 0) throw KeaError.error("'" + name + "' parameter must be > 0");
        return v.longValue();
    }
}
