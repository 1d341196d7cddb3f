package dev.nestor.lease.memfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nestor.common.net.HwAddress;
import dev.nestor.common.net.Ipv4;
import dev.nestor.lease.Lease4;
import dev.nestor.lease.LeaseState;
import dev.nestor.lease.LeaseStoreException;
import dev.nestor.lease.StoreContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lease file cleanup: Kea's file protocol, its result, and recovery from a crash at each step. */
class LeaseFileCleanupTest {
    private static final String HEADER = LeaseCsv4.HEADER;
    private static final long T = 1_700_000_000L;

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("leases4.csv");
    }

    private Path sibling(String suffix) {
        return dir.resolve("leases4.csv" + suffix);
    }

    private MemfileLeaseStore4 open() throws Exception {
        return MemfileLeaseStore4.open(Map.of("name", file().toString(), "lfc-interval", "0"),
                new StoreContext(() -> T, dir));
    }

    private static Lease4 lease(String address, int mac, long cltt) {
        return Lease4.of(Ipv4.parse(address), HwAddress.ethernet(new byte[] {0, 1, 2, 3, 4, (byte) mac}), null, 3600, cltt, 1);
    }

    private static String row(String address, int mac, long cltt) {
        return LeaseCsv4.format(lease(address, mac, cltt));
    }

    private List<String> filesInDir() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void cleanupLeavesOneRowPerLiveAddressInPreviousFile() throws Exception {
        try (MemfileLeaseStore4 store = open()) {
            Lease4 a = lease("192.0.2.1", 1, T);
            Lease4 b = lease("192.0.2.2", 2, T);
            Lease4 c = lease("192.0.2.3", 3, T);
            store.add(a);
            store.add(b);
            store.add(c);
            Lease4 a2 = a.withCltt(T + 10);
            store.replace(a, a2);
            Lease4 a3 = a2.withCltt(T + 20);
            store.replace(a2, a3);
            store.delete(b);
            assertThat(Files.readAllLines(file())).hasSize(7);

            store.compactNow();

            assertThat(filesInDir()).containsExactly("leases4.csv", "leases4.csv.2");
            assertThat(Files.readAllLines(sibling(".2"))).containsExactly(HEADER, LeaseCsv4.format(a3), LeaseCsv4.format(c));
            assertThat(Files.readAllLines(file())).containsExactly(HEADER);

            // the next cleanup merges .2 with what was written since
            Lease4 c2 = c.withState(LeaseState.EXPIRED_RECLAIMED);
            store.replace(c, c2);
            Lease4 d = lease("10.0.0.1", 4, T);
            store.add(d);
            store.compactNow();
            assertThat(Files.readAllLines(sibling(".2")))
                    .containsExactly(HEADER, LeaseCsv4.format(d), LeaseCsv4.format(a3), LeaseCsv4.format(c2));
            assertThat(filesInDir()).containsExactly("leases4.csv", "leases4.csv.2");
        }
        try (MemfileLeaseStore4 reopened = open()) {
            assertThat(reopened.getAll()).extracting(l -> Ipv4.toString(l.address()))
                    .containsExactly("10.0.0.1", "192.0.2.1", "192.0.2.3");
        }
    }

    @Test
    void crashAfterRotationAndDuringOutputIsRecovered() throws Exception {
        // previous cleanup result, the rotated copy, a half-written output, and the new current file
        Files.write(sibling(".2"), List.of(HEADER, row("192.0.2.1", 1, T), row("192.0.2.2", 2, T)));
        Files.write(sibling(".1"), List.of(HEADER, row("192.0.2.1", 1, T + 5),
                LeaseCsv4.formatDeletion(lease("192.0.2.2", 2, T)), row("192.0.2.3", 3, T)));
        Files.writeString(sibling(".output"), HEADER + "\n192.0.2.1,00:01:02:03:04:01,,36");
        Files.write(file(), List.of(HEADER, row("192.0.2.4", 4, T)));

        try (MemfileLeaseStore4 store = open()) {
            assertThat(store.getAll()).containsExactly(lease("192.0.2.1", 1, T + 5), lease("192.0.2.3", 3, T),
                    lease("192.0.2.4", 4, T));
            store.add(lease("192.0.2.5", 5, T));

            store.compactNow();

            // .1 existed, so the current file was not rotated (as in Kea); .2 + .1 were compacted
            assertThat(filesInDir()).containsExactly("leases4.csv", "leases4.csv.2");
            assertThat(Files.readAllLines(sibling(".2")))
                    .containsExactly(HEADER, row("192.0.2.1", 1, T + 5), row("192.0.2.3", 3, T));
            assertThat(Files.readAllLines(file())).containsExactly(HEADER, row("192.0.2.4", 4, T), row("192.0.2.5", 5, T));
        }
        try (MemfileLeaseStore4 reopened = open()) {
            assertThat(reopened.getAll()).hasSize(4);
        }
    }

    @Test
    void crashAfterCompletedFileIsRecoveredAndCompletedSupersedesInputs() throws Exception {
        // .completed already holds .2 + .1; stale .2/.1 must not be replayed on top of it
        Files.write(sibling(".2"), List.of(HEADER, row("192.0.2.9", 9, T)));
        Files.write(sibling(".1"), List.of(HEADER, LeaseCsv4.formatDeletion(lease("192.0.2.9", 9, T)), row("192.0.2.1", 1, T)));
        Files.write(sibling(".completed"), List.of(HEADER, row("192.0.2.1", 1, T)));
        Files.write(file(), List.of(HEADER, row("192.0.2.2", 2, T)));

        try (MemfileLeaseStore4 store = open()) {
            assertThat(store.getAll()).containsExactly(lease("192.0.2.1", 1, T), lease("192.0.2.2", 2, T));
            store.compactNow();
            assertThat(filesInDir()).containsExactly("leases4.csv", "leases4.csv.2");
            assertThat(Files.readAllLines(sibling(".2"))).containsExactly(HEADER, row("192.0.2.1", 1, T));
            // a second run now rotates and compacts normally
            store.compactNow();
            assertThat(Files.readAllLines(sibling(".2"))).containsExactly(HEADER, row("192.0.2.1", 1, T), row("192.0.2.2", 2, T));
            assertThat(Files.readAllLines(file())).containsExactly(HEADER);
        }
    }

    @Test
    void crashRightAfterRotationLosesNothing() throws Exception {
        // the server died between renaming the file to .1 and creating the new one
        Files.write(sibling(".1"), List.of(HEADER, row("192.0.2.1", 1, T)));
        try (MemfileLeaseStore4 store = open()) {
            assertThat(store.getAll()).containsExactly(lease("192.0.2.1", 1, T));
            assertThat(Files.readAllLines(file())).containsExactly(HEADER);
        }
    }

    @Test
    void cleanupByAnotherLiveProcessBlocksLoadingAndIsNotDisturbed() throws Exception {
        long otherPid = ProcessHandle.current().parent().orElseThrow().pid();
        Files.write(file(), List.of(HEADER, row("192.0.2.1", 1, T)));
        Files.writeString(sibling(".pid"), otherPid + "\n", StandardCharsets.US_ASCII);
        assertThatThrownBy(this::open).isInstanceOf(LeaseStoreException.class)
                .hasMessageContaining("lease file cleanup is in progress");

        Files.delete(sibling(".pid"));
        try (MemfileLeaseStore4 store = open()) {
            Files.writeString(sibling(".pid"), otherPid + "\n", StandardCharsets.US_ASCII);
            store.compactNow();
            assertThat(filesInDir()).containsExactly("leases4.csv", "leases4.csv.pid");
            Files.delete(sibling(".pid"));
        }
    }

    @Test
    void stalePidFileOfADeadProcessIsIgnored() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        Files.writeString(sibling(".pid"), p.pid() + "\n", StandardCharsets.US_ASCII);
        try (MemfileLeaseStore4 store = open()) {
            store.add(lease("192.0.2.1", 1, T));
            store.compactNow();
            assertThat(filesInDir()).containsExactly("leases4.csv", "leases4.csv.2");
        }
    }
}
