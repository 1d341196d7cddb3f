package dev.nestor.dhcp6;

import static dev.nestor.dhcp6.Dhcp6PipelineTest.CLIENTID;
import static dev.nestor.dhcp6.Dhcp6PipelineTest.CLIENT_LL;
import static dev.nestor.dhcp6.Dhcp6PipelineTest.SERVERID;
import static dev.nestor.dhcp6.Dhcp6PipelineTest.SERVER_DUID;
import static dev.nestor.dhcp6.Dhcp6PipelineTest.iaAddr;
import static dev.nestor.dhcp6.Dhcp6PipelineTest.iaNa;
import static dev.nestor.dhcp6.Dhcp6PipelineTest.msg;
import static dev.nestor.dhcp6.Dhcp6PipelineTest.opt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nestor.codec.net.Ipv6;
import dev.nestor.codec.v6.Dhcp6Codec;
import dev.nestor.codec.v6.Dhcp6Message;
import dev.nestor.codec.v6.MessageType6;
import dev.nestor.codec.v6.StatusCode6;
import dev.nestor.codec.v6.StatusOption;
import dev.nestor.common.Bytes;
import dev.nestor.common.stats.StatsRegistry;
import dev.nestor.config.ConfigException;
import dev.nestor.config.ConfigText;
import dev.nestor.config.Dhcp6ConfigParser;
import dev.nestor.config.model.ExpiredLeasesProcessing;
import dev.nestor.control.CommandRegistry;
import dev.nestor.dhcp6.pipeline.ClientLocks;
import dev.nestor.dhcp6.pipeline.Dhcp6Pipeline;
import dev.nestor.dhcp6.respond.ReplyRouting6;
import dev.nestor.engine.alloc.PoolCursors;
import dev.nestor.engine.v6.LeaseReclaimer6;
import dev.nestor.hooks.CalloutResult;
import dev.nestor.hooks.HookPoint;
import dev.nestor.hooks.ParkingLot;
import dev.nestor.hooks.runtime.BuiltinLibraries;
import dev.nestor.hooks.runtime.HookCommands;
import dev.nestor.hooks.v6.Lease6Select;
import dev.nestor.hooks.v6.Leases6Committed;
import dev.nestor.lease.Lease6;
import dev.nestor.lease.LeaseState;
import dev.nestor.lease.LeaseType6;
import dev.nestor.lease.memfile.MemfileLeaseStore6;
import dev.nestor.transport.InboundDatagram6;
import dev.nestor.transport.UdpDatagram6;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every DHCPv6 hook point through the real pipeline: a library attached to all of them sees them fire in Kea's
 * order with the right data, and the next steps each point honours change the server's behaviour as Kea documents.
 */
class HookPoints6Test {
    static final String CONFIG = """
            { "Dhcp6": {
              "preferred-lifetime": 3000, "valid-lifetime": 4000, "parked-packet-limit": 2,
              "hooks-libraries": [ { "library": "observer" } ],
              "subnet6": [
                { "id": 1, "subnet": "2001:db8:1::/64", "interface": "eth0",
                  "pools": [ { "pool": "2001:db8:1::100 - 2001:db8:1::1ff" } ] },
                { "id": 2, "subnet": "2001:db8:2::/64", "interface": "eth1",
                  "pools": [ { "pool": "2001:db8:2::100 - 2001:db8:2::1ff" } ] } ] } }
            """;

    final AtomicLong now = new AtomicLong(1_800_000_000L);
    final StatsRegistry stats = new StatsRegistry();
    final MemfileLeaseStore6 store = MemfileLeaseStore6.inMemory();
    final ObserverLibrary6 lib = new ObserverLibrary6();
    final List<UdpDatagram6> deferred = new CopyOnWriteArrayList<>();
    final Dhcp6Runtime runtime;
    final Dhcp6Pipeline pipeline;

    HookPoints6Test() throws Exception {
        runtime = Dhcp6Runtime.prepare(Dhcp6ConfigParser.parse(ConfigText.parse(CONFIG, Path.of("."))),
                new HookCommands(new CommandRegistry()), BuiltinLibraries.standard().with("observer", () -> lib))
                .bind(store, Bytes.fromHex(SERVER_DUID));
        runtime.hooks().activate();
        Statistics6.init(stats, runtime);
        pipeline = new Dhcp6Pipeline(() -> runtime, new PoolCursors(), stats, now::get, new ReplyRouting6(547, 546),
                new ClientLocks(), deferred::add);
    }

