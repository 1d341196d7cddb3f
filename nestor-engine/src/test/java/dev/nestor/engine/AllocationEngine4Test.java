package dev.nestor.engine;

import dev.nestor.common.Bytes;
import dev.nestor.common.net.HwAddress;
import dev.nestor.common.net.Ipv4;
import dev.nestor.engine.alloc.LeaseDecision;
import dev.nestor.engine.alloc.LeaseName;
import dev.nestor.engine.alloc.LeaseNamer4;
import dev.nestor.engine.alloc.LeaseRelease4;
import dev.nestor.engine.reclaim.LeaseReclaimer4;
import dev.nestor.lease.Lease4;
import dev.nestor.lease.LeaseState;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class AllocationEngine4Test {
    private static final String SMALL = """
            { "valid-lifetime": 4000, "min-valid-lifetime": 1000, "max-valid-lifetime": 8000,
              "subnet4": [ { "id": 1, "subnet": "192.0.2.0/24",
                "pools": [ { "pool": "192.0.2.10 - 192.0.2.13" } ],
                "reservations": [ { "hw-address": "02:00:00:00:09:99", "ip-address": "192.0.2.50" },
                                  { "hw-address": "02:00:00:00:09:98", "ip-address": "192.0.2.11" } ] } ] }
            """;

    private static int ip(String s) { return Ipv4.parse(s); }

    private static Lease4 granted(LeaseDecision d) {
        assertThat(d).isInstanceOf(LeaseDecision.Granted.class);
        return ((LeaseDecision.Granted) d).lease();
    }

    @Test
    void discoverOffersWithoutWritingAndRequestCommits() throws Exception {
        EngineFixture f = new EngineFixture(SMALL);
        HwAddress hw = EngineFixture.mac(1);
        Lease4 offer = granted(f.engine.allocate(f.ctx(1, hw, true, 0)));
        assertThat(Ipv4.toString(offer.address())).isEqualTo("192.0.2.10");
        assertThat(f.store.getAll()).isEmpty();

        Lease4 ack = granted(f.engine.allocate(f.ctx(1, hw, false, offer.address())));
        assertThat(ack.address()).isEqualTo(offer.address());
        assertThat(ack.validLifetime()).isEqualTo(4000);
        assertThat(f.store.get(offer.address())).contains(ack);
        assertThat(f.stats.get("subnet[1].assigned-addresses")).isEqualTo(1);

        // the same client comes back and gets the same address
        Lease4 again = granted(f.engine.allocate(f.ctx(1, hw, true, 0)));
        assertThat(again.address()).isEqualTo(ack.address());
    }

    @Test
    void reservedAddressGoesOnlyToItsOwner() throws Exception {
        EngineFixture f = new EngineFixture(SMALL);
        // 192.0.2.11 is in the pool but reserved: other clients skip it
        List<Integer> given = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            HwAddress hw = EngineFixture.mac(i);
            Lease4 l = granted(f.engine.allocate(f.ctx(1, hw, false, 0)));
            given.add(l.address());
        }
        assertThat(given).containsExactly(ip("192.0.2.10"), ip("192.0.2.12"), ip("192.0.2.13"));
        // pool now exhausted for strangers
        assertThat(f.engine.allocate(f.ctx(1, EngineFixture.mac(4), true, 0))).isInstanceOf(LeaseDecision.NoAddress.class);
        // the owners get their reservations, in and out of the pool
        assertThat(granted(f.engine.allocate(f.ctx(1, HwAddress.parse("02:00:00:00:09:98"), false, 0))).address()).isEqualTo(ip("192.0.2.11"));
        assertThat(granted(f.engine.allocate(f.ctx(1, HwAddress.parse("02:00:00:00:09:99"), false, 0))).address()).isEqualTo(ip("192.0.2.50"));
    }

    @Test
    void requestForAnotherClientsAddressIsNakedAndForAFreeOneIsGranted() throws Exception {
        EngineFixture f = new EngineFixture(SMALL);
        Lease4 a = granted(f.engine.allocate(f.ctx(1, EngineFixture.mac(1), false, 0)));
        assertThat(f.engine.allocate(f.ctx(1, EngineFixture.mac(2), false, a.address()))).isInstanceOf(LeaseDecision.Nak.class);
        assertThat(granted(f.engine.allocate(f.ctx(1, EngineFixture.mac(2), false, ip("192.0.2.13")))).address()).isEqualTo(ip("192.0.2.13"));
        // outside any pool and not reserved for it: NAK
        assertThat(f.engine.allocate(f.ctx(1, EngineFixture.mac(3), false, ip("192.0.2.99")))).isInstanceOf(LeaseDecision.Nak.class);
        // reserved for someone else: NAK
        assertThat(f.engine.allocate(f.ctx(1, EngineFixture.mac(3), false, ip("192.0.2.11")))).isInstanceOf(LeaseDecision.Nak.class);
    }

    @Test
    void discoverHonoursARequestedFreeAddress() throws Exception {
        EngineFixture f = new EngineFixture(SMALL);
        assertThat(granted(f.engine.allocate(f.ctx(1, EngineFixture.mac(1), true, ip("192.0.2.12")))).address()).isEqualTo(ip("192.0.2.12"));
    }

    @Test
    void clientMovingToAnotherAddressLosesTheOldLease() throws Exception {
        EngineFixture f = new EngineFixture(SMALL);
        HwAddress hw = EngineFixture.mac(1);
        Lease4 first = granted(f.engine.allocate(f.ctx(1, hw, false, 0)));
        Lease4 second = granted(f.engine.allocate(f.ctx(1, hw, false, ip("192.0.2.13"))));
        assertThat(second.address()).isNotEqualTo(first.address());
        assertThat(f.store.get(first.address())).isEmpty();
        assertThat(f.stats.get("subnet[1].assigned-addresses")).isEqualTo(1);
    }

    @Test
    void clientIdTakesPrecedenceOverHardwareAddress() throws Exception {
        EngineFixture f = new EngineFixture(SMALL);
        Bytes cid = Bytes.fromHex("01:02:00:00:00:00:01");
        HwAddress hw = EngineFixture.mac(1);
        Lease4 l = granted(f.engine.allocate(f.ctx(1, hw, cid, false, 0, 0, Set.of())));
        // same MAC, another client id: another client
        Bytes other = Bytes.fromHex("01:aa:bb:cc:dd:ee:ff");
        Lease4 l2 = granted(f.engine.allocate(f.ctx(1, hw, other, false, 0, 0, Set.of())));
        assertThat(l2.address()).isNotEqualTo(l.address());
        // same client id on another MAC: same client
        Lease4 l3 = granted(f.engine.allocate(f.ctx(1, EngineFixture.mac(7), cid, true, 0, 0, Set.of())));
        assertThat(l3.address()).isEqualTo(l.address());
    }

    @Test
    void lifetimeHintIsClampedToMinAndMax() throws Exception {
        EngineFixture f = new EngineFixture(SMALL);
        assertThat(granted(f.engine.allocate(f.ctx(1, EngineFixture.mac(1), null, true, 0, 60, Set.of()))).validLifetime()).isEqualTo(1000);
        assertThat(granted(f.engine.allocate(f.ctx(1, EngineFixture.mac(1), null, true, 0, 99999, Set.of()))).validLifetime()).isEqualTo(8000);
        assertThat(granted(f.engine.allocate(f.ctx(1, EngineFixture.mac(1), null, true, 0, 5000, Set.of()))).validLifetime()).isEqualTo(5000);
    }

    @Test
    void expiredLeaseOfAnotherClientIsReused() throws Exception {
        EngineFixture f = new EngineFixture(SMALL);
        for (int i = 1; i <= 3; i++) granted(f.engine.allocate(f.ctx(1, EngineFixture.mac(i), false, 0)));
        assertThat(f.engine.allocate(f.ctx(1, EngineFixture.mac(9), true, 0))).isInstanceOf(LeaseDecision.NoAddress.class);
        f.now.addAndGet(4001);
        Lease4 l = granted(f.engine.allocate(f.ctx(1, EngineFixture.mac(9), false, 0)));
        assertThat(f.store.get(l.address()).orElseThrow().hwAddress()).isEqualTo(EngineFixture.mac(9));
    }

    @Test
    void declinedAddressIsQuarantinedForTheProbationPeriod() throws Exception {
        EngineFixture f = new EngineFixture(SMALL);
        HwAddress hw = EngineFixture.mac(1);
        Lease4 l = granted(f.engine.allocate(f.ctx(1, hw, false, 0)));
        LeaseRelease4 rel = new LeaseRelease4(f.store, f.stats, f.clock);
        assertThat(rel.decline(l.address(), EngineFixture.mac(2), null, 600)).isEqualTo(LeaseRelease4.Outcome.NOT_OWNER);
        assertThat(rel.decline(l.address(), hw, null, 600)).isEqualTo(LeaseRelease4.Outcome.DONE);
        Lease4 declined = f.store.get(l.address()).orElseThrow();
        assertThat(declined.state()).isEqualTo(LeaseState.DECLINED);
        assertThat(declined.hwAddress()).isNull();
        assertThat(f.stats.get("declined-addresses")).isEqualTo(1);
        // nobody gets it during probation, not even by asking for it
        assertThat(f.engine.allocate(f.ctx(1, EngineFixture.mac(3), false, l.address()))).isInstanceOf(LeaseDecision.Nak.class);
        f.now.addAndGet(601);
        assertThat(granted(f.engine.allocate(f.ctx(1, EngineFixture.mac(3), false, l.address()))).address()).isEqualTo(l.address());
        assertThat(f.stats.get("declined-addresses")).isEqualTo(0);
    }

    @Test
    void releaseDeletesTheLeaseOnlyForItsOwner() throws Exception {
        EngineFixture f = new EngineFixture(SMALL);
        HwAddress hw = EngineFixture.mac(1);
        Lease4 l = granted(f.engine.allocate(f.ctx(1, hw, false, 0)));
        LeaseRelease4 rel = new LeaseRelease4(f.store, f.stats, f.clock);
        assertThat(rel.release(l.address(), EngineFixture.mac(2), null)).isEqualTo(LeaseRelease4.Outcome.NOT_OWNER);
        assertThat(f.store.get(l.address())).isPresent();
        assertThat(rel.release(l.address(), hw, null)).isEqualTo(LeaseRelease4.Outcome.DONE);
        assertThat(f.store.get(l.address())).isEmpty();
        assertThat(f.stats.get("subnet[1].assigned-addresses")).isEqualTo(0);
    }

    @Test
    void cacheThresholdReusesAFreshLeaseWithoutWriting() throws Exception {
        EngineFixture f = new EngineFixture("""
                { "valid-lifetime": 1000, "cache-threshold": 0.5,
                  "subnet4": [ { "id": 1, "subnet": "192.0.2.0/24", "pools": [ { "pool": "192.0.2.10 - 192.0.2.20" } ] } ] }
                """);
        HwAddress hw = EngineFixture.mac(1);
        Lease4 l = granted(f.engine.allocate(f.ctx(1, hw, false, 0)));
        f.now.addAndGet(100);
        LeaseDecision d = f.engine.allocate(f.ctx(1, hw, false, l.address()));
        assertThat(((LeaseDecision.Granted) d).reused()).isTrue();
        assertThat(((LeaseDecision.Granted) d).lease().validLifetime()).isEqualTo(900);
        assertThat(f.store.get(l.address()).orElseThrow().cltt()).isEqualTo(l.cltt());
        f.now.addAndGet(500); // now older than half the lifetime: renewed for real
        LeaseDecision d2 = f.engine.allocate(f.ctx(1, hw, false, l.address()));
        assertThat(((LeaseDecision.Granted) d2).reused()).isFalse();
        assertThat(f.store.get(l.address()).orElseThrow().cltt()).isEqualTo(f.now.get());
    }

    @Test
    void theContextsNamerNamesTheLeaseInTheWriteAndAChangedNameIsNotReused() throws Exception {
        EngineFixture f = new EngineFixture("""
                { "valid-lifetime": 1000, "cache-threshold": 0.5,
                  "subnet4": [ { "id": 1, "subnet": "192.0.2.0/24", "pools": [ { "pool": "192.0.2.10 - 192.0.2.20" } ] } ] }
                """);
        HwAddress hw = EngineFixture.mac(1);
        // a name made from the chosen address, as the server does for ddns-generated-prefix names
        LeaseNamer4 generated = (subnet, address) -> new LeaseName("host-" + Ipv4.toString(address).replace('.', '-'), true, true);
        Lease4 l = granted(f.engine.allocate(f.ctx(1, hw, false, 0).withName(new LeaseName("", true, true), generated)));
        Lease4 stored = f.store.get(l.address()).orElseThrow();
        assertThat(stored.hostname()).isEqualTo("host-" + Ipv4.toString(l.address()).replace('.', '-'));
        assertThat(stored.fqdnFwd()).isTrue();
        assertThat(stored.fqdnRev()).isTrue();
        assertThat(stored).isEqualTo(l);

        // the same name is reused (cache-threshold); other DNS directions are not: the lease is written again
        f.now.addAndGet(100);
        assertThat(((LeaseDecision.Granted) f.engine.allocate(f.ctx(1, hw, false, l.address()).withName(LeaseName.NONE, generated)))
                .reused()).isTrue();
        LeaseNamer4 reverseOnly = (subnet, address) -> new LeaseName(stored.hostname(), false, true);
        LeaseDecision d = f.engine.allocate(f.ctx(1, hw, false, l.address()).withName(LeaseName.NONE, reverseOnly));
        assertThat(((LeaseDecision.Granted) d).reused()).isFalse();
        assertThat(f.store.get(l.address()).orElseThrow().fqdnFwd()).isFalse();
        assertThat(f.store.get(l.address()).orElseThrow().fqdnRev()).isTrue();
    }

    @Test
    void reclamationExpiresLeasesAndKeepsThemForAffinity() throws Exception {
        EngineFixture f = new EngineFixture(SMALL);
        Lease4 l = granted(f.engine.allocate(f.ctx(1, EngineFixture.mac(1), false, 0)));
        f.now.addAndGet(5000);
        LeaseReclaimer4 r = new LeaseReclaimer4(f.store, f.stats, f.clock);
        assertThat(r.reclaim(f.config.expiredLeasesProcessing(), false)).isEqualTo(1);
        assertThat(f.store.get(l.address()).orElseThrow().state()).isEqualTo(LeaseState.EXPIRED_RECLAIMED);
        assertThat(f.stats.get("reclaimed-leases")).isEqualTo(1);
        assertThat(f.stats.get("subnet[1].assigned-addresses")).isEqualTo(0);
        // the returning client gets its old address back
        assertThat(granted(f.engine.allocate(f.ctx(1, EngineFixture.mac(1), false, l.address()))).address()).isEqualTo(l.address());
        assertThat(f.stats.get("subnet[1].assigned-addresses")).isEqualTo(1);
    }

    @Test
    void concurrentClientsNeverShareAnAddress() throws Exception {
        EngineFixture f = new EngineFixture("""
                { "subnet4": [ { "id": 1, "subnet": "192.0.2.0/24", "pools": [ { "pool": "192.0.2.1 - 192.0.2.254" } ] } ] }
                """);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        Set<Integer> addresses = ConcurrentHashMap.newKeySet();
        List<Future<LeaseDecision>> results = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            HwAddress hw = EngineFixture.mac(i);
            results.add(pool.submit(() -> f.engine.allocate(f.ctx(1, hw, false, 0))));
        }
        int granted = 0;
        for (Future<LeaseDecision> r : results) {
            if (r.get() instanceof LeaseDecision.Granted g) {
                granted++;
                assertThat(addresses.add(g.lease().address())).as("address handed out twice").isTrue();
            }
        }
        pool.shutdown();
        assertThat(granted).isEqualTo(254);
        assertThat(new HashSet<>(f.store.getAll().stream().map(Lease4::address).toList())).hasSize(254);
    }
}
