package dev.nestor.lease.memfile;

import dev.nestor.common.time.Clock;
import dev.nestor.lease.LeaseStore4;
import dev.nestor.lease.LeaseStore4ConformanceTest;
import dev.nestor.lease.LeaseStores;
import dev.nestor.lease.StoreContext;
import java.nio.file.Path;
import java.util.Map;

/** The shared contract with persist=false, opened the way the server opens it (by type name). */
class MemfileInMemoryConformanceTest extends LeaseStore4ConformanceTest {
    @Override
    protected LeaseStore4 newStore(Clock clock) throws Exception {
        return LeaseStores.open4(Map.of("type", "memfile", "persist", "false"), new StoreContext(clock, Path.of("/nonexistent")));
    }
}
