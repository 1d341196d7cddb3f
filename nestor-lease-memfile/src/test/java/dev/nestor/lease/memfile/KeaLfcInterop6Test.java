package dev.nestor.lease.memfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nestor.common.Bytes;
import dev.nestor.common.net.HwAddress;
import dev.nestor.common.net.Ipv6Text;
import dev.nestor.lease.Lease6;
import dev.nestor.lease.LeaseState;
import dev.nestor.lease.LeaseType6;
import dev.nestor.lease.StoreContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real kea-lfc in DHCPv6 mode over files Nestor wrote, then loads its result with Nestor. Skipped when
 * kea-lfc is not installed.
 */
class KeaLfcInterop6Test {
    private static final Path KEA_LFC = Path.of("/usr/sbin/kea-lfc");
    private static final long T = 1_700_000_000L;

    @TempDir
    Path dir;

    private MemfileLeaseStore6 open(Path file) throws Exception {
        return MemfileLeaseStore6.open(Map.of("name", file.toString(), "lfc-interval", "0"), new StoreContext(() -> T, dir));
    }

    private static Bytes duid(int last) {
        return Bytes.of(new byte[] {0, 1, 0, 1, 0x2c, 0x3d, 0x4e, 0x5f, 0, 0x11, 0x22, 0x33, 0x44, (byte) last});
    }

    @Test
    void keaLfcCompactsNestorFilesAndNestorReadsTheResult() throws Exception {
        assumeTrue(Files.isExecutable(KEA_LFC), "kea-lfc not installed");
        Path file = dir.resolve("leases6.csv");
        // pool id 0 and Kea's canonical JSON text, so the comparison holds for Kea versions without pool_id
        Lease6 a = new Lease6(Ipv6Text.parse("2001:db8:1::10"), LeaseType6.NA, 128, duid(1), 7, 1800, 3600, T, 1,
                true, false, "a,b.example.org.", HwAddress.parse("00:11:22:33:44:55"), LeaseState.DEFAULT,
                "{ \"k\": \"v\", \"n\": 1 }", 0);
        Lease6 prefix = Lease6.pd(Ipv6Text.parse("2001:db8:8000:100::"), 56, duid(2), 3, 1800, 3600, T, 1);
        Lease6 declined = Lease6.na(Ipv6Text.parse("2001:db8:1::11"), null, 0, 0, 86400, T, 1).withState(LeaseState.DECLINED);
        Lease6 gone = Lease6.na(Ipv6Text.parse("2001:db8:1::12"), duid(3), 1, 1800, 3600, T, 2);
        Lease6 later = Lease6.na(Ipv6Text.parse("2001:db8::1"), duid(4), 1, 300, 600, T, 2).withHostname("bücher.example.");
        Lease6 renewed = a.withCltt(T + 100);
        try (MemfileLeaseStore6 store = open(file)) {
            store.add(a);
            store.add(prefix);
            store.add(declined);
            store.add(gone);
            store.compactNow(); // Nestor writes .2
            store.replace(a, renewed);
            store.delete(gone);
            store.add(later);
        }
        // do the server's part of Kea's protocol, then let kea-lfc do the rest
        Files.move(file, dir.resolve("leases6.csv.1"));
        Process p = new ProcessBuilder(KEA_LFC.toString(), "-6",
                "-x", dir.resolve("leases6.csv.2").toString(), "-i", dir.resolve("leases6.csv.1").toString(),
                "-o", dir.resolve("leases6.csv.output").toString(), "-f", dir.resolve("leases6.csv.completed").toString(),
                "-p", dir.resolve("leases6.csv.pid").toString(), "-c", "ignored-path")
                .redirectErrorStream(true).redirectOutput(dir.resolve("kea-lfc.log").toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.exists(dir.resolve("leases6.csv.1"))).as(Files.readString(dir.resolve("kea-lfc.log"))).isFalse();
        assertThat(Files.readAllLines(dir.resolve("leases6.csv.2"))).hasSize(5);

        try (MemfileLeaseStore6 store = open(file)) {
            assertThat(store.getAll()).containsExactly(later, renewed, declined, prefix);
        }
    }
}
