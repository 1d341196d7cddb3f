package dev.nestor.dhcp4.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nestor.common.stats.StatsRegistry;
import dev.nestor.config.model.Subnet4;
import dev.nestor.control.Answer;
import dev.nestor.control.CommandRegistry;
import dev.nestor.control.KeaJson;
import dev.nestor.dhcp4.Dhcp4Server;
import dev.nestor.lease.SubnetLeaseCounts;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Kea's stat_cmds hook library for DHCPv4 (src/hooks/dhcp/stat_cmds/stat_cmds.cc): stat-lease4-get, answering
 * with Kea's result-set table (columns subnet-id, total-addresses, cumulative-assigned-addresses,
 * assigned-addresses, declined-addresses), one row per selected configured subnet, counted from the lease store.
 */
public final class StatCommands4 {
    private static final List<String> COLUMNS = List.of("subnet-id", "total-addresses", "cumulative-assigned-addresses",
            "assigned-addresses", "declined-addresses");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private final Dhcp4Server server;
    private final Clock clock;

    private StatCommands4(Dhcp4Server server, Clock clock) {
        this.server = server;
        this.clock = clock;
    }

    /** @param clock stamps the result set (Kea writes the current UTC time with microseconds) */
    public static void registerAll(CommandRegistry r, Dhcp4Server server, Clock clock) {
        StatCommands4 c = new StatCommands4(server, clock);
        r.register("stat-lease4-get", Args.handler(c::get));
    }

    private record Selection(long first, long last, String text) {}

    private Answer get(JsonNode args) throws KeaError {
        Selection sel = selection(args);
        String prefix = "stat-lease4-get" + sel.text;
        List<Subnet4> subnets = server.runtime().config().subnets().stream()
                .filter(s -> s.id() >= sel.first && s.id() <= sel.last)
                .sorted(Comparator.comparingLong(Subnet4::id)).toList();
        if (subnets.isEmpty()) {
            String why = sel.text.startsWith("[subnet-id=") ? "subnet-id: " + sel.first + " does not exist"
                    : "selected ID range: " + (sel.text.equals("[all subnets]") ? "0 through 0" : sel.first + " through " + sel.last)
                    + " includes no known subnets";
            return Answer.of(Answer.EMPTY, prefix + ": no matching data, " + why, KeaJson.object());
        }
        Map<Long, SubnetLeaseCounts> counts = server.runtime().store().countBySubnet();
        StatsRegistry stats = server.stats();
        ObjectNode result = KeaJson.object();
        ObjectNode set = result.putObject("result-set");
        set.put("timestamp", TIMESTAMP.format(clock.instant().atZone(ZoneOffset.UTC)));
        ArrayNode columns = set.putArray("columns");
        COLUMNS.forEach(columns::add);
        ArrayNode rows = set.putArray("rows");
        for (Subnet4 s : subnets) {
            SubnetLeaseCounts c = counts.getOrDefault(s.id(), new SubnetLeaseCounts(0, 0));
            ArrayNode row = rows.addArray();
            row.add(s.id());
            row.add(stat(stats, s.id(), "total-addresses"));
            row.add(stat(stats, s.id(), "cumulative-assigned-addresses"));
            row.add(c.assigned() + c.declined());
            row.add(c.declined());
        }
        return Answer.success(prefix + ": " + rows.size() + " rows found", result);
    }

    private static long stat(StatsRegistry stats, long id, String name) {
        String n = "subnet[" + id + "]." + name;
        return stats.observation(n).isPresent() ? stats.get(n) : 0;
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
