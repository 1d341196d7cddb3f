package dev.nestor.bench;

import dev.nestor.common.net.HwAddress;
import dev.nestor.common.net.Ipv4;
import dev.nestor.common.stats.StatsRegistry;
import dev.nestor.config.model.Dhcp4Config;
import dev.nestor.config.model.Subnet4;
import dev.nestor.engine.alloc.AllocationEngine4;
import dev.nestor.engine.alloc.ClientContext4;
import dev.nestor.engine.alloc.LeaseDecision;
import dev.nestor.engine.alloc.PoolCursors;
import dev.nestor.engine.host.HostIndex4;
import dev.nestor.lease.Lease4;
import dev.nestor.lease.memfile.MemfileLeaseStore4;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A new client's DISCOVER in a pool {@code fill} percent full (random addresses leased, in an in-memory memfile
 * store): the allocator must find a free address. With a /12 pool 99% full this is the "allocation stays
 * fast when a pool is nearly full" case; a DISCOVER writes nothing, so the pool stays as full from op to op.
 */
@State(Scope.Benchmark)
public class AllocateBench {
    @Param({"16", "12"})
    public int prefix;

    @Param({"0", "99"})
    public int fill;

    private MemfileLeaseStore4 store;
    private AllocationEngine4 engine;
    private Subnet4 subnet;
    private int client;

    @Setup(Level.Trial)
    public void setup() throws Exception {
        long size = 1L << (32 - prefix);
        String last = Ipv4.toString((int) (0x0A000000L + size - 1));
        Dhcp4Config config = Fixtures.config("{ \"valid-lifetime\": 36000, \"subnet4\": [ { \"id\": 1, \"subnet\": \"10.0.0.0/"
                + prefix + "\", \"pools\": [ { \"pool\": \"10.0.0.0 - " + last + "\" } ] } ] }");
        subnet = config.subnet(1).orElseThrow();
        store = MemfileLeaseStore4.inMemory();
        Random rnd = new Random(1);
        long now = 1_800_000_000L;
        for (long i = 0; i < size; i++) {
            if (rnd.nextInt(100) < fill) {
                store.add(Lease4.of((int) (0x0A000000L + i), Fixtures.mac((int) i), null, 36000, now, 1));
            }
        }
        engine = new AllocationEngine4(store, new HostIndex4(config), new PoolCursors(), new StatsRegistry(), () -> now);
        // the first allocation builds the pool map from the store; measure what comes after
        engine.allocate(context(Fixtures.mac(-1)));
    }

    @TearDown(Level.Trial)
    public void close() {
        store.close();
    }

    private ClientContext4 context(HwAddress hw) {
        return new ClientContext4(List.of(subnet), hw, null, 0, true, Map.of(), Set.of("ALL"), "", 0, null);
    }

    @Benchmark
    public LeaseDecision discover() {
        return engine.allocate(context(Fixtures.mac(0x40000000 + client++)));
    }
}