    @AfterEach
    void close() { runtime.hooks().close(); }

    Optional<UdpDatagram6> send(String hex) {
        return pipeline.process(new InboundDatagram6(HexFormat.of().parseHex(hex), Ipv6.parse(CLIENT_LL).toArray(), 546,
                Ipv6.ALL_DHCP_RELAY_AGENTS_AND_SERVERS.toArray(), 7, "eth0", 0));
    }

    Optional<Dhcp6Message> exchange(String hex) throws Exception {
        Optional<UdpDatagram6> out = send(hex);
        return out.isEmpty() ? Optional.empty() : Optional.of((Dhcp6Message) Dhcp6Codec.decode(out.get().data()));
    }

    static final String ADDR = "2001:db8:1::100";

    String request(int xid) { return msg(3, xid, CLIENTID, SERVERID, iaNa(1, iaAddr(ADDR))); }

    @Test
    void theExchangesFireThePointsInKeaOrderWithTheirData() throws Exception {
        Dhcp6Message adv = exchange(msg(1, 1, CLIENTID, iaNa(1))).orElseThrow();
        assertThat(adv.type()).isEqualTo(MessageType6.ADVERTISE);
        assertThat(lib.fired).containsExactly("buffer6_receive", "pkt6_receive", "subnet6_select", "lease6_select",
                "pkt6_send", "buffer6_send");
        assertThat(lib.last(HookPoint.BUFFER6_RECEIVE).envelope().interfaceName()).isEqualTo("eth0");
        assertThat(lib.last(HookPoint.PKT6_RECEIVE).classes()).contains("ALL");
        assertThat(lib.last(HookPoint.SUBNET6_SELECT).subnet().id()).isEqualTo(1);
        assertThat(lib.last(HookPoint.SUBNET6_SELECT).subnets()).extracting(s -> s.id()).containsExactly(1L, 2L);
        Lease6Select sel = lib.last(HookPoint.LEASE6_SELECT);
        assertThat(sel.fakeAllocation()).isTrue();
        assertThat(sel.lease().addressText()).isEqualTo(ADDR);
        assertThat(lib.last(HookPoint.PKT6_SEND).response().type()).isEqualTo(MessageType6.ADVERTISE);

        lib.fired.clear();
        exchange(request(2)).orElseThrow();
        assertThat(lib.fired).containsExactly("buffer6_receive", "pkt6_receive", "subnet6_select", "lease6_select",
                "leases6_committed", "pkt6_send", "buffer6_send");
        assertThat(lib.last(HookPoint.LEASE6_SELECT).fakeAllocation()).isFalse();
        Leases6Committed c = lib.last(HookPoint.LEASES6_COMMITTED);
        assertThat(c.leases()).extracting(Lease6::addressText).containsExactly(ADDR);
        assertThat(c.response().type()).isEqualTo(MessageType6.REPLY);

        lib.fired.clear();
        exchange(msg(5, 3, CLIENTID, SERVERID, iaNa(1, iaAddr(ADDR)))).orElseThrow();
        assertThat(lib.fired).containsSubsequence("subnet6_select", "lease6_renew", "leases6_committed", "pkt6_send");
        lib.fired.clear();
        exchange(msg(6, 4, CLIENTID, iaNa(1, iaAddr(ADDR)))).orElseThrow();
        assertThat(lib.fired).containsSubsequence("subnet6_select", "lease6_rebind", "leases6_committed", "pkt6_send");

        lib.fired.clear();
        exchange(msg(8, 5, CLIENTID, SERVERID, iaNa(1, iaAddr(ADDR)))).orElseThrow();
        assertThat(lib.fired).containsExactly("buffer6_receive", "pkt6_receive", "lease6_release", "leases6_committed",
                "pkt6_send", "buffer6_send");
        assertThat(lib.last(HookPoint.LEASES6_COMMITTED).deletedLeases()).extracting(Lease6::addressText).containsExactly(ADDR);
    }

