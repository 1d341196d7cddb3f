package dev.nestor.dhcp4;

import dev.nestor.codec.v4.Dhcp4Codec;
import dev.nestor.codec.v4.Dhcp4Packet;
import dev.nestor.codec.v4.MessageType4;
import dev.nestor.codec.v4.OptionCodes4;
import dev.nestor.common.Bytes;
import dev.nestor.common.net.HwAddress;
import dev.nestor.common.net.Ipv4;
import dev.nestor.common.stats.StatsRegistry;
import dev.nestor.config.ConfigText;
import dev.nestor.config.Dhcp4ConfigParser;
import dev.nestor.dhcp4.pipeline.Dhcp4Pipeline;
import dev.nestor.dhcp4.pipeline.InterfaceDirectory;
import dev.nestor.dhcp4.respond.ReplyRouting4;
import dev.nestor.engine.alloc.PoolCursors;
import dev.nestor.lease.LeaseStore4;
import dev.nestor.lease.memfile.MemfileLeaseStore4;
import dev.nestor.transport.InboundDatagram;
import dev.nestor.transport.OutboundDatagram;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** A DHCPv4 pipeline over a parsed config and an in-memory store, fed with encoded packets: no sockets. */
final class PipelineFixture {
    static final int IFINDEX = 7;
    static final int SERVER = Ipv4.parse("192.0.2.1");

    final AtomicLong now = new AtomicLong(1_800_000_000L);
    final StatsRegistry stats = new StatsRegistry();
    final LeaseStore4 store = MemfileLeaseStore4.inMemory();
    final Dhcp4Pipeline pipeline;

    PipelineFixture(String dhcp4Json) throws Exception {
        Dhcp4Runtime rt = Dhcp4Runtime.prepare(Dhcp4ConfigParser.parse(
                ConfigText.parse("{\"Dhcp4\": " + dhcp4Json + "}", Path.of(".")))).withStore(store);
        InterfaceDirectory dir = new InterfaceDirectory() {
            @Override public List<Integer> addresses(int i) { return i == IFINDEX ? List.of(SERVER) : List.of(); }
            @Override public boolean isLocal(int a) { return a == SERVER; }
        };
        pipeline = new Dhcp4Pipeline(() -> rt, new PoolCursors(), stats, now::get, new ReplyRouting4(67, 68), dir);
    }

    static Dhcp4Packet query(MessageType4 type, String mac, int... prl) {
        byte[] p = new byte[prl.length];
        for (int i = 0; i < prl.length; i++) p[i] = (byte) prl[i];
        Dhcp4Packet q = Dhcp4Packet.newQuery(type, 42, HwAddress.parse(mac));
        return prl.length == 0 ? q : q.withOption(OptionCodes4.PARAMETER_REQUEST_LIST, Bytes.of(p));
    }

    Optional<OutboundDatagram> send(Dhcp4Packet q) {
        byte[] wire = Dhcp4Codec.encode(q);
        return pipeline.process(new InboundDatagram(wire, 0, 68, Ipv4.BROADCAST, IFINDEX, "eth0", 0));
    }

    /** Sends the query and decodes the reply, failing if there is none. */
    Dhcp4Packet exchange(Dhcp4Packet q) throws Exception {
        byte[] b = send(q).orElseThrow(() -> new AssertionError("no reply")).data();
        return Dhcp4Codec.decode(b, 0, b.length);
    }
}
