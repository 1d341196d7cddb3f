package dev.nestor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nestor.common.net.HwAddress;
import dev.nestor.common.net.Ipv4;
import dev.nestor.engine.alloc.LeaseDecision;
import dev.nestor.engine.alloc.LeaseRelease4;
import dev.nestor.engine.alloc.PoolCursors;
import dev.nestor.lease.Lease4;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Allocation in a pool that is almost full finds the few free addresses, and only those. */
class NearlyFullPoolTest {
    private static final String BIG = """
            { "valid-lifetime": 4000,
              "subnet4": [ { "id": 1, "subnet": "10.0.0.0/16", "pools": [ { "pool": "10.0.0.0 - 10.0.255.255" } ] } ] }
            """;

    private static Lease4 granted(LeaseDecision d) {
        assertThat(d).isInstanceOf(LeaseDecision.Granted.class);
        return ((LeaseDecision.Granted) d).lease();
    }

    private static HwAddress client(int n) {
        return HwAddress.ethernet(new byte[] {4, 0, 0, (byte) (n >> 16), (byte) (n >> 8), (byte) n});
    }

    @Test
    void theFreeAddressesOfA99PercentFullPoolAreHandedOutExactlyOnce() throws Exception {
        EngineFixture f = new EngineFixture(BIG);
        int base = Ipv4.parse("10.0.0.0");
        Random rnd = new Random(42);
        Set<Integer> free = new HashSet<>();
        for (int i = 0; i < 65536; i++) {
            if (rnd.nextInt(100) == 0) {
                free.add(base + i);
                continue;
            }
            f.store.add(Lease4.of(base + i, EngineFixture.mac(i), null, 4000, f.now.get(), 1));
        }
        Set<Integer> handedOut = new HashSet<>();
        for (int n = 0; n < free.size(); n++) {
            Lease4 l = granted(f.engine.allocate(f.ctx(1, client(n), false, 0)));
            assertThat(handedOut.add(l.address())).isTrue();
        }
        assertThat(handedOut).isEqualTo(free);
        assertThat(f.engine.allocate(f.ctx(1, client(1_000_000), true, 0))).isInstanceOf(LeaseDecision.NoAddress.class);
    }

    @Test
    void anAddressFreedBehindTheAllocatorsBackIsFoundWhenThePoolLooksFull() throws Exception {
        EngineFixture f = new EngineFixture("""
                { "subnet4": [ { "id": 1, "subnet": "192.0.2.0/24", "pools": [ { "pool": "192.0.2.1 - 192.0.2.100" } ] } ] }
                """);
        Lease4 victim = null;
        for (int n = 0; n < 100; n++) {
            Lease4 l = granted(f.engine.allocate(f.ctx(1, client(n), false, 0)));
            if (n == 40) victim = l;
        }
        assertThat(f.engine.allocate(f.ctx(1, client(500), true, 0))).isInstanceOf(LeaseDecision.NoAddress.class);
        // a command deletes a lease directly in the store: the allocator's map does not know
        assertThat(f.store.delete(victim)).isTrue();
        assertThat(granted(f.engine.allocate(f.ctx(1, client(500), false, 0))).address()).isEqualTo(victim.address());
    }

    @Test
    void aReleasedAddressIsFreeAtOnceThroughThePoolMaps() throws Exception {
        EngineFixture f = new EngineFixture("""
                { "subnet4": [ { "id": 1, "subnet": "192.0.2.0/24", "pools": [ { "pool": "192.0.2.1 - 192.0.2.3" } ] } ] }
                """);
        PoolCursors cursors = f.cursors;
        Lease4 first = granted(f.engine.allocate(f.ctx(1, client(1), false, 0)));
        granted(f.engine.allocate(f.ctx(1, client(2), false, 0)));
        granted(f.engine.allocate(f.ctx(1, client(3), false, 0)));
        LeaseRelease4 rel = new LeaseRelease4(f.store, f.stats, f.clock, cursors);
        assertThat(rel.release(first.address(), client(1), null)).isEqualTo(LeaseRelease4.Outcome.DONE);
        assertThat(granted(f.engine.allocate(f.ctx(1, client(4), true, 0))).address()).isEqualTo(first.address());
    }
}