    @Test
    void declineAndReclamationPointsFire() throws Exception {
        exchange(request(1)).orElseThrow();
        lib.fired.clear();
        exchange(msg(9, 2, CLIENTID, SERVERID, iaNa(1, iaAddr(ADDR)))).orElseThrow();
        assertThat(lib.fired).containsSubsequence("lease6_decline", "leases6_committed");
        assertThat(lib.last(HookPoint.LEASES6_COMMITTED).leases().getFirst().state()).isEqualTo(LeaseState.DECLINED);

        // the probation period ends: lease6_recover SKIP keeps the address declined
        now.addAndGet(86_400 + 10);
        lib.on(HookPoint.LEASE6_RECOVER, e -> CalloutResult.skip());
        LeaseReclaimer6 reclaimer = new LeaseReclaimer6(store, stats, now::get, new ReclaimHooks6(runtime.hooks().dispatcher()));
        ExpiredLeasesProcessing p = runtime.config().expiredLeasesProcessing();
        assertThat(reclaimer.reclaim(p, false)).isZero();
        assertThat(lib.fired).contains("lease6_expire", "lease6_recover");
        assertThat(store.get(LeaseType6.NA, Ipv6.parse(ADDR)).orElseThrow().state()).isEqualTo(LeaseState.DECLINED);
        lib.on(HookPoint.LEASE6_RECOVER, e -> CalloutResult.proceed());
        assertThat(reclaimer.reclaim(p, false)).isEqualTo(1);
    }

    @Test
    void expireSkipLeavesTheLeaseToTheCallout() throws Exception {
        exchange(request(1)).orElseThrow();
        now.addAndGet(5000);
        lib.on(HookPoint.LEASE6_EXPIRE, e -> CalloutResult.skip());
        LeaseReclaimer6 reclaimer = new LeaseReclaimer6(store, stats, now::get, new ReclaimHooks6(runtime.hooks().dispatcher()));
        assertThat(reclaimer.reclaim(runtime.config().expiredLeasesProcessing(), false)).isZero();
        assertThat(lib.last(HookPoint.LEASE6_EXPIRE).removeLease()).isFalse();
        assertThat(store.get(LeaseType6.NA, Ipv6.parse(ADDR)).orElseThrow().state()).isEqualTo(LeaseState.DEFAULT);
    }

    @Test
    void dropAndSkipChangeWhatTheServerDoes() throws Exception {
        lib.on(HookPoint.PKT6_RECEIVE, e -> CalloutResult.drop());
        assertThat(send(msg(1, 1, CLIENTID, iaNa(1)))).isEmpty();
        assertThat(stats.get("pkt6-receive-drop")).as("a callout's DROP is not counted").isZero();

        lib.reset();
        lib.on(HookPoint.SUBNET6_SELECT, e -> CalloutResult.skip());
        Dhcp6Message none = exchange(msg(1, 2, CLIENTID, iaNa(1))).orElseThrow();
        assertThat(none.iaNa().getFirst().status().orElseThrow().status()).isEqualTo(StatusCode6.NO_ADDRS_AVAIL);

        lib.reset();
        lib.on(HookPoint.LEASE6_SELECT, e -> CalloutResult.skip());
        Dhcp6Message reply = exchange(request(3)).orElseThrow();
        assertThat(reply.iaNa().getFirst().addresses()).isEmpty();
        assertThat(store.getAll()).as("lease6_select SKIP: nothing assigned").isEmpty();

        lib.reset();
        lib.on(HookPoint.LEASE6_SELECT, e -> CalloutResult.proceed(e.withLease(e.lease().withHostname("from-hook"))));
        exchange(request(4)).orElseThrow();
        assertThat(store.get(LeaseType6.NA, Ipv6.parse(ADDR)).orElseThrow().hostname()).isEqualTo("from-hook");

        lib.reset();
        lib.on(HookPoint.LEASE6_RELEASE, e -> CalloutResult.skip());
        Dhcp6Message released = exchange(msg(8, 5, CLIENTID, SERVERID, iaNa(1, iaAddr(ADDR)))).orElseThrow();
        assertThat(released.iaNa().getFirst().status().orElseThrow())
                .isEqualTo(StatusOption.of(StatusCode6.UNSPEC_FAIL, "Server failed to release a lease"));
        assertThat(store.get(LeaseType6.NA, Ipv6.parse(ADDR))).as("kept").isPresent();

        lib.reset();
        lib.on(HookPoint.PKT6_SEND, e -> CalloutResult.proceed(e.withResponse(((Dhcp6Message) e.response()).withOption(99, Bytes.of(new byte[] {7})))));
        assertThat(exchange(msg(11, 6, CLIENTID)).orElseThrow().option(99)).contains(Bytes.of(new byte[] {7}));

        lib.reset();
        lib.on(HookPoint.BUFFER6_SEND, e -> CalloutResult.skip());
        assertThat(send(msg(11, 7, CLIENTID))).isEmpty();
    }

