package dev.nestor.lease.memfile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nestor.common.Bytes;
import dev.nestor.common.net.HwAddress;
import dev.nestor.lease.Lease4;
import dev.nestor.lease.LeaseState;
import dev.nestor.lease.StoreContext;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file large enough to be parsed in two halves, with rows for the same address in both halves, deletions,
 * invalid rows and rows only the general parser takes: the store holds exactly what replaying the rows in file
 * order gives, and every index agrees with it.
 */
class LargeFileLoadTest {
    private static final long NOW = 1_700_000_000L;

    @TempDir
    Path dir;

    @Test
    void loadsAsAReplayInFileOrder() throws Exception {
        Random rnd = new Random(11);
        Path file = dir.resolve("leases4.csv");
        Map<Integer, Lease4> expected = new HashMap<>();
        int rows = 0;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.ISO_8859_1)) {
            w.write(LeaseCsv4.HEADER);
            w.write('\n');
            // addresses from a small range, so that later rows (often in the other half) replace or delete them
            while (Files.size(file) < LeaseFileReader.PARALLEL_MIN_BYTES + (1 << 20) || rows % 1000 != 0) {
                w.flush();
                for (int i = 0; i < 1000; i++, rows++) {
                    int address = 0xC0000000 | rnd.nextInt(40_000);
                    int kind = rnd.nextInt(100);
                    if (kind == 0) {
                        w.write("garbage row " + rows + "\n");
                        continue;
                    }
                    Lease4 l = lease(rnd, address, rows);
                    String row = kind < 8 ? LeaseCsv4.formatDeletion(l) : LeaseCsv4.format(l);
                    if (kind == 9) {
                        // flags as words: only the general parser takes them
                        l = l.withFqdn(true, false);
                        String[] v = LeaseCsv4.format(l).split(",", -1);
                        v[6] = "true";
                        v[7] = "false";
                        row = String.join(",", v);
                    }
                    w.write(row);
                    w.write(kind == 10 ? "\r\n" : "\n");
                    if (kind < 8) expected.remove(address);
                    else expected.put(address, l);
                }
            }
        }
        try (MemfileLeaseStore4 store = MemfileLeaseStore4.open(Map.of("name", file.toString(), "lfc-interval", "0"),
                new StoreContext(() -> NOW, dir))) {
            List<Lease4> all = store.getAll();
            assertThat(all).containsExactlyElementsOf(new TreeMap<Integer, Lease4>(Integer::compareUnsigned) {{
                putAll(expected);
            }}.values());
            // the secondary indexes and counts agree with the leases
            Map<Long, Long> assigned = new HashMap<>();
            int missing = 0;
            for (Lease4 l : all) {
                if (!store.getByHwAddress(l.hwAddress()).contains(l)) missing++;
                if (!store.getByClientId(l.clientId()).contains(l)) missing++;
                if (!l.hostname().isEmpty() && !store.getByHostname(l.hostname()).contains(l)) missing++;
                if (l.state() == LeaseState.DEFAULT) assigned.merge(l.subnetId(), 1L, Long::sum);
            }
            assertThat(missing).as("leases missing from a secondary index").isZero();
            assertThat(store.getByHostname("h7.example.org.")).allMatch(l -> l.hostname().equals("h7.example.org."))
                    .hasSize((int) all.stream().filter(l -> l.hostname().equals("h7.example.org.")).count());
            for (long subnet = 1; subnet <= 3; subnet++) {
                long s = subnet;
                assertThat(store.getBySubnet(subnet)).containsExactlyElementsOf(all.stream().filter(l -> l.subnetId() == s).toList());
                assertThat(store.countBySubnet().get(subnet).assigned()).isEqualTo(assigned.get(subnet));
            }
            List<Lease4> expiredRef = new ArrayList<>(all.stream()
                    .filter(l -> (l.state() == LeaseState.DEFAULT || l.state() == LeaseState.DECLINED) && l.expire() < NOW)
                    .toList());
            expiredRef.sort((a, b) -> a.expire() != b.expire() ? Long.compare(a.expire(), b.expire())
                    : Integer.compareUnsigned(a.address(), b.address()));
            assertThat(store.getExpired(NOW, 0)).containsExactlyElementsOf(expiredRef);
            // and the store keeps working incrementally after a bulk load
            Lease4 first = all.getFirst();
            assertThat(store.delete(first)).isTrue();
            assertThat(store.get(first.address())).isEmpty();
            assertThat(store.getByHwAddress(first.hwAddress())).doesNotContain(first);
        }
    }

    private static Lease4 lease(Random rnd, int address, int row) {
        byte[] mac = {0x02, 0, (byte) (row >> 16), (byte) (row >> 8), (byte) row, (byte) rnd.nextInt(4)};
        long valid = 3600;
        long cltt = NOW - rnd.nextInt(7200);
        return new Lease4(address, new HwAddress(HwAddress.HTYPE_ETHERNET, mac), Bytes.of(new byte[] {1, (byte) (row >> 8), (byte) row}),
                valid, cltt, 1 + rnd.nextInt(3), rnd.nextBoolean(), rnd.nextBoolean(),
                rnd.nextInt(5) == 0 ? "h" + rnd.nextInt(100) + ".example.org." : "", LeaseState.of(rnd.nextInt(3)), null, 0);
    }
}
