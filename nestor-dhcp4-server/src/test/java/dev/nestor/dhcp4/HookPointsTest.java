package dev.nestor.dhcp4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nestor.codec.v4.Dhcp4Codec;
import dev.nestor.codec.v4.Dhcp4Packet;
import dev.nestor.codec.v4.MessageType4;
import dev.nestor.codec.v4.OptionCodes4;
import dev.nestor.common.Bytes;
import dev.nestor.common.net.HwAddress;
import dev.nestor.common.net.Ipv4;
import dev.nestor.config.ConfigException;
import dev.nestor.config.ConfigText;
import dev.nestor.config.Dhcp4ConfigParser;
import dev.nestor.config.model.ExpiredLeasesProcessing;
import dev.nestor.control.CommandRegistry;
import dev.nestor.engine.reclaim.LeaseReclaimer4;
import dev.nestor.hooks.CalloutResult;
import dev.nestor.hooks.HookPoint;
import dev.nestor.hooks.ParkingLot;
import dev.nestor.hooks.runtime.BuiltinLibraries;
import dev.nestor.hooks.runtime.HookCommands;
import dev.nestor.hooks.v4.Lease4Offer;
import dev.nestor.hooks.v4.Lease4Renew;
import dev.nestor.hooks.v4.Lease4Select;
import dev.nestor.hooks.v4.Leases4Committed;
import dev.nestor.hooks.v4.Subnet4Select;
import dev.nestor.lease.Lease4;
import dev.nestor.lease.LeaseState;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every DHCPv4 hook point through the real pipeline: a library attached to all of them sees them fire in Kea's
 * order with the right data, and each next step a point honours changes the server's behaviour as Kea documents.
 */
class HookPointsTest {
    private static final String MAC = "02:00:00:00:00:01";

    private final HookedPipelineFixture f;
    private final ObserverLibrary lib;

    HookPointsTest() throws Exception {
        f = new HookedPipelineFixture();
        lib = f.observer;
    }

    @AfterEach
    void close() { f.close(); }

    // ---- order and data ----

    @Test
    void doraFiresThePointsInKeaOrderWithTheirData() throws Exception {
        assertThat(lib.parameters).isEqualTo("{\"greeting\":\"hi\"}");
        Dhcp4Packet offer = f.exchange(f.discover(MAC)).orElseThrow();
        // ddns4_update fires in the client-name stage, before allocation, as in Kea's processClientName
        assertThat(lib.fired).containsExactly("buffer4_receive", "pkt4_receive", "subnet4_select", "ddns4_update",
                "lease4_select", "lease4_offer", "pkt4_send", "buffer4_send");
        assertThat(lib.last(HookPoint.BUFFER4_RECEIVE).envelope().interfaceName()).isEqualTo("eth0");
        assertThat(lib.last(HookPoint.PKT4_RECEIVE).classes()).contains("ALL");
        Subnet4Select sel = lib.last(HookPoint.SUBNET4_SELECT);
        assertThat(sel.subnet().id()).isEqualTo(1);
        assertThat(sel.subnets()).extracting(s -> s.id()).containsExactly(1L, 2L);
        Lease4Select select = lib.last(HookPoint.LEASE4_SELECT);
        assertThat(select.fakeAllocation()).isTrue();
        assertThat(select.lease().address()).isEqualTo(offer.yiaddr());
        assertThat(select.lease().hwAddress()).isEqualTo(HwAddress.parse(MAC));
        Lease4Offer offered = lib.last(HookPoint.LEASE4_OFFER);
        assertThat(offered.leases()).extracting(Lease4::address).containsExactly(offer.yiaddr());
        assertThat(offered.response().messageType()).isEqualTo(MessageType4.OFFER);
        assertThat(lib.last(HookPoint.PKT4_SEND).subnet().id()).isEqualTo(1);
        assertThat(lib.last(HookPoint.BUFFER4_SEND).wire().length()).isGreaterThanOrEqualTo(300);

        lib.fired.clear();
        Dhcp4Packet ack = f.exchange(f.request(MAC, offer.yiaddr())).orElseThrow();
        assertThat(lib.fired).containsExactly("buffer4_receive", "pkt4_receive", "subnet4_select", "ddns4_update",
                "lease4_select", "leases4_committed", "pkt4_send", "buffer4_send");
        assertThat(lib.last(HookPoint.LEASE4_SELECT).fakeAllocation()).isFalse();
        Leases4Committed committed = lib.last(HookPoint.LEASES4_COMMITTED);
        assertThat(committed.leases()).extracting(Lease4::address).containsExactly(ack.yiaddr());
        assertThat(committed.deletedLeases()).isEmpty();
        assertThat(committed.response().messageType()).isEqualTo(MessageType4.ACK);

        lib.fired.clear();
        f.now.addAndGet(100);
        f.exchange(f.renew(MAC, ack.yiaddr())).orElseThrow();
        assertThat(lib.fired).as("a renewal").containsExactly("buffer4_receive", "pkt4_receive", "subnet4_select",
                "ddns4_update", "lease4_renew", "leases4_committed", "pkt4_send", "buffer4_send");
        Lease4Renew renew = lib.last(HookPoint.LEASE4_RENEW);
        assertThat(renew.lease().cltt()).isEqualTo(f.now.get());
        assertThat(renew.hwAddress()).isEqualTo(HwAddress.parse(MAC));

        lib.fired.clear();
        assertThat(f.exchange(f.release(MAC, ack.yiaddr()))).isEmpty();
        assertThat(lib.fired).containsExactly("buffer4_receive", "pkt4_receive", "lease4_release", "leases4_committed");
        assertThat(lib.last(HookPoint.LEASES4_COMMITTED).deletedLeases()).extracting(Lease4::address).containsExactly(ack.yiaddr());
        assertThat(lib.last(HookPoint.LEASES4_COMMITTED).response()).isNull();
    }

