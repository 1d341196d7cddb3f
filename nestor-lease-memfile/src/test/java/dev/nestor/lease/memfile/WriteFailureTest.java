package dev.nestor.lease.memfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nestor.common.net.HwAddress;
import dev.nestor.common.net.Ipv4;
import dev.nestor.lease.Lease4;
import dev.nestor.lease.LeaseStoreException;
import dev.nestor.lease.StoreContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A lease that could not be written is not stored, and the caller hears about it. */
class WriteFailureTest {
    private static final long T = 1_700_000_000L;

    @TempDir
    Path dir;

    private MemfileLeaseStore4 open(Path file, String sync) throws Exception {
        return MemfileLeaseStore4.open(Map.of("name", file.toString(), "lfc-interval", "0", "nestor-sync", sync),
                new StoreContext(() -> T, dir));
    }

    private static Lease4 lease(String address, int mac) {
        return Lease4.of(Ipv4.parse(address), HwAddress.ethernet(new byte[] {0, 1, 2, 3, 4, (byte) mac}), null, 3600, T, 1);
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    @Test
    void removedDirectoryFailsEveryWriteAndLeavesMemoryUnchanged() throws Exception {
        Path sub = Files.createDirectory(dir.resolve("data"));
        try (MemfileLeaseStore4 store = open(sub.resolve("leases4.csv"), "write")) {
            Lease4 a = lease("192.0.2.1", 1);
            assertThat(store.add(a)).isTrue();
            deleteTree(sub);

            Lease4 b = lease("192.0.2.2", 2);
            assertThatThrownBy(() -> store.add(b)).isInstanceOf(LeaseStoreException.class).hasMessageContaining("removed");
            assertThat(store.get(b.address())).isEmpty();
            assertThatThrownBy(() -> store.replace(a, a.withCltt(T + 1))).isInstanceOf(LeaseStoreException.class);
            assertThat(store.get(a.address())).contains(a);
            assertThatThrownBy(() -> store.delete(a)).isInstanceOf(LeaseStoreException.class);
            assertThatThrownBy(() -> store.wipe(0)).isInstanceOf(LeaseStoreException.class);
            assertThat(store.getAll()).containsExactly(a);
        }
    }

    @Test
    void replacedLeaseFileFailsWrites() throws Exception {
        Path file = dir.resolve("leases4.csv");
        try (MemfileLeaseStore4 store = open(file, "fsync")) {
            store.add(lease("192.0.2.1", 1));
            Files.move(file, dir.resolve("moved-away.csv"));
            Files.writeString(file, LeaseCsv4.HEADER + "\n");
            assertThatThrownBy(() -> store.add(lease("192.0.2.2", 2))).isInstanceOf(LeaseStoreException.class)
                    .hasMessageContaining("replaced");
            assertThat(store.get(Ipv4.parse("192.0.2.2"))).isEmpty();
        }
    }

    @Test
    void unopenableLeaseFileFailsOpen() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");
        assertThatThrownBy(() -> open(notADirectory.resolve("leases4.csv"), "write"))
                .isInstanceOf(LeaseStoreException.class).hasMessageContaining("leases4.csv");
    }

    @Test
    void invalidParametersAreRejected() {
        assertThatThrownBy(() -> open(dir.resolve("a.csv"), "sometimes")).isInstanceOf(LeaseStoreException.class)
                .hasMessageContaining("nestor-sync=sometimes");
        assertThatThrownBy(() -> MemfileLeaseStore4.open(Map.of("persist", "yes"), new StoreContext(() -> T, dir)))
                .isInstanceOf(LeaseStoreException.class).hasMessageContaining("persist=yes");
        assertThatThrownBy(() -> MemfileLeaseStore4.open(Map.of("lfc-interval", "-1"), new StoreContext(() -> T, dir)))
                .isInstanceOf(LeaseStoreException.class).hasMessageContaining("lfc-interval");
    }

    @Test
    void everySyncPolicyPersistsByCloseAndDefaultsToKeaFileName() throws Exception {
        for (String sync : List.of("write", "fsync", "none")) {
            Path file = dir.resolve(sync + ".csv");
            try (MemfileLeaseStore4 store = open(file, sync)) {
                store.add(lease("192.0.2.1", 1));
            }
            try (MemfileLeaseStore4 store = open(file, sync)) {
                assertThat(store.getAll()).as(sync).containsExactly(lease("192.0.2.1", 1));
            }
        }
        try (MemfileLeaseStore4 store = MemfileLeaseStore4.open(Map.of("lfc-interval", "0"), new StoreContext(() -> T, dir))) {
            assertThat(store.leaseFile()).contains(dir.resolve("kea-leases4.csv").toAbsolutePath());
        }
    }
}
