package dev.nestor.engine;

import dev.nestor.common.Bytes;
import dev.nestor.common.net.HwAddress;
import dev.nestor.common.stats.StatsRegistry;
import dev.nestor.common.time.Clock;
import dev.nestor.config.ConfigText;
import dev.nestor.config.Dhcp4ConfigParser;
import dev.nestor.config.model.Dhcp4Config;
import dev.nestor.config.model.Reservation4;
import dev.nestor.config.model.Subnet4;
import dev.nestor.engine.alloc.AllocationEngine4;
import dev.nestor.engine.alloc.ClientContext4;
import dev.nestor.engine.alloc.PoolCursors;
import dev.nestor.engine.host.HostIndex4;
import dev.nestor.engine.select.SubnetSelection;
import dev.nestor.lease.LeaseStore4;
import dev.nestor.lease.memfile.MemfileLeaseStore4;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/** A real engine over a real (in-memory) memfile store and a parsed Kea config, with a clock tests can move. */
final class EngineFixture {
    final AtomicLong now = new AtomicLong(1_800_000_000L);
    final Clock clock = now::get;
    final StatsRegistry stats = new StatsRegistry();
    final Dhcp4Config config;
    final LeaseStore4 store;
    final HostIndex4 hosts;
    final SubnetSelection selection;
    final PoolCursors cursors = new PoolCursors();
    final AllocationEngine4 engine;

    EngineFixture(String dhcp4Json) throws Exception {
        config = Dhcp4ConfigParser.parse(ConfigText.parse("{\"Dhcp4\": " + dhcp4Json + "}", Path.of(".")));
        store = MemfileLeaseStore4.inMemory();
        hosts = new HostIndex4(config);
        selection = new SubnetSelection(config);
        engine = new AllocationEngine4(store, hosts, cursors, stats, clock);
    }

    static HwAddress mac(int n) {
        return HwAddress.ethernet(new byte[] {2, 0, 0, 0, (byte) (n >> 8), (byte) n});
    }

    Subnet4 subnet(long id) {
        return config.subnet(id).orElseThrow();
    }

    ClientContext4 ctx(long subnetId, HwAddress hw, boolean discover, int requested) {
        return ctx(subnetId, hw, null, discover, requested, 0, Set.of());
    }

    ClientContext4 ctx(long subnetId, HwAddress hw, Bytes clientId, boolean discover, int requested, long lifetimeHint, Set<String> classes) {
        Subnet4 s = subnet(subnetId);
        List<Subnet4> candidates = selection.candidates(s, classes);
        Map<Long, Reservation4> res = new HashMap<>();
        var ids = new HostIndex4.ClientIdentifiers(Bytes.of(hw.bytes()), clientId, null, null, null);
        hosts.find(0, config.globals().hostReservationIdentifiers(), ids).ifPresent(r -> res.put(0L, r));
        for (Subnet4 c : candidates) hosts.find(c.id(), config.globals().hostReservationIdentifiers(), ids).ifPresent(r -> res.put(c.id(), r));
        return new ClientContext4(candidates, hw, clientId, requested, discover, res, classes, "", lifetimeHint, null);
    }
}