    @Test
    void declineFiresLeaseDeclineThenCommitted() throws Exception {
        int addr = f.lease(MAC);
        lib.fired.clear();
        f.exchange(f.decline(MAC, addr));
        assertThat(lib.fired).containsExactly("buffer4_receive", "pkt4_receive", "lease4_decline", "leases4_committed");
        assertThat(lib.last(HookPoint.LEASE4_DECLINE).lease().hwAddress()).isEqualTo(HwAddress.parse(MAC));
        assertThat(lib.last(HookPoint.LEASES4_COMMITTED).leases()).singleElement()
                .satisfies(l -> assertThat(l.state()).isEqualTo(LeaseState.DECLINED));
    }

    // ---- buffer4_receive ----

    @Test
    void buffer4ReceiveDropSkipAndChangedData() throws Exception {
        lib.on(HookPoint.BUFFER4_RECEIVE, e -> CalloutResult.drop());
        assertThat(f.exchange(f.discover(MAC))).isEmpty();
        assertThat(lib.fired).containsExactly("buffer4_receive");
        assertThat(f.stat("pkt4-receive-drop")).as("a callout's DROP is its own to count").isZero();

        // SKIP: the callout parsed the packet itself (here: decoding and changing the MAC)
        lib.on(HookPoint.BUFFER4_RECEIVE, e -> {
            byte[] d = e.data().toArray();
            return CalloutResult.skip(e.withParsed(Dhcp4Codec.decode(d, 0, d.length).withHwAddress(HwAddress.parse("02:00:00:00:00:99"))));
        });
        assertThat(f.exchange(f.discover(MAC)).orElseThrow().hwAddress()).isEqualTo(HwAddress.parse("02:00:00:00:00:99"));
        // SKIP without a parsed packet: nothing to process
        lib.on(HookPoint.BUFFER4_RECEIVE, e -> CalloutResult.skip());
        assertThat(f.exchange(f.discover(MAC))).isEmpty();

        // CONTINUE with changed bytes: the server parses what the callout left (chaddr at offset 28)
        lib.on(HookPoint.BUFFER4_RECEIVE, e -> {
            byte[] d = e.data().toArray();
            d[33] = 0x42;
            return CalloutResult.proceed(e.withData(Bytes.of(d)));
        });
        assertThat(f.exchange(f.discover(MAC)).orElseThrow().hwAddress()).isEqualTo(HwAddress.parse("02:00:00:00:00:42"));
    }

    // ---- pkt4_receive ----

