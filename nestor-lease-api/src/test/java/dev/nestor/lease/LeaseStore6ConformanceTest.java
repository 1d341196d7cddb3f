package dev.nestor.lease;

import dev.nestor.common.net.Ipv6Text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nestor.common.Bytes;
import dev.nestor.common.net.HwAddress;
import dev.nestor.common.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link LeaseStore6}, run against every backend (as Kea's generic_lease_mgr_unittest does):
 * extend it and implement {@link #newStore(Clock)} with a fresh, empty store.
 */
public abstract class LeaseStore6ConformanceTest {
    /** A fixed "now" for tests; stores must not depend on wall time for these operations. */
    protected static final long NOW = 1_700_000_000L;

    protected final AtomicLong time = new AtomicLong(NOW);
    protected final Clock clock = time::get;
    protected LeaseStore6 store;

    /** A new, empty store. It is closed after each test. */
    protected abstract LeaseStore6 newStore(Clock clock) throws Exception;

    @BeforeEach
    void openStore() throws Exception {
        store = newStore(clock);
    }

    @AfterEach
    void closeStore() {
        if (store != null) store.close();
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    protected static Bytes ip(String text) {
        return Ipv6Text.parse(text);
    }

    /** A DUID-LLT-like client identifier ending in {@code last}. */
    protected static Bytes duid(int last) {
        return Bytes.of(new byte[] {0, 1, 0, 1, 0x2c, 0x3d, 0x4e, 0x5f, 0x00, 0x11, 0x22, 0x33, 0x44, (byte) last});
    }

    /** A plain DEFAULT NA lease, IAID 1, preferred 1800 s and valid 3600 s from cltt. */
    protected static Lease6 lease(String address, int duidLast, long subnetId, long cltt) {
        return Lease6.na(ip(address), duid(duidLast), 1, 1800, 3600, cltt, subnetId);
    }

    /** A plain DEFAULT PD lease, IAID 2, preferred 1800 s and valid 3600 s from cltt. */
    protected static Lease6 prefix(String prefix, int length, int duidLast, long subnetId, long cltt) {
        return Lease6.pd(ip(prefix), length, duid(duidLast), 2, 1800, 3600, cltt, subnetId);
    }

    /** A lease with every field set to a non-default value, including characters a CSV file must escape. */
    protected static Lease6 fullLease(String address) {
        return new Lease6(ip(address), LeaseType6.NA, 128, duid(0xab), 0xFFFFFFF0L, 3000, 7200, NOW - 10, 42,
                true, false, "host,with,commas.example.org.", HwAddress.parse("00:11:22:33:44:ab"), LeaseState.DEFAULT,
                "{ \"comment\": \"a, b & c\", \"n\": 1 }", 3);
    }

    private static List<String> addresses(List<Lease6> leases) {
        return leases.stream().map(Lease6::addressText).toList();
    }

    // ---- add / get -------------------------------------------------------------------------------------------

    @Test
    void addThenGetReturnsEqualLease() throws Exception {
        Lease6 l = fullLease("2001:db8:1::10");
        assertThat(store.add(l)).isTrue();
        assertThat(store.get(LeaseType6.NA, ip("2001:db8:1::10"))).contains(l);
    }

    @Test
    void prefixLeaseRoundTripsWithItsLength() throws Exception {
        Lease6 pd = prefix("2001:db8:8000:100::", 56, 1, 1, NOW).withHostname("router.example.org.")
                .withHwAddress(new HwAddress(6, new byte[] {1, 2, 3, 4, 5, 6})).withPoolId(9);
        assertThat(store.add(pd)).isTrue();
        assertThat(store.get(LeaseType6.PD, ip("2001:db8:8000:100::"))).contains(pd);
        assertThat(store.get(LeaseType6.PD, ip("2001:db8:8000:100::")).orElseThrow().prefixLength()).isEqualTo(56);
    }

    @Test
    void temporaryAddressLeaseRoundTrips() throws Exception {
        Lease6 ta = new Lease6(ip("2001:db8:1::77"), LeaseType6.TA, 128, duid(1), 3, 100, 200, NOW, 1, false, false,
                "", null, LeaseState.DEFAULT, null, 0);
        assertThat(store.add(ta)).isTrue();
        assertThat(store.get(LeaseType6.TA, ta.address())).contains(ta);
    }

    @Test
    void getUnknownAddressIsEmpty() {
        assertThat(store.get(LeaseType6.NA, ip("2001:db8::99"))).isEmpty();
        assertThat(store.getAll()).isEmpty();
    }

    @Test
    void getWithAnotherTypeIsEmpty() throws Exception {
        Lease6 na = lease("2001:db8:1::10", 1, 1, NOW);
        store.add(na);
        assertThat(store.get(LeaseType6.PD, na.address())).isEmpty();
        assertThat(store.get(LeaseType6.TA, na.address())).isEmpty();
        assertThat(store.get(LeaseType6.NA, na.address())).contains(na);
    }

    @Test
    void addOfExistingAddressReturnsFalseAndKeepsFirstLease() throws Exception {
        Lease6 first = lease("2001:db8:1::10", 1, 1, NOW);
        Lease6 second = lease("2001:db8:1::10", 2, 1, NOW);
        assertThat(store.add(first)).isTrue();
        assertThat(store.add(second)).isFalse();
        assertThat(store.get(LeaseType6.NA, first.address())).contains(first);
        assertThat(store.getByDuid(duid(2))).isEmpty();
    }

    @Test
    void addOfAnAddressHeldByAnotherTypeIsRefusedAsInKea() throws Exception {
        Lease6 pd = prefix("2001:db8:8000::", 48, 1, 1, NOW);
        assertThat(store.add(pd)).isTrue();
        assertThat(store.add(lease("2001:db8:8000::", 2, 1, NOW))).isFalse();
        assertThat(store.getAll()).containsExactly(pd);
    }

    @Test
    void addIsRefusedWhateverTheStateOfTheExistingLease() throws Exception {
        Lease6 reclaimed = lease("2001:db8:1::10", 1, 1, NOW - 10_000).withState(LeaseState.EXPIRED_RECLAIMED);
        assertThat(store.add(reclaimed)).isTrue();
        assertThat(store.add(lease("2001:db8:1::10", 2, 1, NOW))).isFalse();
    }

    @Test
    void infiniteLeaseRoundTrips() throws Exception {
        Lease6 l = Lease6.na(ip("2001:db8:1::11"), duid(1), 5, Lease6.INFINITE_LIFETIME, Lease6.INFINITE_LIFETIME, NOW, 7);
        assertThat(store.add(l)).isTrue();
        assertThat(store.get(LeaseType6.NA, l.address())).contains(l);
        assertThat(store.get(LeaseType6.NA, l.address()).orElseThrow().expire()).isEqualTo(NOW + 0xFFFFFFFFL);
    }

    @Test
    void declinedLeaseWithTheEmptyDuidRoundTrips() throws Exception {
        Lease6 declined = lease("2001:db8:1::12", 1, 1, NOW).withDuid(null).withIaid(0).withState(LeaseState.DECLINED);
        assertThat(declined.duid()).isEqualTo(Lease6.EMPTY_DUID);
        assertThat(store.add(declined)).isTrue();
        assertThat(store.get(LeaseType6.NA, declined.address())).contains(declined);
    }

    // ---- replace (compare-and-set) ---------------------------------------------------------------------------

    @Test
    void replaceWithCurrentLeaseSucceedsAndUpdatesIndexes() throws Exception {
        Lease6 old = lease("2001:db8:1::10", 1, 1, NOW).withHostname("old.example.org.");
        store.add(old);
        Lease6 updated = old.withDuid(duid(2)).withIaid(5).withHostname("new.example.org.").withCltt(NOW + 100);
        assertThat(store.replace(old, updated)).isTrue();
        assertThat(store.get(LeaseType6.NA, old.address())).contains(updated);
        assertThat(store.getByDuid(duid(1))).isEmpty();
        assertThat(store.getByDuidIaid(duid(1), 1, LeaseType6.NA)).isEmpty();
        assertThat(store.getByDuid(duid(2))).containsExactly(updated);
        assertThat(store.getByDuidIaid(duid(2), 5, LeaseType6.NA)).containsExactly(updated);
        assertThat(store.getByHostname("old.example.org.")).isEmpty();
        assertThat(store.getByHostname("new.example.org.")).containsExactly(updated);
    }

    @Test
    void replaceWithStaleExpectedFailsAndChangesNothing() throws Exception {
        Lease6 original = lease("2001:db8:1::10", 1, 1, NOW);
        store.add(original);
        Lease6 renewedBySomeoneElse = original.withCltt(NOW + 50);
        assertThat(store.replace(original, renewedBySomeoneElse)).isTrue();
        // A second writer still holding the original must lose.
        assertThat(store.replace(original, original.withCltt(NOW + 60))).isFalse();
        assertThat(store.get(LeaseType6.NA, original.address())).contains(renewedBySomeoneElse);
    }

    @Test
    void replaceOfMissingLeaseFails() throws Exception {
        Lease6 l = lease("2001:db8:1::10", 1, 1, NOW);
        assertThat(store.replace(l, l.withCltt(NOW + 1))).isFalse();
        assertThat(store.get(LeaseType6.NA, l.address())).isEmpty();
    }

    @Test
    void replaceExpectingAnotherTypeFails() throws Exception {
        Lease6 pd = prefix("2001:db8:8000::", 48, 1, 1, NOW);
        store.add(pd);
        Lease6 naAtSameAddress = lease("2001:db8:8000::", 1, 1, NOW);
        assertThat(store.replace(naAtSameAddress, naAtSameAddress.withCltt(NOW + 1))).isFalse();
        assertThat(store.delete(naAtSameAddress)).isFalse();
        assertThat(store.getAll()).containsExactly(pd);
    }

    @Test
    void replaceAcrossAddressesOrTypesIsRejected() throws Exception {
        Lease6 l = lease("2001:db8:1::10", 1, 1, NOW);
        store.add(l);
        assertThatThrownBy(() -> store.replace(l, lease("2001:db8:1::11", 1, 1, NOW)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.replace(l, Lease6.pd(l.address(), 64, duid(1), 1, 1800, 3600, NOW, 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store.get(LeaseType6.NA, l.address())).contains(l);
        assertThat(store.get(LeaseType6.NA, ip("2001:db8:1::11"))).isEmpty();
    }

    @Test
    void replaceChangingSubnetAndStateMovesCounts() throws Exception {
        Lease6 l = lease("2001:db8:1::10", 1, 1, NOW);
        store.add(l);
        Lease6 declined = l.withSubnetId(2).withState(LeaseState.DECLINED).withDuid(null);
        assertThat(store.replace(l, declined)).isTrue();
        assertThat(store.getBySubnet(1)).isEmpty();
        assertThat(store.getBySubnet(2)).containsExactly(declined);
        Map<Long, SubnetLeaseCounts6> counts = store.countBySubnet();
        assertThat(counts.getOrDefault(1L, SubnetLeaseCounts6.ZERO)).isEqualTo(SubnetLeaseCounts6.ZERO);
        assertThat(counts.get(2L)).isEqualTo(new SubnetLeaseCounts6(0, 1, 0));
    }

    // ---- delete (compare-and-delete) -------------------------------------------------------------------------

    @Test
    void deleteOfCurrentLeaseRemovesItFromEveryIndex() throws Exception {
        Lease6 l = fullLease("2001:db8:1::10");
        store.add(l);
        assertThat(store.delete(l)).isTrue();
        assertThat(store.get(LeaseType6.NA, l.address())).isEmpty();
        assertThat(store.getByDuid(l.duid())).isEmpty();
        assertThat(store.getByDuidIaid(l.duid(), l.iaid(), LeaseType6.NA)).isEmpty();
        assertThat(store.getByHostname(l.hostname())).isEmpty();
        assertThat(store.getBySubnet(l.subnetId())).isEmpty();
        assertThat(store.getExpired(NOW + 1_000_000, 0)).isEmpty();
        assertThat(store.countBySubnet().getOrDefault(42L, SubnetLeaseCounts6.ZERO).assignedNa()).isZero();
        // the address is free again
        assertThat(store.add(l)).isTrue();
    }

    @Test
    void deleteWithStaleExpectedFails() throws Exception {
        Lease6 l = lease("2001:db8:1::10", 1, 1, NOW);
        store.add(l);
        assertThat(store.delete(l.withCltt(NOW - 1))).isFalse();
        assertThat(store.delete(lease("2001:db8:1::11", 1, 1, NOW))).isFalse();
        assertThat(store.get(LeaseType6.NA, l.address())).contains(l);
    }

    // ---- lookups ---------------------------------------------------------------------------------------------

    @Test
    void getByDuidIaidSelectsTypeIaidAndSubnet() throws Exception {
        Lease6 na1 = lease("2001:db8:1::10", 1, 1, NOW);
        Lease6 na1b = lease("2001:db8:1::11", 1, 1, NOW); // a second address in the same IA
        Lease6 na1OtherSubnet = lease("2001:db8:2::10", 1, 2, NOW);
        Lease6 otherIaid = lease("2001:db8:1::12", 1, 1, NOW).withIaid(99);
        Lease6 pd = prefix("2001:db8:8000::", 48, 1, 1, NOW).withIaid(1); // same DUID and IAID, other type
        Lease6 otherClient = lease("2001:db8:1::13", 2, 1, NOW);
        for (Lease6 l : List.of(pd, otherClient, na1OtherSubnet, otherIaid, na1b, na1)) store.add(l);

        assertThat(store.getByDuidIaid(duid(1), 1, LeaseType6.NA)).containsExactly(na1, na1b, na1OtherSubnet);
        assertThat(store.getByDuidIaid(duid(1), 1, LeaseType6.NA, 1)).containsExactly(na1, na1b);
        assertThat(store.getByDuidIaid(duid(1), 1, LeaseType6.NA, 2)).containsExactly(na1OtherSubnet);
        assertThat(store.getByDuidIaid(duid(1), 1, LeaseType6.NA, 3)).isEmpty();
        assertThat(store.getByDuidIaid(duid(1), 99, LeaseType6.NA)).containsExactly(otherIaid);
        assertThat(store.getByDuidIaid(duid(1), 1, LeaseType6.PD)).containsExactly(pd);
        assertThat(store.getByDuidIaid(duid(1), 1, LeaseType6.TA)).isEmpty();
        assertThat(store.getByDuidIaid(duid(9), 1, LeaseType6.NA)).isEmpty();
    }

    @Test
    void getByDuidFindsEveryTypeAndSubnet() throws Exception {
        Lease6 na = lease("2001:db8:1::10", 1, 1, NOW);
        Lease6 pd = prefix("2001:db8:8000::", 48, 1, 2, NOW);
        store.add(pd);
        store.add(na);
        store.add(lease("2001:db8:1::11", 2, 1, NOW));
        assertThat(store.getByDuid(duid(1))).containsExactly(na, pd);
        assertThat(store.getByDuid(duid(3))).isEmpty();
    }

    @Test
    void getByHostnameMatchesExactly() throws Exception {
        Lease6 a = lease("2001:db8:1::10", 1, 1, NOW).withHostname("printer.example.org.");
        Lease6 b = lease("2001:db8:2::10", 2, 2, NOW).withHostname("printer.example.org.");
        store.add(a);
        store.add(b);
        store.add(lease("2001:db8:1::12", 3, 1, NOW).withHostname("scanner.example.org."));
        store.add(lease("2001:db8:1::13", 4, 1, NOW));
        assertThat(store.getByHostname("printer.example.org.")).containsExactly(a, b);
        assertThat(store.getByHostname("printer")).isEmpty();
    }

    @Test
    void getBySubnetAndGetAllAreInUnsignedAddressOrder() throws Exception {
        Lease6 high = lease("fd00::5", 1, 1, NOW);
        Lease6 low = lease("2001:db8::5", 2, 1, NOW);
        Lease6 mid = prefix("2001:db8:8000::", 48, 3, 2, NOW);
        Lease6 top = lease("ff02::1:2", 4, 1, NOW); // first byte above 0x7f: compared unsigned
        store.add(high);
        store.add(top);
        store.add(mid);
        store.add(low);
        assertThat(store.getAll()).containsExactly(low, mid, high, top);
        assertThat(store.getBySubnet(1)).containsExactly(low, high, top);
        assertThat(store.getBySubnet(2)).containsExactly(mid);
        assertThat(store.getBySubnet(3)).isEmpty();
    }

    @Test
    void returnedListsAreSnapshots() throws Exception {
        store.add(lease("2001:db8:1::10", 1, 1, NOW));
        List<Lease6> all = store.getAll();
        store.add(lease("2001:db8:1::11", 2, 1, NOW));
        assertThat(all).hasSize(1);
        assertThatThrownBy(() -> all.add(lease("2001:db8:1::12", 3, 1, NOW)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void getPagePagesThroughAllLeasesInUnsignedOrder() throws Exception {
        List<String> expected = List.of("::", "::1", "2001:db8::1", "2001:db8::2", "2001:db8:8000::", "fe80::1",
                "ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe");
        for (int i = expected.size() - 1; i >= 0; i--) {
            String a = expected.get(i);
            store.add(a.equals("2001:db8:8000::") ? prefix(a, 48, i, 1, NOW) : lease(a, i, 1, NOW));
        }
        List<String> seen = new ArrayList<>();
        Bytes from = ip("::");
        List<Lease6> page;
        int pages = 0;
        while (!(page = store.getPage(from, 4)).isEmpty()) {
            pages++;
            assertThat(page.size()).isLessThanOrEqualTo(4);
            seen.addAll(addresses(page));
            from = page.getLast().address();
        }
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(pages).isEqualTo(2);
        assertThat(addresses(store.getPage(ip("2001:db8::1"), 2))).containsExactly("2001:db8::2", "2001:db8:8000::");
        assertThatThrownBy(() -> store.getPage(ip("::"), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    // ---- expiry and reclamation ------------------------------------------------------------------------------

    @Test
    void getExpiredReturnsOldestFirstAndHonoursLimit() throws Exception {
        // expire = cltt + 3600
        Lease6 oldest = lease("2001:db8:1::30", 1, 1, NOW - 9000);
        Lease6 middle = lease("2001:db8:1::10", 2, 1, NOW - 8000);
        Lease6 newest = prefix("2001:db8:8000::", 48, 3, 1, NOW - 7000);
        Lease6 tieLowAddress = lease("2001:db8:1::5", 4, 1, NOW - 8000);
        store.add(newest);
        store.add(middle);
        store.add(oldest);
        store.add(tieLowAddress);
        store.add(lease("2001:db8:1::40", 5, 1, NOW)); // still valid
        assertThat(store.getExpired(NOW, 0)).containsExactly(oldest, tieLowAddress, middle, newest);
        assertThat(store.getExpired(NOW, 2)).containsExactly(oldest, tieLowAddress);
    }

    @Test
    void getExpiredSkipsInfiniteReclaimedReleasedAndNotYetExpiredLeases() throws Exception {
        store.add(Lease6.na(ip("2001:db8:1::1"), duid(1), 1, Lease6.INFINITE_LIFETIME, Lease6.INFINITE_LIFETIME, 0, 1));
        Lease6 declined = lease("2001:db8:1::2", 2, 1, NOW - 9000).withState(LeaseState.DECLINED).withDuid(null);
        store.add(declined);
        store.add(lease("2001:db8:1::3", 3, 1, NOW - 9000).withState(LeaseState.EXPIRED_RECLAIMED));
        store.add(lease("2001:db8:1::4", 4, 1, NOW - 9000).withState(LeaseState.RELEASED));
        Lease6 registered = lease("2001:db8:1::6", 6, 1, NOW - 8000).withState(LeaseState.REGISTERED);
        store.add(registered);
        Lease6 expiresExactlyNow = lease("2001:db8:1::5", 5, 1, NOW - 3600);
        store.add(expiresExactlyNow);
        // declined addresses come back when their probation ends; registered addresses expire like leases
        assertThat(store.getExpired(NOW, 0)).containsExactly(declined, registered);
        assertThat(store.getExpired(NOW + 1, 0)).containsExactly(declined, registered, expiresExactlyNow);
    }

    @Test
    void reclaimingViaReplaceRemovesLeaseFromExpiredScan() throws Exception {
        Lease6 expired = lease("2001:db8:1::10", 1, 1, NOW - 9000);
        store.add(expired);
        assertThat(store.getExpired(NOW, 10)).containsExactly(expired);
        assertThat(store.replace(expired, expired.withState(LeaseState.EXPIRED_RECLAIMED))).isTrue();
        assertThat(store.getExpired(NOW, 10)).isEmpty();
    }

    @Test
    void deleteReclaimedExpiredBeforeRemovesOnlyOldReclaimedLeases() throws Exception {
        Lease6 oldReclaimed = lease("2001:db8:1::1", 1, 1, NOW - 9000).withState(LeaseState.EXPIRED_RECLAIMED);
        Lease6 oldReclaimedPd = prefix("2001:db8:8000::", 48, 5, 1, NOW - 9000).withState(LeaseState.EXPIRED_RECLAIMED);
        Lease6 recentReclaimed = lease("2001:db8:1::2", 2, 1, NOW - 100).withState(LeaseState.EXPIRED_RECLAIMED);
        Lease6 oldDefault = lease("2001:db8:1::3", 3, 1, NOW - 9000);
        Lease6 oldDeclined = lease("2001:db8:1::4", 4, 1, NOW - 9000).withState(LeaseState.DECLINED);
        for (Lease6 l : List.of(oldReclaimed, oldReclaimedPd, recentReclaimed, oldDefault, oldDeclined)) store.add(l);
        assertThat(store.deleteReclaimedExpiredBefore(NOW)).isEqualTo(2);
        assertThat(store.getAll()).containsExactly(recentReclaimed, oldDefault, oldDeclined);
        assertThat(store.deleteReclaimedExpiredBefore(NOW)).isZero();
    }

    // ---- wipe and counts -------------------------------------------------------------------------------------

    @Test
    void wipeOfOneSubnetLeavesOthers() throws Exception {
        store.add(lease("2001:db8:1::1", 1, 1, NOW));
        store.add(prefix("2001:db8:8000::", 48, 2, 1, NOW));
        Lease6 keep = lease("2001:db8:2::1", 3, 2, NOW);
        store.add(keep);
        assertThat(store.wipe(1)).isEqualTo(2);
        assertThat(store.getAll()).containsExactly(keep);
        assertThat(store.getByDuid(duid(1))).isEmpty();
        assertThat(store.countBySubnet().getOrDefault(1L, SubnetLeaseCounts6.ZERO)).isEqualTo(SubnetLeaseCounts6.ZERO);
    }

    @Test
    void wipeOfSubnetZeroRemovesEverything() throws Exception {
        store.add(lease("2001:db8:1::1", 1, 1, NOW));
        store.add(lease("2001:db8:2::1", 2, 2, NOW));
        assertThat(store.wipe(0)).isEqualTo(2);
        assertThat(store.getAll()).isEmpty();
        assertThat(store.countBySubnet().values()).allMatch(SubnetLeaseCounts6.ZERO::equals);
    }

    @Test
    void countBySubnetCountsAssignedAddressesDeclinedAddressesAndPrefixes() throws Exception {
        store.add(lease("2001:db8:1::1", 1, 1, NOW));
        store.add(lease("2001:db8:1::2", 2, 1, NOW - 100_000)); // expired, not reclaimed: still assigned
        store.add(lease("2001:db8:1::3", 3, 1, NOW).withState(LeaseState.DECLINED).withDuid(null));
        store.add(lease("2001:db8:1::4", 4, 1, NOW).withState(LeaseState.EXPIRED_RECLAIMED));
        store.add(lease("2001:db8:1::5", 5, 1, NOW).withState(LeaseState.RELEASED));
        store.add(lease("2001:db8:1::6", 6, 1, NOW).withState(LeaseState.REGISTERED));
        store.add(new Lease6(ip("2001:db8:1::7"), LeaseType6.TA, 128, duid(7), 1, 1800, 3600, NOW, 1, false, false, "",
                null, LeaseState.DEFAULT, null, 0)); // TA: not counted, as in Kea
        store.add(prefix("2001:db8:8000::", 48, 8, 1, NOW));
        store.add(prefix("2001:db8:8001::", 48, 9, 1, NOW - 100_000));
        store.add(prefix("2001:db8:8002::", 48, 10, 1, NOW).withState(LeaseState.EXPIRED_RECLAIMED));
        store.add(lease("2001:db8:2::1", 11, 2, NOW));
        store.add(prefix("2001:db8:9000::", 48, 12, 3, NOW));
        Map<Long, SubnetLeaseCounts6> counts = store.countBySubnet();
        assertThat(counts.get(1L)).isEqualTo(new SubnetLeaseCounts6(2, 1, 2));
        assertThat(counts.get(2L)).isEqualTo(new SubnetLeaseCounts6(1, 0, 0));
        assertThat(counts.get(3L)).isEqualTo(new SubnetLeaseCounts6(0, 0, 1));
    }

    @Test
    void flushSucceedsAndCloseIsIdempotent() throws Exception {
        store.add(lease("2001:db8:1::1", 1, 1, NOW));
        store.flush();
        store.close();
        store.close();
        store = null;
    }

    // ---- concurrency -----------------------------------------------------------------------------------------

    @Test
    void concurrentAddsOfOneAddressHaveExactlyOneWinner() throws Exception {
        int threads = 8;
        List<Boolean> results = race(threads, i -> store.add(lease("2001:db8:1::50", i, 1, NOW)));
        assertThat(results).filteredOn(r -> r).hasSize(1);
        Lease6 stored = store.get(LeaseType6.NA, ip("2001:db8:1::50")).orElseThrow();
        int winner = results.indexOf(Boolean.TRUE);
        assertThat(stored).isEqualTo(lease("2001:db8:1::50", winner, 1, NOW));
        assertThat(store.getAll()).hasSize(1);
    }

    @Test
    void concurrentAddsOfOneAddressAsAddressOrPrefixHaveExactlyOneWinner() throws Exception {
        List<Boolean> results = race(8, i -> store.add(i % 2 == 0
                ? lease("2001:db8:8000::", i, 1, NOW)
                : prefix("2001:db8:8000::", 48, i, 1, NOW)));
        assertThat(results).filteredOn(r -> r).hasSize(1);
        assertThat(store.getAll()).hasSize(1);
    }

    @Test
    void concurrentReplacesFromOneSnapshotHaveExactlyOneWinner() throws Exception {
        Lease6 base = lease("2001:db8:1::60", 1, 1, NOW);
        store.add(base);
        List<Boolean> results = race(8, i -> store.replace(base, base.withCltt(NOW + 1 + i)));
        assertThat(results).filteredOn(r -> r).hasSize(1);
        int winner = results.indexOf(Boolean.TRUE);
        assertThat(store.get(LeaseType6.NA, base.address())).contains(base.withCltt(NOW + 1 + winner));
    }

    @Test
    void concurrentDeletesFromOneSnapshotHaveExactlyOneWinner() throws Exception {
        Lease6 base = prefix("2001:db8:8000::", 48, 1, 1, NOW);
        store.add(base);
        List<Boolean> results = race(8, _ -> store.delete(base));
        assertThat(results).filteredOn(r -> r).hasSize(1);
        assertThat(store.getAll()).isEmpty();
    }

    @Test
    void concurrentAddsOfDistinctAddressesAllSucceed() throws Exception {
        List<Boolean> results = race(8, i -> {
            boolean all = true;
            for (int j = 0; j < 50; j++) {
                all &= store.add(j % 5 == 0
                        ? prefix("2001:db8:" + Integer.toHexString(0x8000 + i) + ":" + Integer.toHexString(j) + "00::", 56, j, i + 1, NOW)
                        : lease("2001:db8:" + i + "::" + Integer.toHexString(j + 1), j, i + 1, NOW));
            }
            return all;
        });
        assertThat(results).containsOnly(true);
        assertThat(store.getAll()).hasSize(400);
        assertThat(store.getBySubnet(3)).hasSize(50);
        assertThat(store.countBySubnet().get(3L)).isEqualTo(new SubnetLeaseCounts6(40, 0, 10));
    }

    @FunctionalInterface
    protected interface Action {
        boolean run(int thread) throws Exception;
    }

    /** Runs {@code action} on {@code threads} threads released together; returns each thread's result in order. */
    protected static List<Boolean> race(int threads, Action action) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<Boolean>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int n = i;
                Callable<Boolean> task = () -> {
                    start.await();
                    return action.run(n);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<Boolean> results = new ArrayList<>();
            for (Future<Boolean> f : futures) results.add(f.get());
            return results;
        }
    }
}
