package dev.nestor.dhcp4;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nestor.codec.option.Options;
import dev.nestor.codec.v4.Dhcp4Codec;
import dev.nestor.codec.v4.Dhcp4Packet;
import dev.nestor.codec.v4.MessageType4;
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
import dev.nestor.hooks.CalloutResult;
import dev.nestor.hooks.HookApi;
import dev.nestor.hooks.HookContext;
import dev.nestor.hooks.HookLibrary;
import dev.nestor.hooks.HookPoint;
import dev.nestor.hooks.runtime.BuiltinLibraries;
import dev.nestor.hooks.runtime.HookCommands;
import dev.nestor.hooks.v4.Lease4ServerDecline;
import dev.nestor.hooks.v4.LeaseService4;
import dev.nestor.lease.Lease4;
import dev.nestor.lease.LeaseState;
import dev.nestor.lease.memfile.MemfileLeaseStore4;
import dev.nestor.transport.InboundDatagram;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The server sides of flex_id (host4_identifier feeds flex-id reservations), bootp (a BOOTREQUEST without message
 * type served once a pkt4_receive callout makes it a REQUEST, with an infinite lease) and ping_check (the lease
 * service declines an address and fires lease4_server_decline), through the real pipeline.
 */
class HostIdentifierBootpTest {
    static final int IFINDEX = 7;
    static final int SERVER = Ipv4.parse("192.0.2.1");
    static final String CONFIG = """
            { "Dhcp4": {
              "valid-lifetime": 4000, "host-reservation-identifiers": [ "flex-id", "hw-address" ],
              "hooks-libraries": [ { "library": "helper" } ],
              "subnet4": [ { "id": 1, "subnet": "192.0.2.0/24", "pools": [ { "pool": "192.0.2.100 - 192.0.2.110" } ],
                  "reservations": [ { "flex-id": "'rack-7'", "ip-address": "192.0.2.77" } ] } ] } }
            """;

    final AtomicLong now = new AtomicLong(1_800_000_000L);
    final StatsRegistry stats = new StatsRegistry();
    final MemfileLeaseStore4 store = MemfileLeaseStore4.inMemory();
    final AtomicReference<Dhcp4Runtime> current = new AtomicReference<>();
    final List<Lease4ServerDecline> serverDeclines = new CopyOnWriteArrayList<>();
    volatile LeaseService4 service;
    final Dhcp4Pipeline pipeline;

    /** flex-id "rack-7" for MAC ...:07, BOOTP turned into REQUEST, lease4_server_decline recorded. */
    final HookLibrary helper = new HookLibrary() {
        @Override public int apiVersion() { return HookApi.VERSION; }
        @Override public boolean multiThreadingCompatible() { return true; }
        @Override public void load(HookContext ctx) {
            service = ctx.service(LeaseService4.class).orElseThrow();
            ctx.registerCallout(HookPoint.HOST4_IDENTIFIER, e -> e.query().hwAddress().equals(HwAddress.parse("02:00:00:00:00:07"))
                    ? CalloutResult.proceed(e.withIdentifier(Bytes.of("rack-7".getBytes()))) : CalloutResult.proceed());
            ctx.registerCallout(HookPoint.PKT4_RECEIVE, e -> e.classes().contains("BOOTP")
                    ? CalloutResult.proceed(e.withQuery(e.query().withMessageType(MessageType4.REQUEST))) : CalloutResult.proceed());
            ctx.registerCallout(HookPoint.LEASE4_SERVER_DECLINE, e -> {
                serverDeclines.add(e);
                return CalloutResult.proceed();
            });
        }
    };

    HostIdentifierBootpTest() throws Exception {
        Dhcp4Runtime rt = Dhcp4Runtime.prepare(Dhcp4ConfigParser.parse(ConfigText.parse(CONFIG, Path.of("."))),
                new HookCommands(new CommandRegistry()), BuiltinLibraries.standard().with("helper", () -> helper),
                new ServerLeases4(current::get, stats, now::get)).withStore(store);
        current.set(rt);
        rt.hooks().activate();
        InterfaceDirectory dir = new InterfaceDirectory() {
            @Override public List<Integer> addresses(int i) { return i == IFINDEX ? List.of(SERVER) : List.of(); }
            @Override public boolean isLocal(int a) { return a == SERVER; }
        };
        pipeline = new Dhcp4Pipeline(current::get, new PoolCursors(), stats, now::get, new ReplyRouting4(67, 68), dir);
    }