    @Test
    void pkt4ReceiveSkipOrDropDropsAndClassesCanBeAdded() throws Exception {
        lib.on(HookPoint.PKT4_RECEIVE, e -> CalloutResult.skip());
        assertThat(f.exchange(f.discover(MAC))).isEmpty();
        assertThat(lib.fired).containsExactly("buffer4_receive", "pkt4_receive");
        lib.on(HookPoint.PKT4_RECEIVE, e -> CalloutResult.drop());
        assertThat(f.exchange(f.discover(MAC))).isEmpty();
        // a callout putting the query in DROP: the server's own DROP class check drops it (and counts it)
        lib.on(HookPoint.PKT4_RECEIVE, e -> CalloutResult.proceed(e.withClass("DROP")));
        assertThat(f.exchange(f.discover(MAC))).isEmpty();
        assertThat(f.stat("pkt4-receive-drop")).isEqualTo(1);
        lib.on(HookPoint.PKT4_RECEIVE, e -> CalloutResult.proceed(e.withClass("gold")));
        f.exchange(f.discover(MAC)).orElseThrow();
        assertThat(lib.last(HookPoint.SUBNET4_SELECT).classes()).contains("gold", "ALL");
    }

    // ---- subnet4_select ----

    @Test
    void subnet4SelectSkipDropOrAnotherSubnet() throws Exception {
        lib.on(HookPoint.SUBNET4_SELECT, e -> CalloutResult.skip());
        assertThat(f.exchange(f.discover(MAC))).as("no subnet: no offer").isEmpty();
        assertThat(lib.fired).doesNotContain("lease4_select");
        lib.on(HookPoint.SUBNET4_SELECT, e -> CalloutResult.drop());
        assertThat(f.exchange(f.discover(MAC))).isEmpty();
        lib.on(HookPoint.SUBNET4_SELECT, e -> CalloutResult.proceed(e.withSubnetId(2)));
        Dhcp4Packet offer = f.exchange(f.discover(MAC)).orElseThrow();
        assertThat(Ipv4.toString(offer.yiaddr())).startsWith("198.51.100.");
    }

    // ---- lease4_select / lease4_renew ----

    @Test
    void lease4SelectSkipAssignsNothingAndChangesAreStored() throws Exception {
        lib.on(HookPoint.LEASE4_SELECT, e -> CalloutResult.skip());
        assertThat(f.exchange(f.discover(MAC))).isEmpty();
        Dhcp4Packet nak = f.exchange(f.request(MAC, Ipv4.parse("192.0.2.100"))).orElseThrow();
        assertThat(nak.messageType()).as("REQUEST without a lease: NAK").isEqualTo(MessageType4.NAK);
        assertThat(f.store.get(Ipv4.parse("192.0.2.100"))).isEmpty();

        lib.on(HookPoint.LEASE4_SELECT, e -> CalloutResult.proceed(e.withLease(e.lease().withValidLifetime(600).withHostname("hooked"))));
        Dhcp4Packet offer = f.exchange(f.discover(MAC)).orElseThrow();
        assertThat(offer.option(OptionCodes4.LEASE_TIME)).contains(Bytes.of(new byte[] {0, 0, 2, 0x58}));
        Dhcp4Packet ack = f.exchange(f.request(MAC, offer.yiaddr())).orElseThrow();
        Lease4 stored = f.store.get(ack.yiaddr()).orElseThrow();
        assertThat(stored.validLifetime()).isEqualTo(600);
        assertThat(stored.hostname()).isEqualTo("hooked");
    }

    @Test
    void lease4RenewSkipKeepsTheStoredLease() throws Exception {
        int addr = f.lease(MAC);
        Lease4 before = f.store.get(addr).orElseThrow();
        f.now.addAndGet(1000);
        lib.on(HookPoint.LEASE4_RENEW, e -> CalloutResult.skip());
        Dhcp4Packet ack = f.exchange(f.renew(MAC, addr)).orElseThrow();
        assertThat(ack.messageType()).isEqualTo(MessageType4.ACK);
        assertThat(f.store.get(addr)).contains(before);
        lib.on(HookPoint.LEASE4_RENEW, e -> CalloutResult.proceed(e.withLease(e.lease().withValidLifetime(7200))));
        f.exchange(f.renew(MAC, addr)).orElseThrow();
        assertThat(f.store.get(addr).orElseThrow().validLifetime()).isEqualTo(7200);
        assertThat(f.store.get(addr).orElseThrow().cltt()).isEqualTo(f.now.get());
    }

