package dev.nestor.lease.memfile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nestor.common.net.HwAddress;
import dev.nestor.common.net.Ipv4;
import dev.nestor.lease.Lease4;
import dev.nestor.lease.StoreContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Concurrent lease changes share writes, and none returns before its row is in the file. */
class GroupCommitTest {
    private static final long T = 1_700_000_000L;

    @TempDir
    Path dir;

    private static Lease4 lease(int n, int mac) {
        return Lease4.of(Ipv4.parse("10.0.0.0") + n, HwAddress.ethernet(new byte[] {2, 0, 0, 0, (byte) (mac >> 8), (byte) mac}),
                null, 3600, T, 1);
    }

    @Test
    void rowsQueuedTogetherGoOutInOneWrite() throws Exception {
        Path file = dir.resolve("rows.csv");
        try (LeaseFileWriter w = LeaseFileWriter.open(file, LeaseCsv4.HEADER, SyncPolicy.FSYNC)) {
            LeaseFileWriter.Batch first = w.enqueue(List.of(LeaseCsv4.format(lease(1, 1))));
            LeaseFileWriter.Batch second = w.enqueue(List.of(LeaseCsv4.format(lease(2, 2)), LeaseCsv4.format(lease(3, 3))));
            assertThat(second).isSameAs(first);
            w.await(first);
            w.await(second);
            assertThat(w.batchCounts()).containsExactly(1, 3);
            assertThat(Files.readAllLines(file)).hasSize(4);
            // the next row starts a new batch
            w.append(List.of(LeaseCsv4.format(lease(4, 4))));
            assertThat(w.batchCounts()).containsExactly(2, 4);
        }
    }

    @Test
    void concurrentAddsAreAllDurableWhenTheyReturn() throws Exception {
        Map<String, String> params = Map.of("name", "leases4.csv", "lfc-interval", "0", "nestor-sync", "fsync");
        int threads = 8;
        int perThread = 50;
        try (MemfileLeaseStore4 store = MemfileLeaseStore4.open(params, new StoreContext(() -> T, dir))) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<Boolean>> results = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int base = t * perThread;
                    results.add(pool.submit(() -> {
                        for (int i = 0; i < perThread; i++) {
                            Lease4 l = lease(base + i + 1, base + i);
                            if (!store.add(l)) return false;
                            // returned: the row must already be in the file (another reader sees it)
                            if (!Files.readString(dir.resolve("leases4.csv")).contains(Ipv4.toString(l.address()) + ","))
                                return false;
                        }
                        return true;
                    }));
                }
                for (Future<Boolean> f : results) assertThat(f.get()).isTrue();
            } finally {
                pool.shutdown();
            }
            assertThat(store.getAll()).hasSize(threads * perThread);
        }
        try (MemfileLeaseStore4 reopened = MemfileLeaseStore4.open(params, new StoreContext(() -> T, dir))) {
            assertThat(reopened.getAll()).hasSize(threads * perThread);
        }
    }

    @Test
    void racingChangesOfOneAddressAreSerialisedAndOnlyOneWins() throws Exception {
        Map<String, String> params = Map.of("name", "leases4.csv", "lfc-interval", "0");
        try (MemfileLeaseStore4 store = MemfileLeaseStore4.open(params, new StoreContext(() -> T, dir))) {
            Lease4 initial = lease(1, 1);
            assertThat(store.add(initial)).isTrue();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<Boolean>> results = new ArrayList<>();
            try {
                for (int t = 0; t < 8; t++) {
                    int n = t;
                    Callable<Boolean> race = () -> store.replace(initial, initial.withCltt(T + 1 + n));
                    results.add(pool.submit(race));
                }
                int won = 0;
                for (Future<Boolean> f : results) won += f.get() ? 1 : 0;
                assertThat(won).isEqualTo(1);
            } finally {
                pool.shutdown();
            }
            Lease4 stored = store.get(initial.address()).orElseThrow();
            assertThat(stored.cltt()).isGreaterThan(T);
            store.close();
            try (MemfileLeaseStore4 reopened = MemfileLeaseStore4.open(params, new StoreContext(() -> T, dir))) {
                assertThat(reopened.get(initial.address())).contains(stored);
            }
        }
    }
}