    @Test
    void aThrowingCalloutDropsTheQueryAndIsCounted() {
        lib.on(HookPoint.SUBNET6_SELECT, e -> { throw new IllegalStateException("boom"); });
        assertThat(send(msg(1, 1, CLIENTID, iaNa(1)))).isEmpty();
        assertThat(stats.get("pkt6-receive-drop")).isEqualTo(1);
        lib.reset();
        assertThat(send(msg(1, 2, CLIENTID, iaNa(1)))).as("the server keeps serving").isPresent();
    }

    @Test
    void parkHoldsTheReplyUntilTheLibraryResumesIt() throws Exception {
        AtomicReference<ParkingLot> lot = new AtomicReference<>();
        lib.on(HookPoint.LEASES6_COMMITTED, e -> {
            lot.set(e.parkingLot());
            return CalloutResult.park();
        });
        assertThat(send(request(1))).isEmpty();
        assertThat(store.get(LeaseType6.NA, Ipv6.parse(ADDR))).as("the lease is committed").isPresent();
        assertThat(deferred).isEmpty();
        assertThat(runtime.hooks().dispatcher().parked(HookPoint.LEASES6_COMMITTED)).isEqualTo(1);
        assertThat(lot.get().unpark()).isTrue();
        assertThat(deferred).hasSize(1);
        Dhcp6Message reply = (Dhcp6Message) Dhcp6Codec.decode(deferred.getFirst().data());
        assertThat(reply.type()).isEqualTo(MessageType6.REPLY);
        assertThat(reply.iaNa().getFirst().addresses().getFirst().address()).isEqualTo(Ipv6.parse(ADDR));

        // parked-packet-limit 2: a third parked query is dropped before the callouts, counted in pkt6-queue-full
        send(msg(3, 2, opt(1, "00030001020000000002"), SERVERID, iaNa(1)));
        send(msg(3, 3, opt(1, "00030001020000000003"), SERVERID, iaNa(1)));
        lib.fired.clear();
        assertThat(send(msg(3, 4, opt(1, "00030001020000000004"), SERVERID, iaNa(1)))).isEmpty();
        assertThat(lib.fired).doesNotContain("leases6_committed");
        assertThat(stats.get("pkt6-queue-full")).isEqualTo(1);
    }

    @Test
    void aLibraryRegisteringADhcp4PointIsRefusedByTheV6Server() {
        dev.nestor.hooks.HookLibrary v4only = new dev.nestor.hooks.HookLibrary() {
            @Override public int apiVersion() { return dev.nestor.hooks.HookApi.VERSION; }
            @Override public boolean multiThreadingCompatible() { return true; }
            @Override public void load(dev.nestor.hooks.HookContext ctx) {
                ctx.registerCallout(HookPoint.PKT4_RECEIVE, e -> CalloutResult.proceed());
            }
        };
        String json = CONFIG.replace("\"observer\"", "\"v4only\"");
        assertThatThrownBy(() -> Dhcp6Runtime.prepare(Dhcp6ConfigParser.parse(ConfigText.parse(json, Path.of("."))),
                new HookCommands(new CommandRegistry()), BuiltinLibraries.standard().with("v4only", () -> v4only)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Dhcp6.hooks-libraries[0].library")
                .hasMessageContaining("pkt4_receive is not fired by the DHCP6 server");
    }
}