    // ---- lease4_release / lease4_decline ----

    @Test
    void releaseAndDeclineSkipLeaveTheLease() throws Exception {
        int addr = f.lease(MAC);
        lib.on(HookPoint.LEASE4_RELEASE, e -> CalloutResult.skip());
        f.exchange(f.release(MAC, addr));
        assertThat(f.store.get(addr)).as("release skipped").isPresent();
        assertThat(lib.last(HookPoint.LEASES4_COMMITTED).deletedLeases()).isEmpty();
        lib.on(HookPoint.LEASE4_DECLINE, e -> CalloutResult.drop());
        f.exchange(f.decline(MAC, addr));
        assertThat(f.store.get(addr).orElseThrow().state()).as("decline dropped").isEqualTo(LeaseState.DEFAULT);
        lib.reset();
        f.exchange(f.release(MAC, addr));
        assertThat(f.store.get(addr)).isEmpty();
    }

    // ---- leases4_committed / lease4_offer: DROP and PARK ----

    @Test
    void leases4CommittedDropSendsNothingButTheLeaseIsStored() throws Exception {
        Dhcp4Packet offer = f.exchange(f.discover(MAC)).orElseThrow();
        lib.on(HookPoint.LEASES4_COMMITTED, e -> CalloutResult.drop());
        lib.fired.clear();
        assertThat(f.exchange(f.request(MAC, offer.yiaddr()))).isEmpty();
        assertThat(lib.fired).doesNotContain("pkt4_send");
        assertThat(f.store.get(offer.yiaddr())).isPresent();
    }

    @Test
    void leases4CommittedParkHoldsTheAckUntilUnparked() throws Exception {
        Dhcp4Packet offer = f.exchange(f.discover(MAC)).orElseThrow();
        AtomicReference<ParkingLot> parked = new AtomicReference<>();
        lib.on(HookPoint.LEASES4_COMMITTED, e -> {
            parked.set(e.parkingLot());
            return CalloutResult.park();
        });
        lib.on(HookPoint.PKT4_SEND, e -> CalloutResult.proceed(e.withResponse(e.response().withOption(224, Bytes.of(new byte[] {7})))));
        lib.fired.clear();
        assertThat(f.send(f.request(MAC, offer.yiaddr()))).as("held").isEmpty();
        assertThat(lib.fired).doesNotContain("pkt4_send");
        assertThat(f.deferred).isEmpty();
        assertThat(parked.get().isParked()).isTrue();
        assertThat(f.runtime.hooks().dispatcher().parked(HookPoint.LEASES4_COMMITTED)).isEqualTo(1);

        // the library's asynchronous work is done: the ACK goes out, through pkt4_send
        assertThat(parked.get().unpark()).isTrue();
        assertThat(f.deferred).hasSize(1);
        Dhcp4Packet ack = HookedPipelineFixture.decode(f.deferred.getFirst());
        assertThat(ack.messageType()).isEqualTo(MessageType4.ACK);
        assertThat(ack.option(224)).contains(Bytes.of(new byte[] {7}));
        assertThat(lib.fired).endsWith("pkt4_send", "buffer4_send");

        // unpark(drop): nothing is sent
        f.send(f.renew(MAC, offer.yiaddr()));
        parked.get().unpark(true);
        assertThat(f.deferred).hasSize(1);
        assertThat(f.runtime.hooks().dispatcher().parked(HookPoint.LEASES4_COMMITTED)).isZero();
    }

    @Test
    void aFullParkingLotDropsTheQuery() throws Exception {
        try (HookedPipelineFixture small = new HookedPipelineFixture(1)) {
            int a = small.lease("02:00:00:00:00:0a");
            int b = small.lease("02:00:00:00:00:0b");
            small.observer.on(HookPoint.LEASES4_COMMITTED, e -> CalloutResult.park());
            assertThat(small.send(small.renew("02:00:00:00:00:0a", a))).isEmpty();
            long dropsBefore = small.stat("pkt4-receive-drop");
            small.observer.fired.clear();
            assertThat(small.send(small.renew("02:00:00:00:00:0b", b))).isEmpty();
            assertThat(small.observer.fired).as("lot full: callouts not called").doesNotContain("leases4_committed");
            assertThat(small.stat("pkt4-queue-full")).isEqualTo(1);
            assertThat(small.stat("pkt4-receive-drop")).isEqualTo(dropsBefore + 1);
        }
    }

