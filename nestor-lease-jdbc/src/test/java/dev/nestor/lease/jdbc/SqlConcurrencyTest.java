package dev.nestor.lease.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nestor.common.net.HwAddress;
import dev.nestor.lease.Lease4;
import dev.nestor.lease.LeaseStore4;
import dev.nestor.lease.LeaseStores;
import dev.nestor.lease.StoreContext;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two stores with separate pools (as two servers sharing one database), four threads each, all adding leases for
 * random addresses of one small range: the database must let each address be taken once, every {@code true}
 * must be the row that is stored, and the trigger-kept statistics must agree with the rows.
 */
public abstract class SqlConcurrencyTest {
    private static final long NOW = 1_700_000_000L;
    private static final int RANGE = 48;
    private static final int ATTEMPTS_PER_THREAD = 150;
    private static final int BASE = 0xC0000200; // 192.0.2.0

    private DatabaseConfig db;

    protected abstract DbEngine engine();

    @BeforeEach
    void createDatabase() {
        db = TestDatabases.create(engine());
    }

    @AfterEach
    void dropDatabase() {
        TestDatabases.drop(db);
    }

    @Test
    void twoServersNeverHandOutAnAddressTwice() throws Exception {
        try (Connection c = JdbcConnections.open(db)) {
            SchemaMigrator.of(engine()).init(c);
        }
        race();
    }

    /** Kea's own statistics triggers update-then-insert, which collides under concurrency: the store retries. */
    @Test
    void twoServersNeverHandOutAnAddressTwiceOnAKeaAdminDatabase() throws Exception {
        KeaAdmin.require();
        KeaAdmin.run("db-init", db);
        try (Connection c = JdbcConnections.open(db)) {
            SchemaMigrator.of(engine()).upgrade(c);
        }
        race();
    }

    private void race() throws Exception {
        StoreContext ctx = new StoreContext(() -> NOW, Path.of("/nonexistent"));
        Map<String, String> params = TestDatabases.parameters(db);
        try (LeaseStore4 serverA = LeaseStores.open4(params, ctx); LeaseStore4 serverB = LeaseStores.open4(params, ctx)) {
            List<LeaseStore4> servers = List.of(serverA, serverB);
            int threads = 8;
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<Lease4>>> results = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
                for (int t = 0; t < threads; t++) {
                    LeaseStore4 store = servers.get(t % 2);
                    int client = t;
                    Callable<List<Lease4>> task = () -> {
                        start.await();
                        SplittableRandom random = new SplittableRandom(client);
                        List<Lease4> won = new ArrayList<>();
                        for (int i = 0; i < ATTEMPTS_PER_THREAD; i++) {
                            int address = BASE + 1 + random.nextInt(RANGE);
                            // a distinct client (MAC) per thread and attempt, so a row names its winner
                            HwAddress mac = HwAddress.ethernet(new byte[] {2, 0, 0, (byte) client, (byte) (i >> 8), (byte) i});
                            Lease4 lease = Lease4.of(address, mac, null, 3600, NOW, 1 + (address & 1));
                            if (store.add(lease)) won.add(lease);
                        }
                        return won;
                    };
                    results.add(pool.submit(task));
                }
                start.countDown();
                List<Lease4> allWon = new ArrayList<>();
                for (Future<List<Lease4>> f : results) allWon.addAll(f.get());

                Map<Integer, Lease4> byAddress = new HashMap<>();
                for (Lease4 l : allWon) {
                    Lease4 previous = byAddress.put(l.address(), l);
                    assertThat(previous).as("address handed out twice").isNull();
                }
                // with far more attempts than addresses, the range is used up
                assertThat(allWon).hasSize(RANGE);
                List<Lease4> rows = serverB.getAll();
                assertThat(rows).containsExactlyInAnyOrderElementsOf(allWon);
                long assigned = serverA.countBySubnet().values().stream().mapToLong(c -> c.assigned()).sum();
                assertThat(assigned).isEqualTo(RANGE);
            }
        }
    }
}
