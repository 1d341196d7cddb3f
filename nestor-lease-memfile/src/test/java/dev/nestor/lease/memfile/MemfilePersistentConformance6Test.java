package dev.nestor.lease.memfile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nestor.common.time.Clock;
import dev.nestor.lease.Lease6;
import dev.nestor.lease.LeaseStore6;
import dev.nestor.lease.LeaseStore6ConformanceTest;
import dev.nestor.lease.StoreContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared DHCPv6 contract with a lease file; after every test the file is replayed into a fresh store, which
 * must hold exactly what the first one held.
 */
class MemfilePersistentConformance6Test extends LeaseStore6ConformanceTest {
    @TempDir
    Path dir;

    private Map<String, String> params() {
        return Map.of("persist", "true", "name", "leases6.csv", "lfc-interval", "0");
    }

    @Override
    protected LeaseStore6 newStore(Clock clock) throws Exception {
        return MemfileLeaseStore6.open(params(), new StoreContext(clock, dir));
    }

    @AfterEach
    void reopenedStoreHoldsTheSameLeases() throws Exception {
        if (store == null) return;
        List<Lease6> before = store.getAll();
        store.close();
        try (LeaseStore6 reopened = newStore(clock)) {
            assertThat(reopened.getAll()).containsExactlyElementsOf(before);
        }
    }
}