    @Test
    void lease4OfferDropAndPark() throws Exception {
        lib.on(HookPoint.LEASE4_OFFER, e -> CalloutResult.drop());
        assertThat(f.exchange(f.discover(MAC))).isEmpty();
        AtomicReference<Lease4Offer> seen = new AtomicReference<>();
        lib.on(HookPoint.LEASE4_OFFER, e -> {
            seen.set(e);
            return CalloutResult.park();
        });
        assertThat(f.exchange(f.discover(MAC))).isEmpty();
        seen.get().parkingLot().unpark();
        assertThat(f.deferred).singleElement().satisfies(d ->
                assertThat(HookedPipelineFixture.decode(d).messageType()).isEqualTo(MessageType4.OFFER));
    }

    // ---- pkt4_send / buffer4_send ----

    @Test
    void pkt4SendChangesDropsOrSendsTheCalloutsBytes() throws Exception {
        lib.on(HookPoint.PKT4_SEND, e -> CalloutResult.proceed(e.withResponse(e.response().withOption(OptionCodes4.DOMAIN_NAME,
                Bytes.of("hooked.example".getBytes())))));
        Dhcp4Packet offer = f.exchange(f.discover(MAC)).orElseThrow();
        assertThat(offer.option(OptionCodes4.DOMAIN_NAME)).contains(Bytes.of("hooked.example".getBytes()));

        lib.on(HookPoint.PKT4_SEND, e -> CalloutResult.drop());
        lib.fired.clear();
        assertThat(f.exchange(f.discover(MAC))).isEmpty();
        assertThat(lib.fired).doesNotContain("buffer4_send");

        byte[] own = Dhcp4Codec.encode(Dhcp4Packet.replyTo(f.discover(MAC)).withMessageType(MessageType4.OFFER));
        lib.on(HookPoint.PKT4_SEND, e -> new CalloutResult<>(dev.nestor.hooks.NextStep.SKIP, e.withWire(Bytes.of(own))));
        assertThat(f.send(f.discover(MAC)).orElseThrow().data()).isEqualTo(own);
        lib.on(HookPoint.PKT4_SEND, e -> CalloutResult.skip());
        assertThat(f.send(f.discover(MAC))).as("SKIP without bytes").isEmpty();
    }

    @Test
    void buffer4SendChangesOrSuppressesTheBytes() throws Exception {
        lib.on(HookPoint.BUFFER4_SEND, e -> CalloutResult.proceed(e.withWire(Bytes.of(new byte[] {1, 2, 3}))));
        assertThat(f.send(f.discover(MAC)).orElseThrow().data()).containsExactly(1, 2, 3);
        lib.on(HookPoint.BUFFER4_SEND, e -> CalloutResult.skip());
        assertThat(f.send(f.discover(MAC))).isEmpty();
        long sent = f.stat("pkt4-sent");
        lib.on(HookPoint.BUFFER4_SEND, e -> CalloutResult.drop());
        assertThat(f.send(f.discover(MAC))).isEmpty();
        assertThat(f.stat("pkt4-sent")).isEqualTo(sent);
    }

    // ---- containment ----

    @Test
    void aThrowingCalloutDropsThePacketCountsItAndTheServerGoesOn() throws Exception {
        lib.on(HookPoint.PKT4_RECEIVE, e -> { throw new IllegalStateException("library bug"); });
        assertThat(f.exchange(f.discover(MAC))).isEmpty();
        assertThat(f.stat("pkt4-receive-drop")).isEqualTo(1);
        lib.on(HookPoint.LEASE4_SELECT, e -> { throw new IllegalStateException("bug deep in the engine"); });
        lib.on(HookPoint.PKT4_RECEIVE, e -> CalloutResult.proceed());
        assertThat(f.exchange(f.request(MAC, Ipv4.parse("192.0.2.100")))).isEmpty();
        assertThat(f.store.get(Ipv4.parse("192.0.2.100"))).as("nothing written").isEmpty();
        assertThat(f.stat("pkt4-receive-drop")).isEqualTo(2);
        lib.reset();
        assertThat(f.exchange(f.discover(MAC))).as("next packet served").isPresent();
    }

