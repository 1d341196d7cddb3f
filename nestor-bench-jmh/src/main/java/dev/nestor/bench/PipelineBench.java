package dev.nestor.bench;

import dev.nestor.common.stats.StatsRegistry;
import dev.nestor.dhcp4.Dhcp4Runtime;
import dev.nestor.dhcp4.pipeline.Dhcp4Pipeline;
import dev.nestor.dhcp4.pipeline.InterfaceDirectory;
import dev.nestor.dhcp4.respond.ReplyRouting4;
import dev.nestor.engine.alloc.PoolCursors;
import dev.nestor.lease.memfile.MemfileLeaseStore4;
import dev.nestor.transport.InboundDatagram;
import dev.nestor.transport.OutboundDatagram;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.List;
import java.util.Optional;

/**
 * One relayed DISCOVER through the whole packet path without sockets: decode, classify, select, allocate,
 * build the OFFER, encode (the work a worker thread does per packet, minus the system calls).
 */
@State(Scope.Thread)
public class PipelineBench {
    private MemfileLeaseStore4 store;
    private Dhcp4Pipeline pipeline;
    private byte[][] discovers;
    private int n;

    @Setup(Level.Trial)
    public void setup() throws Exception {
        store = MemfileLeaseStore4.inMemory();
        Dhcp4Runtime rt = Dhcp4Runtime.prepare(Fixtures.config(Fixtures.benchConfig(0, ""))).withStore(store);
        InterfaceDirectory dir = new InterfaceDirectory() {
            @Override public List<Integer> addresses(int i) { return List.of(0xC0000201); }
            @Override public boolean isLocal(int a) { return a == 0xC0000201; }
        };
        pipeline = new Dhcp4Pipeline(() -> rt, new PoolCursors(), new StatsRegistry(), () -> 1_800_000_000L,
                new ReplyRouting4(67, 68), dir);
        discovers = new byte[1024][];
        for (int i = 0; i < discovers.length; i++) discovers[i] = Fixtures.discoverWire(i);
    }

    @TearDown(Level.Trial)
    public void close() {
        store.close();
    }

    @Benchmark
    public Optional<OutboundDatagram> discover() {
        byte[] wire = discovers[n++ & 1023];
        return pipeline.process(new InboundDatagram(wire, Fixtures.RELAY, 67, 0xC0000201, 7, "eth0", 0));
    }
}
