package dev.nestor.lease.memfile;

import dev.nestor.common.time.Clock;
import dev.nestor.lease.LeaseStore6;
import dev.nestor.lease.LeaseStore6ConformanceTest;
import dev.nestor.lease.LeaseStores;
import dev.nestor.lease.StoreContext;
import java.nio.file.Path;
import java.util.Map;

/** The shared DHCPv6 contract with persist=false, opened the way the server opens it (by type name). */
class MemfileInMemoryConformance6Test extends LeaseStore6ConformanceTest {
    @Override
    protected LeaseStore6 newStore(Clock clock) throws Exception {
        return LeaseStores.open6(Map.of("type", "memfile", "persist", "false"), new StoreContext(clock, Path.of("/nonexistent")));
    }
}