    // ---- reclamation ----

    @Test
    void lease4ExpireAndRecoverDuringReclamation() throws Exception {
        int addr = f.lease(MAC);
        f.now.addAndGet(10_000);
        ExpiredLeasesProcessing p = f.runtime.config().expiredLeasesProcessing();
        lib.on(HookPoint.LEASE4_EXPIRE, e -> CalloutResult.skip());
        LeaseReclaimer4 reclaimer = new LeaseReclaimer4(f.store, f.stats, f.now::get, new ReclaimHooks4(f.runtime.hooks().dispatcher()));
        assertThat(reclaimer.reclaim(p, false)).isZero();
        assertThat(lib.last(HookPoint.LEASE4_EXPIRE).lease().address()).isEqualTo(addr);
        assertThat(f.store.get(addr).orElseThrow().state()).as("the callout took responsibility").isEqualTo(LeaseState.DEFAULT);
        lib.reset();
        assertThat(reclaimer.reclaim(p, false)).isEqualTo(1);

        int declined = f.lease("02:00:00:00:00:02");
        f.exchange(f.decline("02:00:00:00:00:02", declined));
        f.now.addAndGet(200_000);
        lib.on(HookPoint.LEASE4_RECOVER, e -> CalloutResult.skip());
        reclaimer.reclaim(p, false);
        assertThat(f.store.get(declined).orElseThrow().state()).isEqualTo(LeaseState.DECLINED);
        assertThat(lib.last(HookPoint.LEASE4_RECOVER).lease().address()).isEqualTo(declined);
        lib.reset();
        reclaimer.reclaim(p, false);
        assertThat(f.store.get(declined)).isEmpty();
    }

    // ---- dhcp4_srv_configured ----

    @Test
    void dhcp4SrvConfiguredDropRefusesTheConfiguration() throws Exception {
        ObserverLibrary refusing = new ObserverLibrary().on(HookPoint.DHCP4_SRV_CONFIGURED, e -> CalloutResult.drop());
        String json = "{\"Dhcp4\": {\"hooks-libraries\": [ {\"library\": \"refusing\"} ], \"subnet4\": []}}";
        assertThatThrownBy(() -> Dhcp4Runtime.prepare(Dhcp4ConfigParser.parse(ConfigText.parse(json, Path.of("."))),
                new HookCommands(new CommandRegistry()), BuiltinLibraries.standard().with("refusing", () -> refusing)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("dhcp4_srv_configured callout refused the configuration");
        assertThat(refusing.last(HookPoint.DHCP4_SRV_CONFIGURED).config().has("subnet4")).isTrue();
    }

    @Test
    void keaConfigsNamingUnsupportedLibrariesAreRefusedAtConfigTime() throws Exception {
        String json = """
                {"Dhcp4": {"hooks-libraries": [ {"library": "/usr/lib/x86_64-linux-gnu/kea/hooks/libdhcp_lease_cmds.so"},
                                                {"library": "/usr/lib/x86_64-linux-gnu/kea/hooks/libdhcp_ha.so"} ], "subnet4": []}}""";
        var cfg = Dhcp4ConfigParser.parse(ConfigText.parse(json, Path.of(".")));
        assertThatThrownBy(() -> Dhcp4Runtime.prepare(cfg)).isInstanceOf(ConfigException.class)
                .hasMessage("Dhcp4.hooks-libraries[1].library: hook library '/usr/lib/x86_64-linux-gnu/kea/hooks/libdhcp_ha.so' is not supported yet");
        assertThatThrownBy(() -> Dhcp4Server.test(cfg)).hasMessageContaining("libdhcp_ha.so' is not supported yet");
        String ok = "{\"Dhcp4\": {\"hooks-libraries\": [ {\"library\": \"/usr/lib/x86_64-linux-gnu/kea/hooks/libdhcp_lease_cmds.so\"} ], \"subnet4\": []}}";
        var okCfg = Dhcp4ConfigParser.parse(ConfigText.parse(ok, Path.of(".")));
        Dhcp4Server.test(okCfg);
        Dhcp4Runtime rt = Dhcp4Runtime.prepare(okCfg);
        assertThat(rt.hooks().names()).containsExactly("libdhcp_lease_cmds.so");
        rt.hooks().close();
    }
}
