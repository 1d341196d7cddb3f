package dev.nestor.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nestor.common.Bytes;
import dev.nestor.common.net.HwAddress;
import dev.nestor.common.net.Ipv4;
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
 * The contract of {@link LeaseStore4}, run against every backend (as Kea's generic_lease_mgr_unittest does):
 * extend it and implement {@link #newStore(Clock)} with a fresh, empty store.
 */
public abstract class LeaseStore4ConformanceTest {
    /** A fixed "now" for tests; stores must not depend on wall time for these operations. */
    protected static final long NOW = 1_700_000_000L;

    protected final AtomicLong time = new AtomicLong(NOW);
    protected final Clock clock = time::get;
    protected LeaseStore4 store;

    /** A new, empty store. It is closed after each test. */
    protected abstract LeaseStore4 newStore(Clock clock) throws Exception;

    @BeforeEach
    void openStore() throws Exception {
        store = newStore(clock);
    }

    @AfterEach
    void closeStore() {
        if (store != null) store.close();
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    protected static int ip(String text) {
        return Ipv4.parse(text);
    }

    protected static HwAddress mac(int last) {
        return HwAddress.ethernet(new byte[] {0x00, 0x11, 0x22, 0x33, 0x44, (byte) last});
    }

    /** A plain DEFAULT lease valid 3600 s from cltt. */
    protected static Lease4 lease(String address, int macLast, long subnetId, long cltt) {
        return Lease4.of(ip(address), mac(macLast), null, 3600, cltt, subnetId);
    }

    /** A lease with every field set to a non-default value, including characters a CSV file must escape. */
    protected static Lease4 fullLease(String address) {
        return new Lease4(ip(address), mac(0xab), Bytes.fromHex("01:00:11:22:33:44:ab"), 7200, NOW - 10, 42,
                true, false, "host,with,commas.example.org.", LeaseState.DEFAULT,
                "{ \"comment\": \"a, b & c\", \"n\": 1 }", 3);
    }

    private static List<String> addresses(List<Lease4> leases) {
        return leases.stream().map(l -> Ipv4.toString(l.address())).toList();
    }

    // ---- add / get -------------------------------------------------------------------------------------------

    @Test
    void addThenGetReturnsEqualLease() throws Exception {
        Lease4 l = fullLease("192.0.2.10");
        assertThat(store.add(l)).isTrue();
        assertThat(store.get(ip("192.0.2.10"))).contains(l);
    }

    @Test
    void getUnknownAddressIsEmpty() {
        assertThat(store.get(ip("192.0.2.99"))).isEmpty();
        assertThat(store.getAll()).isEmpty();
    }

    @Test
    void addOfExistingAddressReturnsFalseAndKeepsFirstLease() throws Exception {
        Lease4 first = lease("192.0.2.10", 1, 1, NOW);
        Lease4 second = lease("192.0.2.10", 2, 1, NOW);
        assertThat(store.add(first)).isTrue();
        assertThat(store.add(second)).isFalse();
        assertThat(store.get(ip("192.0.2.10"))).contains(first);
        assertThat(store.getByHwAddress(mac(2))).isEmpty();
    }

    @Test
    void addIsRefusedWhateverTheStateOfTheExistingLease() throws Exception {
        Lease4 reclaimed = lease("192.0.2.10", 1, 1, NOW - 10_000).withState(LeaseState.EXPIRED_RECLAIMED);
        assertThat(store.add(reclaimed)).isTrue();
        assertThat(store.add(lease("192.0.2.10", 2, 1, NOW))).isFalse();
    }

    @Test
    void leaseWithOnlyClientIdAndInfiniteLifetimeRoundTrips() throws Exception {
        Lease4 l = Lease4.of(ip("192.0.2.11"), null, Bytes.fromHex("ff:01:02"), Lease4.INFINITE_LIFETIME, NOW, 7);
        assertThat(store.add(l)).isTrue();
        assertThat(store.get(ip("192.0.2.11"))).contains(l);
        assertThat(store.get(ip("192.0.2.11")).orElseThrow().expire()).isEqualTo(NOW + 0xFFFFFFFFL);
    }

    // ---- replace (compare-and-set) ---------------------------------------------------------------------------

    @Test
    void replaceWithCurrentLeaseSucceedsAndUpdatesIndexes() throws Exception {
        Lease4 old = lease("192.0.2.10", 1, 1, NOW).withHostname("old.example.org.");
        store.add(old);
        Lease4 updated = old.withHwAddress(mac(2)).withHostname("new.example.org.").withCltt(NOW + 100);
        assertThat(store.replace(old, updated)).isTrue();
        assertThat(store.get(ip("192.0.2.10"))).contains(updated);
        assertThat(store.getByHwAddress(mac(1))).isEmpty();
        assertThat(store.getByHwAddress(mac(2))).containsExactly(updated);
        assertThat(store.getByHostname("old.example.org.")).isEmpty();
        assertThat(store.getByHostname("new.example.org.")).containsExactly(updated);
    }

    @Test
    void replaceWithStaleExpectedFailsAndChangesNothing() throws Exception {
        Lease4 original = lease("192.0.2.10", 1, 1, NOW);
        store.add(original);
        Lease4 renewedBySomeoneElse = original.withCltt(NOW + 50);
        assertThat(store.replace(original, renewedBySomeoneElse)).isTrue();
        // A second writer still holding the original must lose.
        assertThat(store.replace(original, original.withCltt(NOW + 60))).isFalse();
        assertThat(store.get(ip("192.0.2.10"))).contains(renewedBySomeoneElse);
    }

    @Test
    void replaceOfMissingLeaseFails() throws Exception {
        Lease4 l = lease("192.0.2.10", 1, 1, NOW);
        assertThat(store.replace(l, l.withCltt(NOW + 1))).isFalse();
        assertThat(store.get(ip("192.0.2.10"))).isEmpty();
    }

    @Test
    void replaceAcrossAddressesIsRejected() throws Exception {
        Lease4 l = lease("192.0.2.10", 1, 1, NOW);
        store.add(l);
        assertThatThrownBy(() -> store.replace(l, lease("192.0.2.11", 1, 1, NOW)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store.get(ip("192.0.2.10"))).contains(l);
        assertThat(store.get(ip("192.0.2.11"))).isEmpty();
    }

    @Test
    void replaceChangingSubnetAndStateMovesCounts() throws Exception {
        Lease4 l = lease("192.0.2.10", 1, 1, NOW);
        store.add(l);
        Lease4 declined = l.withSubnetId(2).withState(LeaseState.DECLINED).withHwAddress(null);
        assertThat(store.replace(l, declined)).isTrue();
        assertThat(store.getBySubnet(1)).isEmpty();
        assertThat(store.getBySubnet(2)).containsExactly(declined);
        Map<Long, SubnetLeaseCounts> counts = store.countBySubnet();
        assertThat(counts.getOrDefault(1L, new SubnetLeaseCounts(0, 0))).isEqualTo(new SubnetLeaseCounts(0, 0));
        assertThat(counts.get(2L)).isEqualTo(new SubnetLeaseCounts(0, 1));
    }

    // ---- delete (compare-and-delete) -------------------------------------------------------------------------

    @Test
    void deleteOfCurrentLeaseRemovesItFromEveryIndex() throws Exception {
        Lease4 l = fullLease("192.0.2.10");
        store.add(l);
        assertThat(store.delete(l)).isTrue();
        assertThat(store.get(l.address())).isEmpty();
        assertThat(store.getByHwAddress(l.hwAddress())).isEmpty();
        assertThat(store.getByClientId(l.clientId())).isEmpty();
        assertThat(store.getByHostname(l.hostname())).isEmpty();
        assertThat(store.getBySubnet(l.subnetId())).isEmpty();
        assertThat(store.getExpired(NOW + 1_000_000, 0)).isEmpty();
        assertThat(store.countBySubnet().getOrDefault(42L, new SubnetLeaseCounts(0, 0)).assigned()).isZero();
        // the address is free again
        assertThat(store.add(l)).isTrue();
    }

    @Test
    void deleteWithStaleExpectedFails() throws Exception {
        Lease4 l = lease("192.0.2.10", 1, 1, NOW);
        store.add(l);
        assertThat(store.delete(l.withCltt(NOW - 1))).isFalse();
        assertThat(store.delete(lease("192.0.2.11", 1, 1, NOW))).isFalse();
        assertThat(store.get(l.address())).contains(l);
    }

    // ---- lookups ---------------------------------------------------------------------------------------------

    @Test
    void getByHwAddressFindsAllSubnetsOrOne() throws Exception {
        Lease4 a = lease("192.0.2.10", 1, 1, NOW);
        Lease4 b = lease("198.51.100.10", 1, 2, NOW);
        Lease4 other = lease("192.0.2.11", 2, 1, NOW);
        store.add(b);
        store.add(a);
        store.add(other);
        assertThat(store.getByHwAddress(mac(1))).containsExactly(a, b);
        assertThat(store.getByHwAddress(mac(1), 2)).containsExactly(b);
        assertThat(store.getByHwAddress(mac(1), 3)).isEmpty();
        assertThat(store.getByHwAddress(mac(9))).isEmpty();
    }

    @Test
    void getByHwAddressDistinguishesHardwareType() throws Exception {
        Lease4 ether = lease("192.0.2.10", 1, 1, NOW);
        store.add(ether);
        HwAddress sameBytesOtherType = new HwAddress(6, mac(1).bytes());
        assertThat(store.getByHwAddress(sameBytesOtherType)).isEmpty();
    }

    @Test
    void getByClientIdFindsAllSubnetsOrOne() throws Exception {
        Bytes cid = Bytes.fromHex("01:00:11:22:33:44:55");
        Lease4 a = Lease4.of(ip("192.0.2.10"), mac(1), cid, 3600, NOW, 1);
        Lease4 b = Lease4.of(ip("198.51.100.10"), null, cid, 3600, NOW, 2);
        store.add(a);
        store.add(b);
        store.add(lease("192.0.2.11", 1, 1, NOW));
        assertThat(store.getByClientId(cid)).containsExactly(a, b);
        assertThat(store.getByClientId(cid, 1)).containsExactly(a);
        assertThat(store.getByClientId(Bytes.fromHex("01:02"))).isEmpty();
    }

    @Test
    void getByHostnameMatchesExactly() throws Exception {
        Lease4 a = lease("192.0.2.10", 1, 1, NOW).withHostname("printer.example.org.");
        Lease4 b = lease("192.0.2.11", 2, 2, NOW).withHostname("printer.example.org.");
        store.add(a);
        store.add(b);
        store.add(lease("192.0.2.12", 3, 1, NOW).withHostname("scanner.example.org."));
        store.add(lease("192.0.2.13", 4, 1, NOW));
        assertThat(store.getByHostname("printer.example.org.")).containsExactly(a, b);
        assertThat(store.getByHostname("printer")).isEmpty();
    }

    @Test
    void getBySubnetAndGetAllAreInUnsignedAddressOrder() throws Exception {
        Lease4 high = lease("203.0.113.5", 1, 1, NOW);
        Lease4 low = lease("10.0.0.5", 2, 1, NOW);
        Lease4 mid = lease("192.0.2.5", 3, 2, NOW);
        store.add(high);
        store.add(mid);
        store.add(low);
        assertThat(store.getAll()).containsExactly(low, mid, high);
        assertThat(store.getBySubnet(1)).containsExactly(low, high);
        assertThat(store.getBySubnet(2)).containsExactly(mid);
        assertThat(store.getBySubnet(3)).isEmpty();
    }

    @Test
    void returnedListsAreSnapshots() throws Exception {
        store.add(lease("192.0.2.10", 1, 1, NOW));
        List<Lease4> all = store.getAll();
        store.add(lease("192.0.2.11", 2, 1, NOW));
        assertThat(all).hasSize(1);
        assertThatThrownBy(() -> all.add(lease("192.0.2.12", 3, 1, NOW)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void getPagePagesThroughAllLeasesInUnsignedOrder() throws Exception {
        List<String> expected = List.of("0.0.0.0", "10.0.0.1", "192.0.2.1", "192.0.2.2", "203.0.113.1", "255.255.255.254");
        for (int i = expected.size() - 1; i >= 0; i--) store.add(lease(expected.get(i), i, 1, NOW));

        List<String> seen = new ArrayList<>();
        int from = 0;
        List<Lease4> page;
        int pages = 0;
        while (!(page = store.getPage(from, 4)).isEmpty()) {
            pages++;
            assertThat(page.size()).isLessThanOrEqualTo(4);
            seen.addAll(addresses(page));
            from = page.getLast().address();
        }
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(pages).isEqualTo(2);
        assertThat(addresses(store.getPage(ip("192.0.2.1"), 2))).containsExactly("192.0.2.2", "203.0.113.1");
    }

    // ---- expiry and reclamation ------------------------------------------------------------------------------

    @Test
    void getExpiredReturnsOldestFirstAndHonoursLimit() throws Exception {
        // expire = cltt + 3600
        Lease4 oldest = lease("192.0.2.30", 1, 1, NOW - 9000);
        Lease4 middle = lease("192.0.2.10", 2, 1, NOW - 8000);
        Lease4 newest = lease("192.0.2.20", 3, 1, NOW - 7000);
        Lease4 tieLowAddress = lease("192.0.2.5", 4, 1, NOW - 8000);
        store.add(newest);
        store.add(middle);
        store.add(oldest);
        store.add(tieLowAddress);
        store.add(lease("192.0.2.40", 5, 1, NOW)); // still valid
        assertThat(store.getExpired(NOW, 0)).containsExactly(oldest, tieLowAddress, middle, newest);
        assertThat(store.getExpired(NOW, 2)).containsExactly(oldest, tieLowAddress);
    }

    @Test
    void getExpiredSkipsInfiniteReclaimedReleasedAndNotYetExpiredLeases() throws Exception {
        store.add(Lease4.of(ip("192.0.2.1"), mac(1), null, Lease4.INFINITE_LIFETIME, 0, 1));
        Lease4 declined = lease("192.0.2.2", 2, 1, NOW - 9000).withState(LeaseState.DECLINED);
        store.add(declined);
        store.add(lease("192.0.2.3", 3, 1, NOW - 9000).withState(LeaseState.EXPIRED_RECLAIMED));
        store.add(lease("192.0.2.4", 4, 1, NOW - 9000).withState(LeaseState.RELEASED));
        Lease4 expiresExactlyNow = lease("192.0.2.5", 5, 1, NOW - 3600);
        store.add(expiresExactlyNow);
        // declined addresses come back when their probation ends, like expired leases (Kea's getExpiredLeases4)
        assertThat(store.getExpired(NOW, 0)).containsExactly(declined);
        assertThat(store.getExpired(NOW + 1, 0)).containsExactly(declined, expiresExactlyNow);
    }

    @Test
    void reclaimingViaReplaceRemovesLeaseFromExpiredScan() throws Exception {
        Lease4 expired = lease("192.0.2.10", 1, 1, NOW - 9000);
        store.add(expired);
        assertThat(store.getExpired(NOW, 10)).containsExactly(expired);
        assertThat(store.replace(expired, expired.withState(LeaseState.EXPIRED_RECLAIMED))).isTrue();
        assertThat(store.getExpired(NOW, 10)).isEmpty();
    }

    @Test
    void deleteReclaimedExpiredBeforeRemovesOnlyOldReclaimedLeases() throws Exception {
        Lease4 oldReclaimed = lease("192.0.2.1", 1, 1, NOW - 9000).withState(LeaseState.EXPIRED_RECLAIMED);
        Lease4 recentReclaimed = lease("192.0.2.2", 2, 1, NOW - 100).withState(LeaseState.EXPIRED_RECLAIMED);
        Lease4 oldDefault = lease("192.0.2.3", 3, 1, NOW - 9000);
        Lease4 oldDeclined = lease("192.0.2.4", 4, 1, NOW - 9000).withState(LeaseState.DECLINED);
        store.add(oldReclaimed);
        store.add(recentReclaimed);
        store.add(oldDefault);
        store.add(oldDeclined);
        assertThat(store.deleteReclaimedExpiredBefore(NOW)).isEqualTo(1);
        assertThat(store.getAll()).containsExactly(recentReclaimed, oldDefault, oldDeclined);
        assertThat(store.deleteReclaimedExpiredBefore(NOW)).isZero();
    }

    // ---- wipe and counts -------------------------------------------------------------------------------------

    @Test
    void wipeOfOneSubnetLeavesOthers() throws Exception {
        store.add(lease("192.0.2.1", 1, 1, NOW));
        store.add(lease("192.0.2.2", 2, 1, NOW));
        Lease4 keep = lease("198.51.100.1", 3, 2, NOW);
        store.add(keep);
        assertThat(store.wipe(1)).isEqualTo(2);
        assertThat(store.getAll()).containsExactly(keep);
        assertThat(store.getByHwAddress(mac(1))).isEmpty();
    }

    @Test
    void wipeOfSubnetZeroRemovesEverything() throws Exception {
        store.add(lease("192.0.2.1", 1, 1, NOW));
        store.add(lease("198.51.100.1", 2, 2, NOW));
        assertThat(store.wipe(0)).isEqualTo(2);
        assertThat(store.getAll()).isEmpty();
        assertThat(store.countBySubnet().values()).allMatch(c -> c.assigned() == 0 && c.declined() == 0);
    }

    @Test
    void countBySubnetCountsAssignedIncludingExpiredAndDeclined() throws Exception {
        store.add(lease("192.0.2.1", 1, 1, NOW));
        store.add(lease("192.0.2.2", 2, 1, NOW - 100_000)); // expired, not reclaimed: still assigned
        store.add(lease("192.0.2.3", 3, 1, NOW).withState(LeaseState.DECLINED));
        store.add(lease("192.0.2.4", 4, 1, NOW).withState(LeaseState.EXPIRED_RECLAIMED));
        store.add(lease("192.0.2.5", 5, 1, NOW).withState(LeaseState.RELEASED));
        store.add(lease("198.51.100.1", 6, 2, NOW));
        Map<Long, SubnetLeaseCounts> counts = store.countBySubnet();
        assertThat(counts.get(1L)).isEqualTo(new SubnetLeaseCounts(2, 1));
        assertThat(counts.get(2L)).isEqualTo(new SubnetLeaseCounts(1, 0));
    }

    @Test
    void flushSucceedsAndCloseIsIdempotent() throws Exception {
        store.add(lease("192.0.2.1", 1, 1, NOW));
        store.flush();
        store.close();
        store.close();
        store = null;
    }

    // ---- concurrency -----------------------------------------------------------------------------------------

    @Test
    void concurrentAddsOfOneAddressHaveExactlyOneWinner() throws Exception {
        int threads = 8;
        List<Boolean> results = race(threads, i -> store.add(lease("192.0.2.50", i, 1, NOW)));
        assertThat(results).filteredOn(r -> r).hasSize(1);
        Lease4 stored = store.get(ip("192.0.2.50")).orElseThrow();
        int winner = results.indexOf(Boolean.TRUE);
        assertThat(stored).isEqualTo(lease("192.0.2.50", winner, 1, NOW));
        assertThat(store.getAll()).hasSize(1);
    }

    @Test
    void concurrentReplacesFromOneSnapshotHaveExactlyOneWinner() throws Exception {
        Lease4 base = lease("192.0.2.60", 1, 1, NOW);
        store.add(base);
        List<Boolean> results = race(8, i -> store.replace(base, base.withCltt(NOW + 1 + i)));
        assertThat(results).filteredOn(r -> r).hasSize(1);
        int winner = results.indexOf(Boolean.TRUE);
        assertThat(store.get(base.address())).contains(base.withCltt(NOW + 1 + winner));
    }

    @Test
    void concurrentAddsOfDistinctAddressesAllSucceed() throws Exception {
        List<Boolean> results = race(8, i -> {
            boolean all = true;
            for (int j = 0; j < 50; j++) all &= store.add(lease("10.0." + i + "." + (j + 1), j, i + 1, NOW));
            return all;
        });
        assertThat(results).containsOnly(true);
        assertThat(store.getAll()).hasSize(400);
        assertThat(store.getBySubnet(3)).hasSize(50);
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
