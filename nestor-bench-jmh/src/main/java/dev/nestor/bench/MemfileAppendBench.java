package dev.nestor.bench;

import dev.nestor.lease.Lease4;
import dev.nestor.lease.LeaseStoreException;
import dev.nestor.lease.StoreContext;
import dev.nestor.lease.memfile.MemfileLeaseStore4;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * A lease renewal in a persistent memfile store (compare-and-set, one CSV row appended, index updated), with
 * Nestor's sync policies. The 4-thread variant shows group commit: concurrent renewals share writes (and
 * fdatasyncs), so throughput grows with threads instead of queueing behind one lock.
 */
@State(Scope.Benchmark)
public class MemfileAppendBench {
    private static final int LEASES = 10_000;

    @Param({"write", "fsync"})
    public String sync;

    private Path dir;
    private MemfileLeaseStore4 store;
    private final AtomicLong next = new AtomicLong();

    @Setup(Level.Trial)
    public void setup() throws Exception {
        dir = Files.createTempDirectory("nestor-jmh-memfile");
        store = MemfileLeaseStore4.open(Map.of("name", "leases4.csv", "lfc-interval", "0", "nestor-sync", sync),
                new StoreContext(() -> 1_800_000_000L, dir));
        for (int i = 0; i < LEASES; i++) store.add(Lease4.of(0x0A000000 + i, Fixtures.mac(i), null, 36000, 1_800_000_000L, 1));
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        store.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    /** Renews the next lease (round robin over the store): read, compare-and-set with a new cltt. */
    private boolean renew() throws LeaseStoreException {
        long n = next.getAndIncrement();
        int address = 0x0A000000 + (int) (n % LEASES);
        Lease4 old = store.get(address).orElseThrow();
        return store.replace(old, old.withCltt(old.cltt() + 1));
    }

    @Benchmark
    @Threads(1)
    public boolean renewOneThread() throws LeaseStoreException {
        return renew();
    }

    @Benchmark
    @Threads(4)
    public boolean renewFourThreads() throws LeaseStoreException {
        return renew();
    }
}
