package dev.nestor.engine.v6;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nestor.codec.net.Ipv6Prefix;
import dev.nestor.engine.alloc.PoolCursors;
import dev.nestor.lease.Lease6;
import dev.nestor.lease.memfile.MemfileLeaseStore6;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Two engines ("servers") with their own cursors share one store; many clients allocate at once from a small pool
 * and pd-pool. Compare-and-set writes must never hand an address or a prefix to two clients.
 */
class Concurrency6Test {
    static final String CONFIG = """
            { "subnet6": [ { "id": 1, "subnet": "2001:db8:1::/64",
                "pools": [ { "pool": "2001:db8:1::1 - 2001:db8:1::40" } ],
                "pd-pools": [ { "prefix": "2001:db8:8000::", "prefix-len": 56, "delegated-len": 62 } ] } ] }
            """;

    @Test
    void noAddressOrPrefixIsHandedOutTwice() throws Exception {
        MemfileLeaseStore6 shared = MemfileLeaseStore6.inMemory();
        Engine6Fixture a = new Engine6Fixture(CONFIG, shared);
        Engine6Fixture b = new Engine6Fixture(CONFIG, shared);
        List<Future<List<IaDecision>>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 100; i++) {
                Engine6Fixture f = i % 2 == 0 ? a : b;
                var ctx = f.ctx(1, Engine6Fixture.duid(i), false);
                results.add(pool.submit(() -> f.engine.allocate(ctx, List.of(IaRequest.na(1), IaRequest.pd(2)))));
            }
        }
        Set<Ipv6Prefix> seen = new HashSet<>();
        int addresses = 0, prefixes = 0;
        for (Future<List<IaDecision>> r : results) {
            for (IaDecision d : r.get()) {
                if (!(d instanceof IaDecision.Granted g)) continue;
                for (Lease6 l : g.leases()) {
                    assertThat(seen.add(new Ipv6Prefix(l.address(), l.prefixLength()))).as("handed out twice: %s", l).isTrue();
                    if (l.prefixLength() == 128) addresses++; else prefixes++;
                }
            }
        }
        // 64 addresses and 64 prefixes for 100 clients: every one of them is used exactly once
        assertThat(addresses).isEqualTo(64);
        assertThat(prefixes).isEqualTo(64);
        assertThat(shared.getAll()).hasSize(128);
    }
}
