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
import dev.nestor.control.CommandRegistry;
import dev.nestor.dhcp4.pipeline.Dhcp4Pipeline;
import dev.nestor.dhcp4.pipeline.InterfaceDirectory;
import dev.nestor.dhcp4.respond.ReplyRouting4;
import dev.nestor.engine.alloc.PoolCursors;
import dev.nestor.hooks.runtime.BuiltinLibraries;
import dev.nestor.hooks.runtime.HookCommands;
import dev.nestor.lease.LeaseStore4;
import dev.nestor.lease.memfile.MemfileLeaseStore4;
import dev.nestor.transport.InboundDatagram;
import dev.nestor.transport.OutboundDatagram;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A DHCPv4 pipeline (no sockets) whose config loads {@link ObserverLibrary} through {@code hooks-libraries}, as
 * the server does: two subnets, subnet 1 on the ingress interface. Responses parked and resumed later land in
 * {@link #deferred}.
 */
final class HookedPipelineFixture implements AutoCloseable {
    static final int IFINDEX = 7;
    static final int SERVER = Ipv4.parse("192.0.2.1");

    final AtomicLong now = new AtomicLong(1_800_000_000L);
    final StatsRegistry stats = new StatsRegistry();
    final LeaseStore4 store = MemfileLeaseStore4.inMemory();
    final ObserverLibrary observer = new ObserverLibrary();
    final CommandRegistry commands = new CommandRegistry();
    final List<OutboundDatagram> deferred = new CopyOnWriteArrayList<>();
    final Dhcp4Runtime runtime;
    final Dhcp4Pipeline pipeline;
    private int xid = 100;

    HookedPipelineFixture() throws Exception {
        this(256);
    }

    HookedPipelineFixture(int parkedPacketLimit) throws Exception {
        String json = """
                { "Dhcp4": {
                  "valid-lifetime": 4000, "parked-packet-limit": %d,
                  "hooks-libraries": [ { "library": "observer", "parameters": { "greeting": "hi" } } ],
                  "subnet4": [
                    { "id": 1, "subnet": "192.0.2.0/24", "pools": [ { "pool": "192.0.2.100 - 192.0.2.110" } ],
                      "option-data": [ { "name": "routers", "data": "192.0.2.1" } ] },
                    { "id": 2, "subnet": "198.51.100.0/24", "pools": [ { "pool": "198.51.100.10 - 198.51.100.20" } ] } ] } }
                """.formatted(parkedPacketLimit);
        BuiltinLibraries builtins = BuiltinLibraries.standard().with("observer", () -> observer);
        runtime = Dhcp4Runtime.prepare(Dhcp4ConfigParser.parse(ConfigText.parse(json, Path.of("."))),
                new HookCommands(commands), builtins).withStore(store);
        runtime.hooks().activate();
        InterfaceDirectory dir = new InterfaceDirectory() {
            @Override public List<Integer> addresses(int i) { return i == IFINDEX ? List.of(SERVER) : List.of(); }
            @Override public boolean isLocal(int a) { return a == SERVER; }
        };
        pipeline = new Dhcp4Pipeline(() -> runtime, new PoolCursors(), stats, now::get, new ReplyRouting4(67, 68), dir, deferred::add);
        observer.reset();
    }

    Dhcp4Packet discover(String mac) {
        return Dhcp4Packet.newQuery(MessageType4.DISCOVER, ++xid, HwAddress.parse(mac));
    }

    /** SELECTING: server id and requested address. */
    Dhcp4Packet request(String mac, int address) {
        return Dhcp4Packet.newQuery(MessageType4.REQUEST, ++xid, HwAddress.parse(mac))
                .withOption(OptionCodes4.SERVER_ID, Bytes.of(Ipv4.toBytes(SERVER)))
                .withOption(OptionCodes4.REQUESTED_ADDRESS, Bytes.of(Ipv4.toBytes(address)));
    }

    /** RENEWING: ciaddr, no server id. */
    Dhcp4Packet renew(String mac, int address) {
        return Dhcp4Packet.newQuery(MessageType4.REQUEST, ++xid, HwAddress.parse(mac)).withCiaddr(address);
    }

    Dhcp4Packet release(String mac, int address) {
        return Dhcp4Packet.newQuery(MessageType4.RELEASE, ++xid, HwAddress.parse(mac)).withCiaddr(address)
                .withOption(OptionCodes4.SERVER_ID, Bytes.of(Ipv4.toBytes(SERVER)));
    }

    Dhcp4Packet decline(String mac, int address) {
        return Dhcp4Packet.newQuery(MessageType4.DECLINE, ++xid, HwAddress.parse(mac))
                .withOption(OptionCodes4.SERVER_ID, Bytes.of(Ipv4.toBytes(SERVER)))
                .withOption(OptionCodes4.REQUESTED_ADDRESS, Bytes.of(Ipv4.toBytes(address)));
    }

    Optional<OutboundDatagram> send(Dhcp4Packet q) {
        byte[] wire = Dhcp4Codec.encode(q);
        return pipeline.process(new InboundDatagram(wire, 0, 68, Ipv4.BROADCAST, IFINDEX, "eth0", 0));
    }

    /** Sends and decodes the reply; empty when there is none. */
    Optional<Dhcp4Packet> exchange(Dhcp4Packet q) throws Exception {
        Optional<OutboundDatagram> out = send(q);
        if (out.isEmpty()) return Optional.empty();
        return Optional.of(decode(out.get()));
    }

    static Dhcp4Packet decode(OutboundDatagram out) throws Exception {
        byte[] b = out.data();
        return Dhcp4Codec.decode(b, 0, b.length);
    }

    /** DISCOVER + REQUEST without any answers configured; {@return the address leased} */
    int lease(String mac) throws Exception {
        Dhcp4Packet offer = exchange(discover(mac)).orElseThrow();
        Dhcp4Packet ack = exchange(request(mac, offer.yiaddr())).orElseThrow();
        if (!MessageType4.ACK.equals(ack.messageType())) throw new AssertionError("no ACK: " + ack.messageType());
        return ack.yiaddr();
    }

    long stat(String name) {
        return stats.observation(name).map(o -> o.longValue()).orElse(0L);
    }

    @Override
    public void close() {
        runtime.hooks().close();
    }
}
