package dev.nestor.engine.v6;

import static dev.nestor.engine.v6.Engine6Fixture.duid;
import static dev.nestor.engine.v6.Engine6Fixture.ip;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nestor.codec.net.Ipv6;
import dev.nestor.common.Bytes;
import dev.nestor.lease.Lease6;
import dev.nestor.lease.LeaseState;
import dev.nestor.lease.LeaseType6;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AllocationEngine6Test {
    static final String CONFIG = """
            { "preferred-lifetime": 3000, "valid-lifetime": 4000, "min-valid-lifetime": 1000, "max-valid-lifetime": 8000,
              "subnet6": [ { "id": 1, "subnet": "2001:db8:1::/64",
                "pools": [ { "pool": "2001:db8:1::10 - 2001:db8:1::13" } ],
                "pd-pools": [ { "prefix": "2001:db8:8000::", "prefix-len": 40, "delegated-len": 56 } ],
                "reservations": [
                  { "duid": "00:03:00:01:02:00:00:00:09:99", "ip-addresses": [ "2001:db8:1::99" ],
                    "prefixes": [ "2001:db8:9999::/48" ] },
                  { "duid": "00:03:00:01:02:00:00:00:09:98", "ip-addresses": [ "2001:db8:1::11" ] } ] } ] }
            """;

    static IaDecision.Granted granted(IaDecision d) {
        assertThat(d).isInstanceOf(IaDecision.Granted.class);
        return (IaDecision.Granted) d;
    }

    static Lease6 one(IaDecision d) {
        return granted(d).leases().getFirst();
    }

    static String text(Lease6 l) {
        return Ipv6.toString(l.address()) + (l.type() == LeaseType6.PD ? "/" + l.prefixLength() : "");
    }

    @Test
    void solicitChoosesWithoutWritingAndRequestCommits() throws Exception {
        Engine6Fixture f = new Engine6Fixture(CONFIG);
        Bytes client = duid(1);
        Lease6 offer = one(f.engine.allocate(f.ctx(1, client, true), List.of(IaRequest.na(7))).getFirst());
        assertThat(text(offer)).isEqualTo("2001:db8:1::10");
        assertThat(offer.validLifetime()).isEqualTo(4000);
        assertThat(offer.preferredLifetime()).isEqualTo(3000);
        assertThat(f.store.getAll()).isEmpty();

        // REQUEST with the advertised address as a hint
        Lease6 ack = one(f.engine.allocate(f.ctx(1, client, false),
                List.of(IaRequest.na(7, IaRequest.Hint.address(offer.address())))).getFirst());
        assertThat(ack.address()).isEqualTo(offer.address());
        assertThat(ack.iaid()).isEqualTo(7);
        assertThat(ack.duid()).isEqualTo(client);
        assertThat(f.store.get(LeaseType6.NA, ack.address())).contains(ack);
        assertThat(f.stats.get("subnet[1].assigned-nas")).isEqualTo(1);
        assertThat(f.stats.get("cumulative-assigned-nas")).isEqualTo(1);

        // the same IA comes back (no hint) and keeps its address; a second IA gets another one
        var again = f.engine.allocate(f.ctx(1, client, false), List.of(IaRequest.na(7), IaRequest.na(8)));
        assertThat(one(again.get(0)).address()).isEqualTo(ack.address());
        assertThat(text(one(again.get(1)))).isEqualTo("2001:db8:1::12"); // ::11 is reserved for another client
        assertThat(f.stats.get("subnet[1].assigned-nas")).isEqualTo(2);
    }

    @Test
    void prefixesAreDelegatedStepByStepAtTheDelegatedLength() throws Exception {
        Engine6Fixture f = new Engine6Fixture(CONFIG);
        List<String> got = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            Lease6 l = one(f.engine.allocate(f.ctx(1, duid(i), false), List.of(IaRequest.pd(1))).getFirst());
            assertThat(l.type()).isEqualTo(LeaseType6.PD);
            got.add(text(l));
        }
        assertThat(got).containsExactly("2001:db8:8000::/56", "2001:db8:8000:100::/56", "2001:db8:8000:200::/56");
        assertThat(f.stats.get("subnet[1].assigned-pds")).isEqualTo(3);
        assertThat(f.stats.get("cumulative-assigned-pds")).isEqualTo(3);
    }

    @Test
    void reservationsGoToTheirOwnerAndAreSkippedByOthers() throws Exception {
        Engine6Fixture f = new Engine6Fixture(CONFIG);
        Bytes owner = duid(0x999);
        var d = f.engine.allocate(f.ctx(1, owner, false), List.of(IaRequest.na(1), IaRequest.pd(2)));
        assertThat(text(one(d.get(0)))).isEqualTo("2001:db8:1::99");
        assertThat(text(one(d.get(1)))).isEqualTo("2001:db8:9999::/48");

        // 2001:db8:1::11 is in the pool but reserved: strangers take ::10, ::12, ::13 and then run out
        Set<String> given = new HashSet<>();
        for (int i = 1; i <= 3; i++) given.add(text(one(f.engine.allocate(f.ctx(1, duid(i), false), List.of(IaRequest.na(1))).getFirst())));
        assertThat(given).containsExactlyInAnyOrder("2001:db8:1::10", "2001:db8:1::12", "2001:db8:1::13");
        assertThat(f.engine.allocate(f.ctx(1, duid(4), false), List.of(IaRequest.na(1))).getFirst())
                .isInstanceOf(IaDecision.NoneAvailable.class);
        assertThat(text(one(f.engine.allocate(f.ctx(1, duid(0x998), false), List.of(IaRequest.na(1))).getFirst())))
                .isEqualTo("2001:db8:1::11");
    }

    @Test
    void hintsAreHonouredWhenFreeAndLifetimeHintsAreClamped() throws Exception {
        Engine6Fixture f = new Engine6Fixture(CONFIG);
        IaRequest na = new IaRequest(LeaseType6.NA, 1, List.of(new IaRequest.Hint(ip("2001:db8:1::13"), 128, 500, 99999)));
        IaRequest pd = new IaRequest(LeaseType6.PD, 2, List.of(new IaRequest.Hint(ip("2001:db8:80ab:cd00::"), 56, 0, 0)));
        var d = f.engine.allocate(f.ctx(1, duid(1), false), List.of(na, pd));
        Lease6 a = one(d.get(0));
        assertThat(text(a)).isEqualTo("2001:db8:1::13");
        assertThat(a.validLifetime()).as("hint above max-valid-lifetime").isEqualTo(8000);
        assertThat(text(one(d.get(1)))).isEqualTo("2001:db8:80ab:cd00::/56");

        // a hint outside every pool is ignored; a hint taken by someone else too
        IaRequest outside = IaRequest.na(1, IaRequest.Hint.address(ip("2001:db8:5::1")));
        assertThat(text(one(f.engine.allocate(f.ctx(1, duid(2), false), List.of(outside)).getFirst()))).isEqualTo("2001:db8:1::10");
        IaRequest taken = IaRequest.na(1, IaRequest.Hint.address(ip("2001:db8:1::13")));
        assertThat(text(one(f.engine.allocate(f.ctx(1, duid(3), false), List.of(taken)).getFirst()))).isEqualTo("2001:db8:1::12");
    }

    @Test
    void eachIaIsAnsweredOnItsOwn() throws Exception {
        Engine6Fixture f = new Engine6Fixture(CONFIG);
        // five IA_NAs and one IA_PD against a pool of three free addresses
        List<IaRequest> ias = new ArrayList<>();
        for (int i = 1; i <= 5; i++) ias.add(IaRequest.na(i));
        ias.add(IaRequest.pd(9));
        var d = f.engine.allocate(f.ctx(1, duid(1), false), ias);
        assertThat(d).hasSize(6);
        Set<String> addresses = new HashSet<>();
        for (int i = 0; i < 3; i++) addresses.add(text(one(d.get(i))));
        assertThat(addresses).hasSize(3);
        assertThat(d.get(3)).isInstanceOf(IaDecision.NoneAvailable.class);
        assertThat(d.get(4)).isInstanceOf(IaDecision.NoneAvailable.class);
        assertThat(text(one(d.get(5)))).isEqualTo("2001:db8:8000::/56");
    }

    @Test
    void renewExtendsKnownIasAndAllocatesForUnknownOnesAsKeaDoes() throws Exception {
        Engine6Fixture f = new Engine6Fixture(CONFIG);
        Bytes c = duid(1);
        Lease6 first = one(f.engine.allocate(f.ctx(1, c, false), List.of(IaRequest.na(1))).getFirst());
        f.now.addAndGet(1000);
        var d = f.engine.renew(f.ctx(1, c, false), List.of(IaRequest.na(1, IaRequest.Hint.address(first.address())), IaRequest.na(2)), false);
        Lease6 renewed = one(d.get(0));
        assertThat(renewed.address()).isEqualTo(first.address());
        assertThat(renewed.cltt()).isEqualTo(first.cltt() + 1000);
        assertThat(f.store.get(LeaseType6.NA, first.address())).contains(renewed);
        // Kea's renewLeases6: an IA without a lease gets one, as in a REQUEST (no NoBinding while a subnet is selected)
        Lease6 fresh = one(d.get(1));
        assertThat(fresh.iaid()).isEqualTo(2);
        assertThat(f.store.get(LeaseType6.NA, fresh.address())).contains(fresh);

        // RENEW naming an address the IA does not hold: it comes back with zero lifetimes
        var other = f.engine.renew(f.ctx(1, c, false), List.of(IaRequest.na(1, IaRequest.Hint.address(ip("2001:db8:1::13")))), false);
        assertThat(one(other.getFirst()).address()).isEqualTo(first.address());
        assertThat(granted(other.getFirst()).revoked()).extracting(AllocationEngine6Test::text).containsExactly("2001:db8:1::13");
        assertThat(granted(other.getFirst()).revoked().getFirst().validLifetime()).isZero();
    }

    @Test
    void renewAndRebindOfALostLeaseGiveTheClientItsAddressBack() throws Exception {
        Engine6Fixture f = new Engine6Fixture(CONFIG);
        // the server lost its leases (new lease file): the client renews what it holds and keeps it
        var renew = f.engine.renew(f.ctx(1, duid(5), false), List.of(IaRequest.na(3, IaRequest.Hint.address(ip("2001:db8:1::13"))),
                IaRequest.pd(4, new IaRequest.Hint(ip("2001:db8:8000:700::"), 56, 0, 0))), false);
        IaDecision.Granted na = granted(renew.get(0));
        assertThat(text(na.leases().getFirst())).isEqualTo("2001:db8:1::13");
        assertThat(na.revoked()).isEmpty();
        assertThat(text(one(renew.get(1)))).isEqualTo("2001:db8:8000:700::/56");
        assertThat(f.store.get(LeaseType6.NA, ip("2001:db8:1::13")).orElseThrow().duid()).isEqualTo(duid(5));
        assertThat(f.stats.get("cumulative-assigned-nas")).isEqualTo(1);

        // REBIND (RFC 8415 18.3.5) of an unknown IA with an address that is not appropriate for the link: a new
        // address is bound, and the client's address goes back with zero lifetimes
        var rebind = f.engine.renew(f.ctx(1, duid(6), false), List.of(IaRequest.na(3, IaRequest.Hint.address(ip("2001:db8:77::1")))), true);
        IaDecision.Granted g = granted(rebind.getFirst());
        assertThat(text(g.leases().getFirst())).isEqualTo("2001:db8:1::10");
        assertThat(g.revoked()).extracting(AllocationEngine6Test::text).containsExactly("2001:db8:77::1");
        assertThat(g.revoked().getFirst().preferredLifetime()).isZero();

        // the hinted address belongs to someone else and the pool is full: NoAddrsAvail, the hint at zero lifetimes
        f.engine.allocate(f.ctx(1, duid(7), false), List.of(IaRequest.na(1)));
        var full = f.engine.renew(f.ctx(1, duid(8), false), List.of(IaRequest.na(1, IaRequest.Hint.address(ip("2001:db8:1::13")))), true);
        assertThat(full.getFirst()).isInstanceOfSatisfying(IaDecision.NoneAvailable.class, n -> {
            assertThat(n.noPools()).isFalse();
            assertThat(n.revoked()).extracting(AllocationEngine6Test::text).containsExactly("2001:db8:1::13");
        });
        assertThat(f.store.get(LeaseType6.NA, ip("2001:db8:1::13")).orElseThrow().duid()).as("untouched").isEqualTo(duid(5));
    }

    @Test
    void poolsKeepTheirOwnCountersAndAFailureWithoutAnAdmittingPoolIsNamed() throws Exception {
        Engine6Fixture f = new Engine6Fixture("""
                { "subnet6": [ { "id": 7, "subnet": "2001:db8:7::/64",
                    "pools": [ { "pool": "2001:db8:7::10 - 2001:db8:7::10", "pool-id": 3 },
                               { "pool": "2001:db8:7::20 - 2001:db8:7::2f", "client-classes": [ "vip" ] } ],
                    "pd-pools": [ { "prefix": "2001:db8:7700::", "prefix-len": 40, "delegated-len": 48, "pool-id": 5 } ] } ] }
                """);
        Lease6 a = one(f.engine.allocate(f.ctx(7, duid(1), false), List.of(IaRequest.na(1))).getFirst());
        Lease6 p = one(f.engine.allocate(f.ctx(7, duid(1), false), List.of(IaRequest.pd(2))).getFirst());
        Lease6 vip = one(f.engine.allocate(f.ctx(7, duid(2), false, Set.of("vip")), List.of(IaRequest.na(1))).getFirst());
        assertThat(text(a)).isEqualTo("2001:db8:7::10");
        assertThat(text(vip)).isEqualTo("2001:db8:7::20");
        assertThat(f.stats.get("subnet[7].pool[3].assigned-nas")).isEqualTo(1);
        assertThat(f.stats.get("subnet[7].pool[3].cumulative-assigned-nas")).isEqualTo(1);
        assertThat(f.stats.get("subnet[7].pool[0].assigned-nas")).isEqualTo(1);
        assertThat(f.stats.get("subnet[7].pd-pool[5].assigned-pds")).isEqualTo(1);
        assertThat(f.stats.get("assigned-nas")).as("global").isEqualTo(2);
        assertThat(f.stats.get("subnet[7].assigned-nas")).isEqualTo(2);

        // the only pool this client may use is full: an ordinary failure; no pool admits it: "no pools"
        var full = f.engine.allocate(f.ctx(7, duid(3), false), List.of(IaRequest.na(1)));
        assertThat(full.getFirst()).isInstanceOfSatisfying(IaDecision.NoneAvailable.class, n -> assertThat(n.noPools()).isFalse());
        Engine6Fixture g = new Engine6Fixture("""
                { "subnet6": [ { "id": 8, "subnet": "2001:db8:8::/64",
                    "pools": [ { "pool": "2001:db8:8::10 - 2001:db8:8::1f", "client-classes": [ "vip" ] } ] } ] }
                """);
        var none = g.engine.allocate(g.ctx(8, duid(3), false), List.of(IaRequest.na(1), IaRequest.pd(2)));
        assertThat(none).allSatisfy(d -> assertThat(d).isInstanceOfSatisfying(IaDecision.NoneAvailable.class,
                n -> assertThat(n.noPools()).isTrue()));

        // release and reclamation move the same counters back, given the config to find the pools in
        LeaseCounters6 counters = LeaseCounters6.of(f.stats, f.config);
        assertThat(new LeaseRelease6(f.store, counters, f.clock).release(LeaseType6.PD, p.address(), duid(1), 2))
                .isEqualTo(LeaseRelease6.Outcome.DONE);
        assertThat(f.stats.get("subnet[7].pd-pool[5].assigned-pds")).isZero();
        f.now.addAndGet(7201);
        new LeaseReclaimer6(f.store, counters, f.clock, ReclaimCallouts6.NONE).reclaim(f.config.expiredLeasesProcessing(), false);
        assertThat(f.stats.get("subnet[7].pool[3].assigned-nas")).isZero();
        assertThat(f.stats.get("subnet[7].pool[3].reclaimed-leases")).isEqualTo(1);
        assertThat(f.stats.get("subnet[7].pool[0].assigned-nas")).isZero();
        assertThat(f.stats.get("assigned-nas")).isZero();
    }

    @Test
    void releaseAndDeclineCheckOwnershipAndDeclinedAddressesWaitForProbation() throws Exception {
        Engine6Fixture f = new Engine6Fixture(CONFIG);
        Bytes c = duid(1);
        Lease6 a = one(f.engine.allocate(f.ctx(1, c, false), List.of(IaRequest.na(1))).getFirst());
        Lease6 p = one(f.engine.allocate(f.ctx(1, c, false), List.of(IaRequest.pd(2))).getFirst());
        LeaseRelease6 r = new LeaseRelease6(f.store, f.stats, f.clock);
        assertThat(r.release(LeaseType6.NA, a.address(), duid(2), 1)).isEqualTo(LeaseRelease6.Outcome.NOT_OWNER);
        assertThat(r.release(LeaseType6.NA, a.address(), c, 9)).isEqualTo(LeaseRelease6.Outcome.WRONG_IAID);
        assertThat(r.release(LeaseType6.PD, p.address(), c, 2)).isEqualTo(LeaseRelease6.Outcome.DONE);
        assertThat(f.store.get(LeaseType6.PD, p.address())).isEmpty();
        assertThat(f.stats.get("subnet[1].assigned-pds")).isZero();

        assertThat(r.decline(a.address(), c, 1, 600)).isEqualTo(LeaseRelease6.Outcome.DONE);
        Lease6 declined = f.store.get(LeaseType6.NA, a.address()).orElseThrow();
        assertThat(declined.state()).isEqualTo(LeaseState.DECLINED);
        assertThat(declined.duid()).isEqualTo(Lease6.EMPTY_DUID);
        assertThat(f.stats.get("declined-addresses")).isEqualTo(1);
        assertThat(f.stats.get("subnet[1].assigned-nas")).as("declined addresses stay assigned").isEqualTo(1);

        // during probation nobody gets it; afterwards reclamation returns it to the pool
        var hint = IaRequest.na(1, IaRequest.Hint.address(a.address()));
        assertThat(one(f.engine.allocate(f.ctx(1, duid(3), false), List.of(hint)).getFirst()).address()).isNotEqualTo(a.address());
        f.now.addAndGet(601);
        LeaseReclaimer6 reclaimer = new LeaseReclaimer6(f.store, f.stats, f.clock);
        assertThat(reclaimer.reclaim(f.config.expiredLeasesProcessing(), false)).isEqualTo(1);
        assertThat(f.store.get(LeaseType6.NA, a.address())).isEmpty();
        assertThat(f.stats.get("declined-addresses")).isZero();
        assertThat(f.stats.get("reclaimed-declined-addresses")).isEqualTo(1);
    }

    @Test
    void reclaimedLeaseGoesBackToItsClientOnRenew() throws Exception {
        Engine6Fixture f = new Engine6Fixture(CONFIG);
        Bytes c = duid(1);
        Lease6 a = one(f.engine.allocate(f.ctx(1, c, false), List.of(IaRequest.na(1))).getFirst());
        f.now.addAndGet(4001);
        LeaseReclaimer6 reclaimer = new LeaseReclaimer6(f.store, f.stats, f.clock);
        assertThat(reclaimer.reclaim(f.config.expiredLeasesProcessing(), false)).isEqualTo(1);
        assertThat(f.store.get(LeaseType6.NA, a.address()).orElseThrow().state()).isEqualTo(LeaseState.EXPIRED_RECLAIMED);
        assertThat(f.stats.get("subnet[1].assigned-nas")).isZero();
        assertThat(f.stats.get("reclaimed-leases")).isEqualTo(1);

        Lease6 back = one(f.engine.renew(f.ctx(1, c, false), List.of(IaRequest.na(1)), false).getFirst());
        assertThat(back.address()).isEqualTo(a.address());
        assertThat(back.state()).isEqualTo(LeaseState.DEFAULT);
        assertThat(f.stats.get("subnet[1].assigned-nas")).isEqualTo(1);
    }
}
