package dev.nestor.engine.v6;

import dev.nestor.codec.net.Ipv6;
import dev.nestor.common.Bytes;
import dev.nestor.common.stats.StatsRegistry;
import dev.nestor.common.time.Clock;
import dev.nestor.config.ConfigText;
import dev.nestor.config.Dhcp6ConfigParser;
import dev.nestor.config.model.Dhcp6Config;
import dev.nestor.config.model.Reservation6;
import dev.nestor.config.model.Subnet6;
import dev.nestor.engine.alloc.PoolCursors;
import dev.nestor.lease.LeaseStore6;
import dev.nestor.lease.memfile.MemfileLeaseStore6;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/** A real DHCPv6 engine over an in-memory memfile store and a parsed Kea config, with a clock tests can move. */
final class Engine6Fixture {
    final AtomicLong now = new AtomicLong(1_800_000_000L);
    final Clock clock = now::get;
    final StatsRegistry stats = new StatsRegistry();
    final Dhcp6Config config;
    final LeaseStore6 store;
    final HostIndex6 hosts;
    final SubnetSelection6 selection;
    final PoolCursors cursors = new PoolCursors();
    final AllocationEngine6 engine;

    Engine6Fixture(String dhcp6Json) throws Exception {
        this(dhcp6Json, MemfileLeaseStore6.inMemory());
    }

    Engine6Fixture(String dhcp6Json, LeaseStore6 store) throws Exception {
        config = Dhcp6ConfigParser.parse(ConfigText.parse("{\"Dhcp6\": " + dhcp6Json + "}", Path.of(".")));
        this.store = store;
        hosts = new HostIndex6(config);
        selection = new SubnetSelection6(config);
        engine = new AllocationEngine6(store, hosts, cursors, stats, clock);
    }

    static Bytes duid(int n) {
        return Bytes.of(new byte[] {0, 3, 0, 1, 2, 0, 0, 0, (byte) (n >> 8), (byte) n});
    }

    static Bytes ip(String s) { return Ipv6.parse(s); }

    Subnet6 subnet(long id) { return config.subnet(id).orElseThrow(); }

    ClientContext6 ctx(long subnetId, Bytes duid, boolean solicit) {
        return ctx(subnetId, duid, solicit, Set.of());
    }

    ClientContext6 ctx(long subnetId, Bytes duid, boolean solicit, Set<String> classes) {
        Subnet6 s = subnet(subnetId);
        List<Subnet6> candidates = selection.candidates(s, classes);
        Map<Long, Reservation6> res = new HashMap<>();
        var ids = new HostIndex6.ClientIds(duid, null, null);
        var order = config.globals().hostReservationIdentifiers();
        hosts.find(0, order, ids).ifPresent(r -> res.put(0L, r));
        for (Subnet6 c : candidates) hosts.find(c.id(), order, ids).ifPresent(r -> res.put(c.id(), r));
        return new ClientContext6(candidates, duid, null, solicit, res, classes, "", null);
    }
}
