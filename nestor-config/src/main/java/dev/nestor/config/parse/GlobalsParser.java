package dev.nestor.config.parse;

import dev.nestor.codec.option.OptionDefinition;
import dev.nestor.config.model.CompatibilityParams;
import dev.nestor.config.model.GlobalParams4;
import dev.nestor.config.model.GlobalParams6;
import dev.nestor.config.model.MacSource;
import dev.nestor.config.model.MultiThreadingParams;
import dev.nestor.config.model.Reservation4;
import dev.nestor.config.model.Reservation6;
import dev.nestor.config.model.SanityChecks;
import dev.nestor.config.model.ServerIdSpec;
import dev.nestor.config.model.SubnetParams4;
import dev.nestor.config.model.SubnetParams6;
import dev.nestor.common.Bytes;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/** Global-only scalar parameters and the small tuning maps of both daemons. */
final class GlobalsParser {
    private static final long U32 = 0xFFFFFFFFL;

    private GlobalsParser() {}

    static GlobalParams4 parse(Obj g) {
        List<Reservation4.IdentifierType> ids = identifiers(g, Reservation4.IdentifierType::fromKeaName,
                GlobalParams4.DEFAULT_IDENTIFIERS);
        int dhcp4o6 = dhcp4o6Port(g);
        queueControl(g);
        SubnetParams4 scope = ParamsParser.over(g).subnetParams();
        return new GlobalParams4(g.bool("echo-client-id", true), ids,
                g.integer("decline-probation-period", 0, U32, 86400), g.string("server-tag", ""),
                g.bool("early-global-reservations-lookup", false), g.bool("ip-reservations-unique", true),
                g.bool("reservations-lookup-first", false), g.bool("stash-agent-options", false),
                (int) g.integer("parked-packet-limit", 0, Integer.MAX_VALUE, 256), dhcp4o6,
                (int) g.integer("statistic-default-sample-count", 0, Integer.MAX_VALUE, 20),
                g.integer("statistic-default-sample-age", 0, U32, 0), multiThreading(g),
                compatibility(g, Dialect.V4), sanity(g), scope);
    }

    static GlobalParams6 parse6(Obj g, OptionParsers.Defs defs) {
        List<Reservation6.IdentifierType> ids = identifiers(g, Reservation6.IdentifierType::fromKeaName,
                GlobalParams6.DEFAULT_IDENTIFIERS);
        int dhcp4o6 = dhcp4o6Port(g);
        queueControl(g);
        String dataDir = g.string("data-directory", "");
        if (g.has("data-directory")) g.note("data-directory", "'data-directory' is deprecated");
        SubnetParams6 scope = ParamsParser.over(g).subnetParams6();
        return new GlobalParams6(ids, g.integer("decline-probation-period", 0, U32, 86400), g.string("server-tag", ""),
                g.bool("early-global-reservations-lookup", false), g.bool("ip-reservations-unique", true),
                g.bool("reservations-lookup-first", false),
                (int) g.integer("parked-packet-limit", 0, Integer.MAX_VALUE, 256), dhcp4o6,
                (int) g.integer("statistic-default-sample-count", 0, Integer.MAX_VALUE, 20),
                g.integer("statistic-default-sample-age", 0, U32, 0), macSources(g), relaySuppliedOptions(g, defs),
                serverId(g), dataDir, multiThreading(g), compatibility(g, Dialect.V6), sanity(g), scope);
    }

    private static int dhcp4o6Port(Obj g) {
        long port = g.integer("dhcp4o6-port", 0, 65535, 0);
        if (port != 0) g.error("dhcp4o6-port", "DHCPv4-over-DHCPv6 (dhcp4o6-port) is not supported yet");
        return (int) port;
    }

    private static void queueControl(Obj g) {
        Obj q = g.map("dhcp-queue-control");
        if (q != null && q.bool("enable-queue", false))
            q.note("enable-queue", "dhcp-queue-control is ignored: Nestor queues packets per client itself");
    }