    @AfterEach
    void close() { current.get().hooks().close(); }

    Optional<Dhcp4Packet> exchange(Dhcp4Packet q) throws Exception {
        var out = pipeline.process(new InboundDatagram(Dhcp4Codec.encode(q), 0, 68, Ipv4.BROADCAST, IFINDEX, "eth0", 0));
        if (out.isEmpty()) return Optional.empty();
        byte[] b = out.get().data();
        return Optional.of(Dhcp4Codec.decode(b, 0, b.length));
    }

    @Test
    void theFlexIdFromHost4IdentifierSelectsTheReservation() throws Exception {
        Dhcp4Packet offer = exchange(Dhcp4Packet.newQuery(MessageType4.DISCOVER, 1, HwAddress.parse("02:00:00:00:00:07"))).orElseThrow();
        assertThat(Ipv4.toString(offer.yiaddr())).isEqualTo("192.0.2.77");
        Dhcp4Packet other = exchange(Dhcp4Packet.newQuery(MessageType4.DISCOVER, 2, HwAddress.parse("02:00:00:00:00:08"))).orElseThrow();
        assertThat(Ipv4.toString(other.yiaddr())).startsWith("192.0.2.1");
    }

    @Test
    void aBootpQueryGetsAnInfiniteLeaseOnceACalloutTypesIt() throws Exception {
        Dhcp4Packet bootp = Dhcp4Packet.newQuery(MessageType4.DISCOVER, 3, HwAddress.parse("02:00:00:00:00:09"))
                .withOptions(Options.empty()).withFlags(Dhcp4Packet.FLAG_BROADCAST);
        Dhcp4Packet reply = exchange(bootp).orElseThrow();
        assertThat(reply.op()).isEqualTo(Dhcp4Packet.BOOTREPLY);
        Lease4 lease = store.get(reply.yiaddr()).orElseThrow();
        assertThat(lease.infinite()).isTrue();
        assertThat(lease.hwAddress()).isEqualTo(HwAddress.parse("02:00:00:00:00:09"));
    }

    @Test
    void withoutTheBootpLibraryABootpQueryIsDropped() throws Exception {
        Dhcp4Runtime plain = Dhcp4Runtime.prepare(Dhcp4ConfigParser.parse(ConfigText.parse(
                CONFIG.replace("{ \"library\": \"helper\" }", ""), Path.of(".")))).withStore(store);
        current.get().hooks().close();
        current.set(plain);
        Dhcp4Packet bootp = Dhcp4Packet.newQuery(MessageType4.DISCOVER, 4, HwAddress.parse("02:00:00:00:00:0a")).withOptions(Options.empty());
        assertThat(exchange(bootp)).isEmpty();
        assertThat(stats.observation("pkt4-receive-drop").orElseThrow().longValue()).isEqualTo(1);
    }

    @Test
    void theLeaseServiceDeclinesAnAddressAndFiresLease4ServerDecline() {
        Dhcp4Packet discover = Dhcp4Packet.newQuery(MessageType4.DISCOVER, 5, HwAddress.parse("02:00:00:00:00:0b"));
        Lease4 offered = Lease4.of(Ipv4.parse("192.0.2.105"), HwAddress.parse("02:00:00:00:00:0b"), null, 4000, now.get(), 1);
        assertThat(service.declineByServer(discover, offered)).isTrue();
        Lease4 declined = store.get(Ipv4.parse("192.0.2.105")).orElseThrow();
        assertThat(declined.state()).isEqualTo(LeaseState.DECLINED);
        assertThat(declined.hwAddress()).isNull();
        assertThat(declined.validLifetime()).as("decline-probation-period").isEqualTo(86400);
        assertThat(serverDeclines).singleElement().satisfies(e -> assertThat(e.lease()).isEqualTo(declined));
        assertThat(stats.observation("declined-addresses").orElseThrow().longValue()).isEqualTo(1);
        assertThat(stats.observation("subnet[1].assigned-addresses").orElseThrow().longValue()).isEqualTo(1);
        assertThat(service.get(Ipv4.parse("192.0.2.105"))).contains(declined);
    }
}
