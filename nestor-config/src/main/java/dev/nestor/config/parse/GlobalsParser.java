package dev.nestor.config.parse;

import dev.nestor.config.model.CompatibilityParams;
import dev.nestor.config.model.GlobalParams4;
import dev.nestor.config.model.MultiThreadingParams;
import dev.nestor.config.model.Reservation4.IdentifierType;
import dev.nestor.config.model.SanityChecks;
import dev.nestor.config.model.SubnetParams4;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Global-only scalar parameters and the small tuning maps. */
final class GlobalsParser {
    private static final long U32 = 0xFFFFFFFFL;

    private GlobalsParser() {}

    static GlobalParams4 parse(Obj g) {
        List<IdentifierType> ids = identifiers(g);
        long dhcp4o6 = g.integer("dhcp4o6-port", 0, 65535, 0);
        if (dhcp4o6 != 0) g.error("dhcp4o6-port", "DHCPv4-over-DHCPv6 (dhcp4o6-port) is not supported yet");
        Obj q = g.map("dhcp-queue-control");
        if (q != null && q.bool("enable-queue", false))
            q.note("enable-queue", "dhcp-queue-control is ignored: Nestor queues packets per client itself");
        SubnetParams4 scope = ParamsParser.over(g).subnetParams();
        return new GlobalParams4(g.bool("echo-client-id", true), ids,
                g.integer("decline-probation-period", 0, U32, 86400), g.string("server-tag", ""),
                g.bool("early-global-reservations-lookup", false), g.bool("ip-reservations-unique", true),
                g.bool("reservations-lookup-first", false), g.bool("stash-agent-options", false),
                (int) g.integer("parked-packet-limit", 0, Integer.MAX_VALUE, 256), (int) dhcp4o6,
                (int) g.integer("statistic-default-sample-count", 0, Integer.MAX_VALUE, 20),
                g.integer("statistic-default-sample-age", 0, U32, 0), multiThreading(g), compatibility(g),
                sanity(g), scope);
    }

    private static List<IdentifierType> identifiers(Obj g) {
        List<String> names = g.strings("host-reservation-identifiers");
        if (names == null) return GlobalParams4.DEFAULT_IDENTIFIERS;
        List<IdentifierType> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String path = g.at("host-reservation-identifiers") + "[" + i + "]";
            IdentifierType t = IdentifierType.fromKeaName(names.get(i));
            if (t == null) g.problems.error(path, "invalid host reservation identifier name '" + names.get(i) + "'");
            else if (out.contains(t)) g.problems.error(path, "duplicate host reservation identifier '" + names.get(i) + "'");
            else out.add(t);
        }
        if (names.isEmpty()) g.error("host-reservation-identifiers", "the list of host reservation identifiers must not be empty");
        return out.isEmpty() ? GlobalParams4.DEFAULT_IDENTIFIERS : out;
    }

    private static MultiThreadingParams multiThreading(Obj g) {
        Obj o = g.map("multi-threading");
        MultiThreadingParams d = MultiThreadingParams.defaults();
        if (o == null) return d;
        o.check(Keywords.MULTI_THREADING);
        return new MultiThreadingParams(o.bool("enable-multi-threading", d.enabled()),
                (int) o.integer("thread-pool-size", 0, 65535, d.threadPoolSize()),
                (int) o.integer("packet-queue-size", 0, 65535, d.packetQueueSize()));
    }

    private static CompatibilityParams compatibility(Obj g) {
        Obj o = g.map("compatibility");
        if (o == null) return CompatibilityParams.defaults();
        o.check(Keywords.COMPATIBILITY);
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