    /** {@code host-reservation-identifiers}: names of the daemon's identifier enum, no duplicates, not empty. */
    private static <T> List<T> identifiers(Obj g, Function<String, T> byName, List<T> dflt) {
        List<String> names = g.strings("host-reservation-identifiers");
        if (names == null) return dflt;
        List<T> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String path = g.at("host-reservation-identifiers") + "[" + i + "]";
            T t = byName.apply(names.get(i));
            if (t == null) g.problems.error(path, "invalid host reservation identifier name '" + names.get(i) + "'");
            else if (out.contains(t)) g.problems.error(path, "duplicate host reservation identifier '" + names.get(i) + "'");
            else out.add(t);
        }
        if (names.isEmpty()) g.error("host-reservation-identifiers", "the list of host reservation identifiers must not be empty");
        return out.isEmpty() ? dflt : out;
    }

    private static List<MacSource> macSources(Obj g) {
        List<String> names = g.strings("mac-sources");
        if (names == null) return MacSource.DEFAULT;
        if (names.isEmpty()) g.error("mac-sources", "If specified, MAC Sources cannot be empty");
        List<MacSource> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String path = g.at("mac-sources") + "[" + i + "]";
            MacSource s = MacSource.fromKeaName(names.get(i));
            if (s == null) g.problems.error(path, "Failed to convert '" + names.get(i) + "' to any recognized MAC source");
            else if (out.contains(s)) g.problems.error(path, "The mac-sources value '" + names.get(i) + "' was specified twice");
            else out.add(s);
        }
        return out.isEmpty() ? MacSource.DEFAULT : out;
    }

    /** Codes (as text) or dhcp6 option names; 65 is always enabled, as in Kea. */
    private static List<Integer> relaySuppliedOptions(Obj g, OptionParsers.Defs defs) {
        Set<Integer> codes = new TreeSet<>(List.of(GlobalParams6.ERP_LOCAL_DOMAIN_NAME));
        var list = g.raw("relay-supplied-options");
        if (list == null || list.isNull()) return List.copyOf(codes);
        if (!list.isArray()) {
            g.error("relay-supplied-options", "must be a list");
            return List.copyOf(codes);
        }
        for (int i = 0; i < list.size(); i++) {
            String path = g.at("relay-supplied-options") + "[" + i + "]";
            var e = list.get(i);
            String text = e.isTextual() ? e.textValue().trim() : e.isIntegralNumber() ? e.asText() : null;
            if (text == null) {
                g.problems.error(path, "must be an option code or name");
                continue;
            }
            Integer code = null;
            if (text.matches("-?[0-9]+")) {
                long c = Long.parseLong(text);
                if (c <= 0 || c > 65535)
                    g.problems.error(path, "invalid option code value specified '" + text + "', it must be between 1 and 65535");
                else code = (int) c;
            } else {
                code = defs.byName(OptionDefinition.DHCP6, text).map(OptionDefinition::code).orElse(null);
                if (code == null)
                    g.problems.error(path, "unable to find option code for the specified option name '" + text
                            + "' while parsing the list of enabled relay-supplied-options");
            }
            if (code != null) codes.add(code);
        }
        return List.copyOf(codes);
    }

    private static ServerIdSpec serverId(Obj g) {
        Obj o = g.map("server-id");
        if (o == null) return ServerIdSpec.defaults();
        o.check(Keywords.SERVER_ID);
        String type = o.string("type");
        ServerIdSpec.DuidType t = ServerIdSpec.DuidType.LLT;
        if (type == null) {
            if (!o.has("type")) o.error(null, "missing parameter 'type' (LLT, EN or LL)");
        } else {
            try {
                t = ServerIdSpec.DuidType.valueOf(type);
            } catch (IllegalArgumentException e) {
                o.error("type", "unsupported DUID type '" + type + "'. Expected: LLT, EN or LL");
            }
        }
        Bytes id = Bytes.EMPTY;
        String idText = o.string("identifier", "").trim();
        if (!idText.isEmpty()) {
            try {
                id = Bytes.of(Texts.binary(idText));
            } catch (IllegalArgumentException e) {
                o.error("identifier", "identifier specified in the DUID configuration '" + idText
                        + "' is not a valid string of hexadecimal digits");
            }
        }
        return new ServerIdSpec(t, id, (int) o.integer("htype", 0, 65535, 0), o.integer("time", 0, U32, 0),
                o.integer("enterprise-id", 0, U32, 0), o.bool("persist", true));
    }

    private static MultiThreadingParams multiThreading(Obj g) {
        Obj o = g.map("multi-threading");
        MultiThreadingParams d = MultiThreadingParams.defaults();
        if (o == null) return d;
        o.check(Keywords.MULTI_THREADING);
        // a config that sizes Kea's queue gets Kea's queue; otherwise the workers read the socket themselves
        MultiThreadingParams.Dispatch dispatch = o.has("packet-queue-size")
                ? MultiThreadingParams.Dispatch.QUEUE : d.dispatch();
        String text = o.string("nestor-dispatch");
        if (text != null) {
            dispatch = switch (text) {
                case "queue" -> MultiThreadingParams.Dispatch.QUEUE;
                case "readers" -> MultiThreadingParams.Dispatch.READERS;
                default -> {
                    o.error("nestor-dispatch", "unknown value '" + text + "' (expected queue or readers)");
                    yield dispatch;
                }
            };
        }
        return new MultiThreadingParams(o.bool("enable-multi-threading", d.enabled()),
                (int) o.integer("thread-pool-size", 0, 65535, d.threadPoolSize()),
                (int) o.integer("packet-queue-size", 0, 65535, d.packetQueueSize()), dispatch);
    }

    /** The v6 table only allows lenient-option-parsing, so the v4-only switches stay false there. */
    private static CompatibilityParams compatibility(Obj g, Dialect dialect) {
        Obj o = g.map("compatibility");
        if (o == null) return CompatibilityParams.defaults();
        o.check(dialect.compatibility());
        return new CompatibilityParams(o.bool("lenient-option-parsing", false),
                o.bool("ignore-dhcp-server-identifier", false), o.bool("ignore-rai-link-selection", false),
                o.bool("exclude-first-last-24", false));
    }

    private static SanityChecks sanity(Obj g) {
        Obj o = g.map("sanity-checks");
        if (o == null) return SanityChecks.defaults();
        o.check(Keywords.SANITY);
        String lease = o.string("lease-checks", "warn");
        if (!Set.of("none", "warn", "fix", "fix-del", "del").contains(lease)) {
            o.error("lease-checks", "Unsupported lease-checks value: " + lease + ", supported values are: none, warn, fix, fix-del, del");
            lease = "warn";
        }
        String ext = o.string("extended-info-checks", "fix");
        if (!Set.of("none", "fix", "strict", "pedantic").contains(ext)) {
            o.error("extended-info-checks", "Unsupported extended-info-checks value: " + ext + ", supported values are: none, fix, strict, pedantic");
            ext = "fix";
        }
        return new SanityChecks(lease, ext);
    }
}
