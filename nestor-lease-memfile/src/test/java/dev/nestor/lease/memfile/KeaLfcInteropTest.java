package dev.nestor.lease.memfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nestor.common.Bytes;
import dev.nestor.common.net.HwAddress;
import dev.nestor.common.net.Ipv4;
import dev.nestor.lease.Lease4;
import dev.nestor.lease.LeaseState;
import dev.nestor.lease.StoreContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real kea-lfc (Debian package kea-dhcp4-server) over files Nestor wrote, then loads its result with
 * Nestor. Skipped when kea-lfc is not installed.
 */
class KeaLfcInteropTest {
    private static final Path KEA_LFC = Path.of("/usr/sbin/kea-lfc");
    private static final long T = 1_700_000_000L;

    @TempDir
    Path dir;

    private MemfileLeaseStore4 open(Path file) throws Exception {
        return MemfileLeaseStore4.open(Map.of("name", file.toString(), "lfc-interval", "0"), new StoreContext(() -> T, dir));
    }

    @Test
    void keaLfcCompactsNestorFilesAndNestorReadsTheResult() throws Exception {
        assumeTrue(Files.isExecutable(KEA_LFC), "kea-lfc not installed");
        Path file = dir.resolve("leases4.csv");
        // pool id 0 and Kea's canonical JSON text, so the comparison holds for Kea versions without pool_id
        Lease4 a = new Lease4(Ipv4.parse("192.0.2.10"), HwAddress.parse("00:11:22:33:44:55"),
                Bytes.fromHex("01:00:11:22:33:44:55"), 3600, T, 1, true, false, "a,b.example.org.", LeaseState.DEFAULT,
                "{ \"k\": \"v\", \"n\": 1 }", 0);
        Lease4 declined = Lease4.of(Ipv4.parse("192.0.2.11"), null, null, 86400, T, 1).withState(LeaseState.DECLINED);
        Lease4 gone = Lease4.of(Ipv4.parse("192.0.2.12"), HwAddress.parse("00:11:22:33:44:56"), null, 3600, T, 2);
        Lease4 later = Lease4.of(Ipv4.parse("10.0.0.1"), HwAddress.parse("00:11:22:33:44:57"), null, 600, T, 2)
                .withHostname("bücher.example.");
        Lease4 renewed = a.withCltt(T + 100);
        try (MemfileLeaseStore4 store = open(file)) {
            store.add(a);
            store.add(declined);
            store.add(gone);
            store.compactNow(); // Nestor writes .2
            store.replace(a, renewed);
            store.delete(gone);
            store.add(later);
        }
        // do the server's part of Kea's protocol, then let kea-lfc do the rest
        Files.move(file, dir.resolve("leases4.csv.1"));
        Process p = new ProcessBuilder(KEA_LFC.toString(), "-4",
                "-x", dir.resolve("leases4.csv.2").toString(), "-i", dir.resolve("leases4.csv.1").toString(),
                "-o", dir.resolve("leases4.csv.output").toString(), "-f", dir.resolve("leases4.csv.completed").toString(),
                "-p", dir.resolve("leases4.csv.pid").toString(), "-c", "ignored-path")
                .redirectErrorStream(true).redirectOutput(dir.resolve("kea-lfc.log").toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.exists(dir.resolve("leases4.csv.1"))).isFalse();
        assertThat(Files.readAllLines(dir.resolve("leases4.csv.2"))).hasSize(4);

        try (MemfileLeaseStore4 store = open(file)) {
            assertThat(store.getAll()).containsExactly(later, renewed, declined);
        }
    }
}
