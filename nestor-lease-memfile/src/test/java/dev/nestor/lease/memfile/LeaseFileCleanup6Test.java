package dev.nestor.lease.memfile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nestor.common.Bytes;
import dev.nestor.common.net.Ipv6Text;
import dev.nestor.lease.Lease6;
import dev.nestor.lease.LeaseState;
import dev.nestor.lease.StoreContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lease file cleanup of a DHCPv6 file: the same protocol as v4, with v6 rows. */
class LeaseFileCleanup6Test {
    private static final String HEADER = LeaseCsv6.HEADER;
    private static final long T = 1_700_000_000L;

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("leases6.csv");
    }

    private Path sibling(String suffix) {
        return dir.resolve("leases6.csv" + suffix);
    }

    private MemfileLeaseStore6 open() throws Exception {
        return MemfileLeaseStore6.open(Map.of("name", file().toString(), "lfc-interval", "0"), new StoreContext(() -> T, dir));
    }

    private static Lease6 na(String address, int duid, long cltt) {
        return Lease6.na(Ipv6Text.parse(address), Bytes.of(new byte[] {0, 3, 0, 1, 0, 1, 2, 3, 4, (byte) duid}), 1, 1800,
                3600, cltt, 1);
    }

    private static Lease6 pd(String prefix, int length, int duid, long cltt) {
        return Lease6.pd(Ipv6Text.parse(prefix), length, Bytes.of(new byte[] {0, 3, 0, 1, 0, 1, 2, 3, 4, (byte) duid}), 2,
                1800, 3600, cltt, 1);
    }

    private static String row(Lease6 l) {
        return LeaseCsv6.format(l);
    }

    private List<String> filesInDir() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void cleanupLeavesOneRowPerLiveAddressInAddressOrder() throws Exception {
        Lease6 a3;
        Lease6 c = pd("2001:db8:8000::", 48, 3, T);
        Lease6 high = na("fd00::1", 4, T);
        try (MemfileLeaseStore6 store = open()) {
            Lease6 a = na("2001:db8:1::1", 1, T);
            Lease6 b = na("2001:db8:1::2", 2, T);
            store.add(high);
            store.add(a);
            store.add(b);
            store.add(c);
            Lease6 a2 = a.withCltt(T + 10);
            store.replace(a, a2);
            a3 = a2.withLifetimes(900, 1800).withCltt(T + 20);
            store.replace(a2, a3);
            store.delete(b);
            assertThat(Files.readAllLines(file())).hasSize(8);

            store.compactNow();

            assertThat(filesInDir()).containsExactly("leases6.csv", "leases6.csv.2");
            assertThat(Files.readAllLines(sibling(".2"))).containsExactly(HEADER, row(a3), row(c), row(high));
            assertThat(Files.readAllLines(file())).containsExactly(HEADER);

            // the next cleanup merges .2 with what was written since
            Lease6 c2 = c.withState(LeaseState.EXPIRED_RECLAIMED);
            store.replace(c, c2);
            Lease6 low = na("::1", 5, T);
            store.add(low);
            store.compactNow();
            assertThat(Files.readAllLines(sibling(".2"))).containsExactly(HEADER, row(low), row(a3), row(c2), row(high));
            assertThat(filesInDir()).containsExactly("leases6.csv", "leases6.csv.2");
        }
        try (MemfileLeaseStore6 reopened = open()) {
            assertThat(reopened.getAll()).extracting(Lease6::addressText)
                    .containsExactly("::1", "2001:db8:1::1", "2001:db8:8000::", "fd00::1");
        }
    }

    @Test
    void crashAfterRotationAndDuringOutputIsRecovered() throws Exception {
        Lease6 one = na("2001:db8:1::1", 1, T);
        Lease6 two = pd("2001:db8:8000::", 48, 2, T);
        Files.write(sibling(".2"), List.of(HEADER, row(one), row(two)));
        Files.write(sibling(".1"), List.of(HEADER, row(one.withCltt(T + 5)), LeaseCsv6.formatDeletion(two),
                row(na("2001:db8:1::3", 3, T))));
        Files.writeString(sibling(".output"), HEADER + "\n2001:db8:1::1,00:03:00:01,36");
        Files.write(file(), List.of(HEADER, row(na("2001:db8:1::4", 4, T))));

        try (MemfileLeaseStore6 store = open()) {
            assertThat(store.getAll()).containsExactly(one.withCltt(T + 5), na("2001:db8:1::3", 3, T), na("2001:db8:1::4", 4, T));
            store.compactNow();
            // .1 existed, so the current file was not rotated (as in Kea); .2 + .1 were compacted
            assertThat(filesInDir()).containsExactly("leases6.csv", "leases6.csv.2");
            assertThat(Files.readAllLines(sibling(".2"))).containsExactly(HEADER, row(one.withCltt(T + 5)),
                    row(na("2001:db8:1::3", 3, T)));
        }
    }
}
